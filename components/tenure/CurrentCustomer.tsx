import { db } from '@/lib/db';
import { correctLineKind } from '@/lib/db/line-kind';
import { tenureOf } from '@/lib/db/tenure-query';
import { t } from '@/lib/i18n';
import { buildTimeline, sortNotes, visibleNotes } from '@/lib/tenure/timeline';
import { useLive } from '../ui/useLive';
import { Notes } from './Notes';
import { Timeline } from './Timeline';
import { TenureView } from './TenureView';
import { useMe } from './useMe';
import './tenure.css';

/**
 * The side panel's current customer in full: tenure figures (the same query the dock's
 * background answer uses), notes, contacts and the timeline. Live: a note added here or a
 * problem logged elsewhere shows at once.
 */
export function CurrentCustomer({ customerId }: { customerId: string | null }) {
  const me = useMe();
  const data = useLive(
    async () => {
      if (!customerId || !me) return null;
      const d = db();
      const row = await d.customers.get(customerId);
      if (!row || row.deleted) return null;
      const [tenure, problems, contacts, notes] = await Promise.all([
        tenureOf(d, row),
        d.problems.where('customerId').equals(customerId).limit(500).toArray(),
        d.contacts.where('customerId').equals(customerId).limit(200).toArray(),
        d.notes.where('customerId').equals(customerId).limit(1_000).toArray(),
      ]);
      const visible = sortNotes(visibleNotes(notes, me.id));
      const authorIds = [...new Set(visible.map((n) => n.authorRepId))];
      const authors = new Map((await d.reps.bulkGet(authorIds)).flatMap((r) => (r ? [[r.id, r.name] as const] : [])));
      const timeline = buildTimeline({ notes: visible, problems, lastContactAt: row.lastContactAt, meId: me.id, limit: 50 });
      return { row, tenure, contacts: contacts.filter((c) => !c.deleted), notes: visible, authors, timeline };
    },
    [customerId, me?.id],
    null,
  );
  if (!data || !me) return null;
  return (
    <div class="current-customer" data-testid="current-detail">
      <TenureView
        tenure={data.tenure}
        renewalDate={data.row.renewalDate}
        lastContactAt={data.row.lastContactAt}
        onCorrect={(lineId, kind) => correctLineKind(db(), lineId, kind).catch(() => false)}
      />
      <Notes customerId={data.row.id} notes={data.notes} meId={me.id} authors={data.authors} />
      {data.contacts.length > 0 && (
        <section aria-labelledby="tenure-contacts">
          <h3 id="tenure-contacts">{t('tenure_contacts')}</h3>
          <ul class="plain small">
            {data.contacts.map((c) => (
              <li key={c.id}>
                {c.name}
                {c.title ? ` · ${c.title}` : ''} {c.emails[0] ? <span class="status">{c.emails[0]}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Timeline entries={data.timeline} />
    </div>
  );
}
