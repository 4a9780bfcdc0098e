import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db, fromRow, resolveCustomer } from '@/lib/db';
import type { Customer } from '@/lib/model';
import { t } from '@/lib/i18n';
import { activeTabSubject } from '@/lib/tabs/active-subject';
import { MyProblems } from '../owners/MyProblems';
import { PodLookup } from '../pods/PodLookup';
import { useLive } from '../ui/useLive';
import { CurrentCustomer } from '../tenure/CurrentCustomer';
import { MyBook } from './MyBook';
import { CoachList } from '../coaches/CoachList';
import { Tabs } from '../ui/Tabs';

/** The side panel: the current tab's customer, what I own, and the customers I know. */
export function SidePanel() {
  const current = useCurrentTabCustomer();
  const customers = useLive(() => db().customers.orderBy('nameKey').filter((c) => !c.deleted).limit(200).toArray(), [], []);

  return (
    <main>
      <h1>{t('sideTitle')}</h1>
      <Tabs
        label={t('coachTabsLabel')}
        tabs={[
          { id: 'overview', label: t('coachTabOverview'), render: () => <Overview current={current} customers={customers} /> },
          { id: 'coaches', label: t('coachTabCoaches'), render: () => <CoachList /> },
        ]}
      />
    </main>
  );
}

/** The current tab's customer, my problems, my book, pod lookup, the customers I know. */
function Overview({ current, customers }: { current: Customer | null; customers: Customer[] }) {
  return (
    <>
      <section aria-labelledby="sp-current">
        <h2 id="sp-current">{t('currentTab')}</h2>
        <p data-testid="current-customer">{current ? current.name : <span class="muted">{t('nothingDetected')}</span>}</p>
        <CurrentCustomer customerId={current?.id ?? null} />
      </section>
      <MyProblems />
      <MyBook />
      <PodLookup />
      <section aria-labelledby="sp-customers">
        <h2 id="sp-customers">{t('customers')}</h2>
        {customers.length ? (
          <ul class="plain" data-testid="customers">
            {customers.map((c) => (
              <li key={c.id}>
                {c.name} <span class="status">{c.domains.join(', ')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('noCustomers')}</p>
        )}
      </section>
    </>
  );
}

/** Follows the active tab: re-asks its content script when the user switches or navigates. */
function useCurrentTabCustomer(): Customer | null {
  const [customer, setCustomer] = useState<Customer | null>(null);
  useEffect(() => {
    const look = async () => {
      const subject = await activeTabSubject();
      const match = subject ? await resolveCustomer(db(), subject) : null;
      setCustomer(match ? fromRow(match.row) : null);
    };
    void look();
    const onUpdated = (_id: number, info: { status?: string }) => {
      if (info.status === 'complete') void look();
    };
    browser.tabs.onActivated.addListener(look);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(look);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return customer;
}
