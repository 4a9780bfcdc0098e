import Dexie from 'dexie';
import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import type { CustomerRow } from '@/lib/db/database';
import { fromRow } from '@/lib/db/customers';
import { t } from '@/lib/i18n';
import { buildBook, localIsoDate, signalArgs, type Risk } from '@/lib/tenure';
import { MixBar, MixLegend } from '../tenure/MixBar';
import { customerCount, formatMoney, formatTenure, percent, signalText, stepText } from '../tenure/format';
import { TenureHistogram } from '../tenure/TenureHistogram';
import { useMe } from '../tenure/useMe';
import { useLive } from '../ui/useLive';
import '../tenure/tenure.css';

/** The strongest reason of a risk, in words (empty when there is none). */
function topReason(risk: Risk): string {
  const top = risk.signals[0];
  return top ? (signalText({ code: top.code, weight: top.weight, args: signalArgs(top) }) ?? '') : '';
}

/** At most this many customers are read for the book; a larger team book needs the server. */
const BOOK_LIMIT = 500;
const SHOWN = 50;
/** The riskiest few come first, so the book's other figures stay within reach below them. */
const FIRST_ROWS = 10;

/**
 * "My book": the customers I own, riskiest first (the ten riskiest, then all on request), their
 * revenue mix against 75/15/10 and the book's tenure distribution (lib/tenure/book.ts). Before any customer is assigned
 * to me (fresh imports often carry owners who are not reps here) it shows all customers.
 * "The team's" shows every customer this device knows, which with team sync is the team's.
 */
export function MyBook() {
  const me = useMe();
  // With team sync the database holds the colleagues' customers too: the same views for the team.
  const [scope, setScope] = useState<'mine' | 'team'>('mine');
  const [allRows, setAllRows] = useState(false);
  const data = useLive(
    async () => {
      if (!me) return null;
      const d = db();
      let rows: CustomerRow[] =
        scope === 'mine' ? await d.customers.where('ownerRepId').equals(me.id).filter((c) => !c.deleted).limit(BOOK_LIMIT).toArray() : [];
      const mine = rows.length > 0;
      if (!mine) rows = await d.customers.orderBy('nameKey').filter((c) => !c.deleted).limit(BOOK_LIMIT).toArray();
      const ids = rows.map((r) => r.id);
      const [lineGroups, problems, coaches] = await Promise.all([
        Promise.all(ids.map((id) => d.revenueLines.where('[customerId+date]').between([id, Dexie.minKey], [id, Dexie.maxKey]).limit(5_000).toArray())),
        ids.length ? d.problems.where('customerId').anyOf(ids).limit(20_000).toArray() : [],
        d.coaches.limit(1_000).toArray(),
      ]);
      const at = new Date();
      const book = buildBook({
        customers: rows.map(fromRow),
        lines: lineGroups.flat(),
        problems,
        coaches,
        repId: mine ? me.id : undefined,
        today: localIsoDate(at),
        now: at.toISOString(),
      });
      return { book, mine, limited: rows.length >= BOOK_LIMIT };
    },
    [me?.id, scope],
    null,
  );

  return (
    <section class="book" aria-labelledby="sp-book" data-testid="my-book">
      <h2 id="sp-book">{t('tenure_myBook')}</h2>
      <fieldset class="row" data-testid="book-scope">
        <legend class="small">{t('tenure_bookScope')}</legend>
        {(['mine', 'team'] as const).map((s) => (
          <label key={s} class="inline">
            <input type="radio" name="book-scope" value={s} checked={scope === s} onChange={() => setScope(s)} /> {t(s === 'mine' ? 'tenure_bookMine' : 'tenure_bookTeam')}
          </label>
        ))}
      </fieldset>
      {!data ? null : data.book.entries.length === 0 ? (
        <p class="muted">{t('empty_noCustomersTitle')}</p>
      ) : (
        <>
          <p class="muted small">
            {customerCount(data.book.entries.length)}
            {data.mine || scope === 'team' ? '' : ` · ${t('tenure_bookNoneMine')}`}
            {data.limited ? ` · ${t('tenure_bookLimited', BOOK_LIMIT)}` : ''}
            {data.book.prospects ? ` · ${t('tenure_bookProspects', data.book.prospects)}` : ''}
          </p>
          <h3 id="sp-book-risk">{t('tenure_bookByRisk')}</h3>
          <table data-testid="book-table">
            <tbody>
              {data.book.entries.slice(0, allRows ? SHOWN : FIRST_ROWS).map((e) => (
                <tr key={e.customer.id} class={`risk-${e.risk.level}`} data-risk={e.risk.level}>
                  <td>
                    <strong>{e.customer.name}</strong>
                    <br />
                    <span class="muted">{e.tenure ? formatTenure(e.tenure.years, e.tenure.months) : t('tenure_unknownShort')}</span>
                  </td>
                  <td>
                    <span class={`t-chip risk-${e.risk.level}`}>{t(`tenure_risk_${e.risk.level}`)}</span>
                    <br />
                    <span class="small" data-testid="book-reason">{topReason(e.risk)}</span>
                    <br />
                    <span class="muted">{stepText(e.risk.nextStep)}</span>
                  </td>
                  <td>
                    {e.mix.last12Months.map((c) => (
                      <MixBar key={c.currency} amounts={c.amounts} label={c.currency} width={80} />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!allRows && data.book.entries.length > FIRST_ROWS && (
            <p class="sp-more">
              <button type="button" onClick={() => setAllRows(true)}>
                {t('side_showAllRisk', Math.min(SHOWN, data.book.entries.length))}
              </button>
            </p>
          )}
          <h3>{t('tenure_bookMix')}</h3>
          {data.book.mix.last12Months.length === 0 && <p class="muted small">{t('tenure_noRevenue')}</p>}
          {data.book.mix.last12Months.map((c) => (
            <div key={c.currency} class="t-cur" data-testid="book-mix" data-currency={c.currency}>
              <p class="t-total small">
                <strong>{t('tenure_total', formatMoney(c.total, c.currency))}</strong>
                {c.shares ? ` · ${(['existing', 'cross_sell', 'new'] as const).map((k) => `${t(`tenure_kind_${k}`)} ${percent(c.shares![k])}%`).join(' · ')}` : ''}
              </p>
              <MixBar amounts={c.amounts} label={c.currency} width={220} />
            </div>
          ))}
          <MixLegend />
          <h3>{t('tenure_bookDistribution')}</h3>
          <TenureHistogram buckets={data.book.tenure} unknown={data.book.unknownTenure} />
        </>
      )}
    </section>
  );
}
