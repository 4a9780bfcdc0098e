import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db, ensureMe, fromRow, resolveCustomer } from '@/lib/db';
import type { Customer, Problem, Rep } from '@/lib/model';
import { t } from '@/lib/i18n';
import { activeTabSubject } from '@/lib/tabs/active-subject';
import { PodLookup } from '../pods/PodLookup';
import { useLive } from '../ui/useLive';

/** The side panel: the current tab's customer, what I own, and the customers I know. */
export function SidePanel() {
  const current = useCurrentTabCustomer();
  const [me, setMe] = useState<Rep | null>(null);
  useEffect(() => void ensureMe(db()).then(setMe), []);
  const problems = useLive<Problem[]>(
    async () => (me ? db().problems.where('ownerRepId').equals(me.id).filter((p) => !p.deleted && p.status !== 'closed').toArray() : []),
    [me?.id],
    [],
  );
  const customers = useLive(() => db().customers.orderBy('nameKey').filter((c) => !c.deleted).limit(200).toArray(), [], []);
  const names = new Map(customers.map((c) => [c.id, c.name]));

  return (
    <main>
      <h1>{t('sideTitle')}</h1>
      <section aria-labelledby="sp-current">
        <h2 id="sp-current">{t('currentTab')}</h2>
        <p data-testid="current-customer">{current ? current.name : <span class="muted">{t('nothingDetected')}</span>}</p>
      </section>
      <section aria-labelledby="sp-problems">
        <h2 id="sp-problems">{t('myProblems')}</h2>
        {problems.length ? (
          <ul class="plain" data-testid="my-problems">
            {problems.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong> <span class="status">· {names.get(p.customerId) ?? '?'} · {t(`status_${p.status}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('noOpenProblems')}</p>
        )}
      </section>
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
    </main>
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
