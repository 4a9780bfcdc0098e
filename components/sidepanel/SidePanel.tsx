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
import { NoCustomers } from '../popup/NoCustomers';
import './sidepanel.css';

/** The side panel: the current tab's customer and what I own; my book by risk; my coaches. */
export function SidePanel() {
  const current = useCurrentTabCustomer();
  // null until read: an empty book's guidance must not flash up while the customers load.
  const customers = useLive<Customer[] | null>(async () => (await db().customers.orderBy('nameKey').filter((c) => !c.deleted).limit(200).toArray()).map(fromRow), [], null);

  return (
    <main>
      <h1>{t('sideTitle')}</h1>
      <Tabs
        label={t('coachTabsLabel')}
        tabs={[
          { id: 'overview', label: t('coachTabOverview'), render: () => <Overview current={current} customers={customers} /> },
          // The book, riskiest customers first, on a tab of its own: not 2,000 px below the current customer.
          { id: 'book', label: t('side_tabBook'), render: () => (customers && customers.length === 0 ? <NoCustomers /> : <MyBook />) },
          { id: 'coaches', label: t('coachTabCoaches'), render: () => <CoachList /> },
        ]}
      />
    </main>
  );
}

/** Where each part of the overview starts: one click to any of them, however long the customer view above is. */
const SECTIONS = [
  { href: '#sp-current', key: 'side_navCurrent' },
  { href: '#sp-problems', key: 'side_navProblems' },
  { href: '#pods-lookup-h', key: 'side_navPod' },
  { href: '#sp-customers', key: 'side_navCustomers' },
] as const;

/**
 * The current tab's customer, my problems, pod lookup, the customers I know (my book has its
 * own tab). An empty book says how to fill it instead of showing empty panels.
 */
function Overview({ current, customers }: { current: Customer | null; customers: Customer[] | null }) {
  return (
    <>
      <nav class="sp-nav" aria-label={t('side_navLabel')}>
        {SECTIONS.map((s) => (
          <a key={s.href} href={s.href}>
            {t(s.key)}
          </a>
        ))}
      </nav>
      {customers && customers.length === 0 && !current && <NoCustomers />}
      <section aria-labelledby="sp-current">
        <h2 id="sp-current">{t('currentTab')}</h2>
        <p data-testid="current-customer">{current ? current.name : <span class="muted">{t('nothingDetected')}</span>}</p>
        <CurrentCustomer customerId={current?.id ?? null} />
      </section>
      <MyProblems />
      <PodLookup />
      <section aria-labelledby="sp-customers">
        <h2 id="sp-customers">{t('customers')}</h2>
        {customers?.length ? (
          <ul class="plain sp-customers" data-testid="customers">
            {customers.map((c) => (
              <li key={c.id}>
                <span class="sp-name">{c.name}</span> <span class="sp-domain">{c.domains.join(', ')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{customers ? t('empty_noCustomersTitle') : ''}</p>
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
