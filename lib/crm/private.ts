/**
 * What a "just me" CRM connection brought in stays on this device (lib/crm/state.ts
 * CrmShare): its writes are not queued while team sync runs (WriteOptions.uncaptured), and
 * connecting to team sync later (lib/sync/first-sync.ts) does not queue them either — the
 * revenue of its deals, and customers known only by its references that nothing sent to the
 * team needs (no problem, note, contact, coach or other revenue of theirs; no since or last
 * contact the rep gave).
 */
import type { CustomerRow, HoldfastDB } from '../db/database';
import type { RevenueLine } from '../model';

export type PrivateTest = (table: string, row: unknown) => boolean;

export async function privateCrmRecords(d: HoldfastDB): Promise<PrivateTest> {
  const mine = (await d.crm.toArray()).filter((r) => r.share === 'me');
  if (!mine.length) return () => false;
  // crmKey prefixes of those connections' CRM and tenant (lib/model crmKey: site|tenant|type|id).
  const prefixes = mine.map((r) => `${r.key}|${r.tenant}|`);
  const isPrivateKey = (k: string | undefined) => !!k && prefixes.some((p) => k.startsWith(p));

  // Customers that records going to the team refer to: they go too.
  const needed = new Set<string>();
  await d.revenueLines.each((l) => {
    if (!isPrivateKey(l.deal)) needed.add(l.customerId);
  });
  for (const table of [d.problems, d.notes] as const) await (table as typeof d.notes).each((r) => void needed.add(r.customerId));
  await d.contacts.each((c) => {
    if (c.customerId) needed.add(c.customerId);
  });
  await d.coaches.each((c) => {
    for (const r of c.referrals) needed.add(r.customerId);
  });

  return (table, row) => {
    if (table === 'revenueLines') return isPrivateKey((row as RevenueLine).deal);
    if (table !== 'customers') return false;
    const c = row as CustomerRow;
    return c.crmKeys.length > 0 && c.crmKeys.every(isPrivateKey) && !needed.has(c.id) && c.sinceSource !== 'rep' && !c.lastContactAt;
  };
}
