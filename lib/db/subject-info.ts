import type { PageSubject } from '../model';
import type { ProblemSummary, SubjectInfo } from '../messaging/protocol';
import type { HoldfastDB } from './database';
import { resolveCustomer, summarise, type Match } from './lookup';
import { readMe, readSnapshot } from './read-snapshot';
import { tenureOf } from './tenure-query';
import { whoToBring } from '../pods/bring';
import { partnerTaskFor } from '../pods/for-customer';

const OPEN_STATUSES = ['open', 'working', 'waiting_on_customer', 'resolved_awaiting_confirmation'] as const;

/** What the dock shows for a page: the customer, their open problems, my pod partners. */
export async function subjectInfo(d: HoldfastDB, subject: PageSubject): Promise<SubjectInfo> {
  return readSnapshot(d, async () => {
    // Reads are pipelined inside one transaction: who I am and my partners beside the resolution.
    const mine = early(myPartners(d));
    return infoFor(d, mine, await resolveCustomer(d, subject));
  });
}

/** The same for a customer the user picked by hand. */
export async function pickedInfo(d: HoldfastDB, customerId: string): Promise<SubjectInfo> {
  return readSnapshot(d, async () => {
    const mine = early(myPartners(d));
    const row = await d.customers.get(customerId);
    return infoFor(d, mine, row && !row.deleted ? { row, matchedBy: 'picked' } : null);
  });
}

/**
 * Reads started early and awaited later (so they run alongside others in the transaction)
 * are marked handled at once: a rejection — no rep yet, which readSnapshot answers by
 * creating one and retrying — still reaches the later await, but is never reported as
 * unhandled in between.
 */
function early<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

async function myPartners(d: HoldfastDB) {
  const me = await readMe(d);
  const pod = await d.pods.where('memberIds').equals(me.id).filter((p) => !p.deleted).first();
  const podIds = pod ? pod.memberIds : [];
  const partnerIds = podIds.filter((id) => id !== me.id);
  const partners = (await d.reps.bulkGet(partnerIds)).filter((r) => r && !r.deleted).map((r) => ({ id: r!.id, name: r!.name, style: r!.style }));
  return { me, partners, podIds };
}

async function infoFor(d: HoldfastDB, mine: ReturnType<typeof myPartners>, match: Match | null): Promise<SubjectInfo> {
  if (!match) return { customer: null, openProblems: [], partners: (await mine).partners };

  const tenure = early(tenureOf(d, match.row));
  const problems = await d.problems
    .where('[customerId+status]')
    .anyOf(OPEN_STATUSES.map((s) => [match.row.id, s]))
    .filter((p) => !p.deleted)
    .toArray();
  const { me, partners, podIds } = await mine;
  const owners = new Map((await d.reps.bulkGet([...new Set(problems.map((p) => p.ownerRepId))])).flatMap((r) => (r ? [[r.id, r.name]] : [])));
  const openProblems: ProblemSummary[] = problems
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    .map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      severity: p.severity,
      ownerName: owners.get(p.ownerRepId) ?? '?',
      mine: p.ownerRepId === me.id,
      receivedAt: p.receivedAt,
      dueAt: p.dueAt,
      reopenCount: p.reopenCount,
      iCover: p.coveringRepIds.includes(me.id),
      transferNote: p.events.findLast((e) => e.type === 'transfer')?.reason,
    }));
  const customer = summarise(match);
  const suggestion = await suggest(d, me.id, podIds, {
    openProblemsReceivedAt: problems.map((p) => p.receivedAt),
    customerSince: customer.customerSince,
    lastContactAt: customer.lastContactAt,
    renewalDate: customer.renewalDate,
  });
  return { customer, openProblems, partners, tenure: await tenure, ...(suggestion ? { suggestion } : {}) };
}

/** The colleague this customer calls for now, if the record shows a need (see lib/pods/for-customer.ts). */
async function suggest(d: HoldfastDB, meId: string, podIds: string[], signals: Parameters<typeof partnerTaskFor>[0]): Promise<SubjectInfo['suggestion']> {
  const need = partnerTaskFor(signals, new Date());
  if (!need) return undefined;
  const choice = whoToBring(need.task, meId, await d.reps.toArray(), podIds);
  return choice && { repName: choice.rep.name, inPod: choice.inPod, task: need.task, reason: need.reason, days: need.days };
}
