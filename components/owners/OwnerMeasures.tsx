import { db, refusedTransferAttempts } from '@/lib/db';
import type { Problem, Rep } from '@/lib/model';
import { measureOwnership, type OwnershipMeasures } from '@/lib/owners/measures';
import { t } from '@/lib/i18n';
import { useLive } from '../ui/useLive';
import { repName } from '../ui/rep-name';
import './owners.css';

const hours = (h: number | null) => (h === null ? '—' : h < 10 ? h.toFixed(1) : String(Math.round(h)));

interface Row {
  key: string;
  name: string;
  m: OwnershipMeasures;
}

/** How problems are owned: time to first update and to confirmed close, reopens, transfers — per rep and team. */
export function OwnerMeasures() {
  const data = useLive(
    async () => ({
      problems: await db().problems.toArray(),
      reps: await db().reps.toArray(),
      refused: await refusedTransferAttempts(db()),
    }),
    [],
    { problems: [] as Problem[], reps: [] as Rep[], refused: {} as Record<string, number> },
  );
  const report = measureOwnership(data.problems, { refusedTransferAttempts: data.refused });
  const names = new Map(data.reps.map((r) => [r.id, repName(r.name)]));
  const rows: Row[] = Object.entries(report.perRep)
    .map(([key, m]) => ({ key, name: names.get(key) ?? '?', m }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section aria-labelledby="owner-measures" class="measures">
      <h2 id="owner-measures">{t('owner_measuresTitle')}</h2>
      {report.team.problems === 0 ? (
        <p class="muted">{t('owner_measuresEmpty')}</p>
      ) : (
        <>
          <table data-testid="owner-measures">
            <caption class="muted">{t('owner_measuresCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('owner_mRep')}</th>
                <th scope="col">{t('owner_mProblems')}</th>
                <th scope="col">{t('owner_mClosed')}</th>
                <th scope="col">{t('owner_mFirstUpdate')}</th>
                <th scope="col">{t('owner_mToClose')}</th>
                <th scope="col">{t('owner_mReopens')}</th>
                <th scope="col">{t('owner_mTransfers')}</th>
                <th scope="col">{t('owner_mRefused')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <MeasureRow key={r.key} name={r.name} m={r.m} />
              ))}
              <MeasureRow name={t('owner_mTeam')} m={report.team} team />
            </tbody>
          </table>
          <MeasuresPlot rows={rows} />
        </>
      )}
    </section>
  );
}

function MeasureRow({ name, m, team }: { name: string; m: OwnershipMeasures; team?: boolean }) {
  const Cell = team ? 'th' : 'td';
  return (
    <tr data-rep={name}>
      <th scope="row">{name}</th>
      <Cell>{m.problems}</Cell>
      <Cell>{m.closed}</Cell>
      <Cell>{hours(m.medianHoursToFirstUpdate)}</Cell>
      <Cell>{hours(m.medianHoursToConfirmedClose)}</Cell>
      <Cell>{m.reopens}</Cell>
      <Cell>{m.transfersOut}</Cell>
      <Cell>{m.refusedTransferAttempts}</Cell>
    </tr>
  );
}

const BAR_H = 10;
const LABEL_W = 110;
const PLOT_W = 260;

/**
 * Median hours per rep as paired bars: to the first update, to the confirmed close. Only reps
 * with a time to show are drawn (a chart of empty bars labelled "—" says nothing); before any
 * problem has had its first update, a sentence says what the chart will show.
 */
export function MeasuresPlot({ rows }: { rows: Row[] }) {
  const shown = rows.filter((r) => r.m.medianHoursToFirstUpdate !== null || r.m.medianHoursToConfirmedClose !== null);
  if (!shown.length) {
    return (
      <p class="muted" data-testid="owner-plot-empty">
        {t('owner_plotEmpty')}
      </p>
    );
  }
  const values = shown.flatMap((r) => [r.m.medianHoursToFirstUpdate ?? 0, r.m.medianHoursToConfirmedClose ?? 0]);
  const max = Math.max(1, ...values);
  const rowH = BAR_H * 2 + 8;
  const height = shown.length * rowH + 24;
  const w = (v: number | null) => ((v ?? 0) / max) * PLOT_W;
  const label = (v: number | null) => (v === null ? t('owner_plotNotYet') : t('owner_plotHours', hours(v)));
  return (
    <figure>
      <svg role="img" aria-labelledby="owner-plot-title" width={LABEL_W + PLOT_W + 70} height={height} data-testid="owner-plot">
        <title id="owner-plot-title">{t('owner_plotTitle')}</title>
        {shown.map((r, i) => {
          const y = i * rowH;
          return (
            <g key={r.key} data-rep={r.name}>
              <text x={0} y={y + BAR_H + 4} font-size="11" fill="currentColor">
                {r.name.slice(0, 16)}
              </text>
              <rect x={LABEL_W} y={y} width={w(r.m.medianHoursToFirstUpdate)} height={BAR_H} fill="#3f8efc" />
              <text x={LABEL_W + w(r.m.medianHoursToFirstUpdate) + 4} y={y + BAR_H - 1} font-size="10" fill="currentColor">
                {label(r.m.medianHoursToFirstUpdate)}
              </text>
              <rect x={LABEL_W} y={y + BAR_H + 2} width={w(r.m.medianHoursToConfirmedClose)} height={BAR_H} fill="#0f6b5c" />
              <text x={LABEL_W + w(r.m.medianHoursToConfirmedClose) + 4} y={y + 2 * BAR_H + 1} font-size="10" fill="currentColor">
                {label(r.m.medianHoursToConfirmedClose)}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LABEL_W}, ${height - 10})`}>
          <rect width="10" height="8" fill="#3f8efc" />
          <text x="14" y="8" font-size="10" fill="currentColor">
            {t('owner_mFirstUpdate')}
          </text>
          <rect x="150" width="10" height="8" fill="#0f6b5c" />
          <text x="164" y="8" font-size="10" fill="currentColor">
            {t('owner_mToClose')}
          </text>
        </g>
      </svg>
    </figure>
  );
}
