import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { actOnProblem, actOnProblemWire, activeProblems, db } from '@/lib/db';
import type { Contact, Problem, ProblemEvent, Rep } from '@/lib/model';
import { isOverdue, myProblems } from '@/lib/owners/urgency';
import { MIN_TRANSFER_REASON } from '@/lib/owners/constants';
import { t } from '@/lib/i18n';
import { useLive } from '../ui/useLive';
import { ProblemActions } from './ProblemActions';
import { ageText, dateTimeText, refusalText } from './text';
import './owners.css';
import { useMe } from '../tenure/useMe';
import { repName } from '../ui/rep-name';
import { FOCUS_PROBLEM_KEY } from '@/lib/tabs/problem-page';


/** Side panel "My problems": what I own, most urgent first; what I cover; the same actions as the dock. */
export function MyProblems() {
  const me = useMe();
  const focus = useFocusProblem();
  const problems = useLive<Problem[]>(() => activeProblems(db()), [], []);
  const closed = useLive<Problem[]>(() => db().problems.where('status').equals('closed').filter((p) => !p.deleted).toArray(), [], []);
  const reps = useLive<Rep[]>(() => db().reps.filter((r) => !r.deleted).toArray(), [], []);
  const customers = useLive(() => db().customers.filter((c) => !c.deleted).toArray(), [], []);
  const contacts = useLive<Contact[]>(() => db().contacts.filter((c) => !c.deleted && c.customerId !== undefined).toArray(), [], []);
  const names = new Map(customers.map((c) => [c.id, c.name]));
  // Each customer's most recently updated contact: "Customer confirmed on this call" starts from them.
  const contactOf = new Map<string, string>();
  for (const c of [...contacts].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))) contactOf.set(c.customerId!, c.name);
  const repNames = new Map(reps.map((r) => [r.id, repName(r.name)]));
  if (!me) return null;
  const now = new Date().toISOString();
  const { own, covering } = myProblems(problems, me.id, now);
  const card = (p: Problem) => (
    <ProblemCard
      key={p.id}
      problem={p}
      me={me}
      reps={reps}
      repNames={repNames}
      customerName={names.get(p.customerId) ?? '?'}
      contactName={contactOf.get(p.customerId)}
      now={now}
      focused={focus === p.id}
    />
  );

  return (
    <section aria-labelledby="sp-problems" class="my-problems">
      <h2 id="sp-problems">{t('myProblems')}</h2>
      {own.length ? (
        <ul class="owner-list" data-testid="my-problems">
          {own.map(card)}
        </ul>
      ) : (
        <p class="muted">{t('noOpenProblems')}</p>
      )}
      <h2 id="sp-covering">{t('owner_iCoverTitle')}</h2>
      {covering.length ? (
        <ul class="owner-list" data-testid="covering-problems" aria-labelledby="sp-covering">
          {covering.map(card)}
        </ul>
      ) : (
        <p class="muted">{t('owner_noCovering')}</p>
      )}
      <ClosedRecently problems={recentlyClosed(closed, me.id, now)} names={names} repName={(id) => repNames.get(id) ?? '?'} />
    </section>
  );
}

interface CardProps {
  problem: Problem;
  me: Rep;
  reps: Rep[];
  repNames: Map<string, string>;
  customerName: string;
  contactName?: string;
  now: string;
  focused: boolean;
}

function ProblemCard({ problem: p, me, reps, repNames, customerName, contactName, now, focused }: CardProps) {
  const mine = p.ownerRepId === me.id;
  const overdue = isOverdue(p, now);
  const transfers = p.events.filter((e): e is Extract<ProblemEvent, { type: 'transfer' }> => e.type === 'transfer');
  const name = (id: string) => repNames.get(id) ?? '?';
  return (
    <li
      class={[mine && 'mine', focused && 'focused'].filter(Boolean).join(' ') || undefined}
      data-problem={p.id}
      data-status={p.status}
      ref={(el) => {
        if (focused && el) el.scrollIntoView({ block: 'center' });
      }}
    >
      <strong>{p.title}</strong> <span class="status">· {customerName} · {t(`status_${p.status}`)}</span>
      <div class="meta">
        {t(`severity_${p.severity}`)} · {t('ownerIs', name(p.ownerRepId))} · {t('owner_age', ageText(p.receivedAt, now))}
        {p.dueAt && <span class={overdue ? 'overdue' : undefined}> · {overdue ? t('owner_overdueSince', dateTimeText(p.dueAt)) : t('owner_dueAt', dateTimeText(p.dueAt))}</span>}
        {p.reopenCount > 0 && <> · {t('owner_reopened', p.reopenCount)}</>}
        {p.coveringRepIds.length > 0 && <> · {t('owner_coveredBy', p.coveringRepIds.map(name).join(', '))}</>}
      </div>
      {transfers.map((e) => (
        <p class="meta transfer-note" key={e.id}>
          {t('owner_transferLine', name(e.fromRepId), name(e.toRepId), dateTimeText(e.at), e.reason)}
        </p>
      ))}
      <ProblemActions
        problemId={p.id}
        status={p.status}
        participant={mine || p.coveringRepIds.includes(me.id)}
        idPrefix="sp"
        contactName={contactName}
        act={(a) => actOnProblemWire(db(), p.id, a)}
      />
      <History problem={p} name={name} />
      {mine && <OwnerTools problem={p} me={me} reps={reps} />}
    </li>
  );
}

function History({ problem: p, name }: { problem: Problem; name: (id: string) => string }) {
  return (
    <details>
      <summary>{t('owner_history')}</summary>
      {p.detail && <p class="meta">{p.detail}</p>}
      <ol class="owner-history">
        {p.events.map((e) => (
          <li key={e.id}>
            {dateTimeText(e.at)} · {name(e.byRepId)} · {eventText(e, name)}
          </li>
        ))}
      </ol>
    </details>
  );
}

const RECENT_DAYS = 14;
const RECENT_MAX = 10;

/** My problems closed in the last two weeks, newest first: what I closed, and how the customer confirmed it. */
function recentlyClosed(closed: readonly Problem[], me: string, now: string): Problem[] {
  const since = Date.parse(now) - RECENT_DAYS * 86_400_000;
  return closed
    .filter((p) => p.ownerRepId === me && Date.parse(p.updatedAt) >= since)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, RECENT_MAX);
}

function ClosedRecently({ problems, names, repName }: { problems: Problem[]; names: Map<string, string>; repName: (id: string) => string }) {
  if (!problems.length) return null;
  return (
    <>
      <h2 id="sp-closed">{t('owner_closedRecently')}</h2>
      <ul class="owner-list" data-testid="closed-problems" aria-labelledby="sp-closed">
        {problems.map((p) => (
          <li key={p.id} data-problem={p.id} data-status={p.status}>
            <strong>{p.title}</strong>{' '}
            <span class="status">
              · {names.get(p.customerId) ?? '?'} · {t('owner_closedAt', dateTimeText(p.events.at(-1)?.at ?? p.updatedAt))}
            </span>
            <History problem={p} name={repName} />
          </li>
        ))}
      </ul>
    </>
  );
}

function eventText(e: ProblemEvent, name: (id: string) => string): string {
  switch (e.type) {
    case 'received':
      return t('owner_ev_received');
    case 'status':
      return t('owner_ev_status', t(`status_${e.from}`), t(`status_${e.to}`));
    case 'update':
      return e.text;
    case 'cover':
      return t(e.action === 'add' ? 'owner_ev_coverAdd' : 'owner_ev_coverRemove', name(e.repId));
    case 'confirmation':
      return t(
        e.confirmation.satisfied ? 'owner_ev_confirmedYes' : 'owner_ev_confirmedNo',
        e.confirmation.by,
        t(`channel_${e.confirmation.how}`),
      ) + (e.confirmation.comment ? ` — ${e.confirmation.comment}` : '');
    case 'transfer':
      return t('owner_ev_transfer', name(e.fromRepId), name(e.toRepId), e.reason);
  }
}

/**
 * The owner's own tools: bring a colleague in to cover (help, not take over), and the
 * deliberate transfer — a rep and a written reason, both kept on the problem for all to see.
 */
function OwnerTools({ problem: p, me, reps }: { problem: Problem; me: Rep; reps: Rep[] }) {
  const others = reps.filter((r) => r.id !== me.id);
  const [coverRep, setCoverRep] = useState('');
  const [toRep, setToRep] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const id = (s: string) => `sp-${p.id}-${s}`;
  if (!others.length) return null;

  async function cover(e: Event) {
    e.preventDefault();
    if (!coverRep) return;
    const r = await actOnProblem(db(), p.id, { type: 'addCover', repId: coverRep });
    setNote(r.ok ? { kind: 'ok', text: t('owner_coverAdded') } : { kind: 'error', text: refusalText(r) });
  }
  async function transfer(e: Event) {
    e.preventDefault();
    const r = await actOnProblem(db(), p.id, { type: 'transfer', toRepId: toRep, reason });
    setNote(r.ok ? { kind: 'ok', text: t('owner_transferred') } : { kind: 'error', text: refusalText(r) });
  }
  const options = others.map((r) => <option value={r.id}>{repName(r.name)}</option>);

  return (
    <details class="owner-tools">
      <summary>{t('owner_moreTools')}</summary>
      <form class="owner-form" onSubmit={cover} aria-label={t('owner_addCover')}>
        <label for={id('cover')}>{t('owner_addCover')}</label>
        <select id={id('cover')} value={coverRep} onChange={(e) => setCoverRep(e.currentTarget.value)}>
          <option value="">—</option>
          {options}
        </select>
        <div class="owner-buttons">
          <button type="submit" data-act="addCover">{t('owner_addCoverButton')}</button>
        </div>
      </form>
      <form class="owner-form" onSubmit={transfer} aria-label={t('owner_transferTitle')}>
        <p class="meta">{t('owner_transferExplain')}</p>
        <label for={id('to')}>{t('owner_transferTo')}</label>
        <select id={id('to')} value={toRep} onChange={(e) => setToRep(e.currentTarget.value)}>
          <option value="">—</option>
          {options}
        </select>
        <label for={id('reason')}>{t('owner_transferReason', MIN_TRANSFER_REASON)}</label>
        <textarea id={id('reason')} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <div class="owner-buttons">
          <button type="submit" data-act="transfer" disabled={!toRep}>
            {t('owner_transferButton')}
          </button>
        </div>
      </form>
      {note && (
        <p class={note.kind === 'error' ? 'error refusal' : 'muted'} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </details>
  );
}

/** The problem a reminder click asked to show: from the address (own window) or storage.session (side panel). */
function useFocusProblem(): string | null {
  const [focus, setFocus] = useState<string | null>(() => new URLSearchParams(location.search).get('problem'));
  useEffect(() => {
    const session = browser.storage?.session;
    if (!session) return;
    const take = async () => {
      const v = (await session.get(FOCUS_PROBLEM_KEY))[FOCUS_PROBLEM_KEY];
      if (typeof v === 'string') {
        setFocus(v);
        await session.remove(FOCUS_PROBLEM_KEY);
      }
    };
    void take();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && FOCUS_PROBLEM_KEY in changes) void take();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return focus;
}
