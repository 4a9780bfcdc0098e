import type { PageSubject } from '../model';
import type { ProblemSummary, SubjectInfo } from '../messaging/protocol';
import type { HoldfastDB } from './database';
import { resolveCustomer, summarise, type Match } from './lookup';
import { ensureMe } from './me';

const OPEN_STATUSES = ['open', 'working', 'waiting_on_customer', 'resolved_awaiting_confirmation'] as const;

/** What the dock shows for a page: the customer, their open problems, my pod partners. */
export async function subjectInfo(d: HoldfastDB, subject: PageSubject): Promise<SubjectInfo> {
  return infoFor(d, await resolveCustomer(d, subject));
}

/** The same for a customer the user picked by hand. */
export async function pickedInfo(d: HoldfastDB, customerId: string): Promise<SubjectInfo> {
  const row = await d.customers.get(customerId);
  return infoFor(d, row && !row.deleted ? { row, matchedBy: 'picked' } : null);
}

async function infoFor(d: HoldfastDB, match: Match | null): Promise<SubjectInfo> {
  const me = await ensureMe(d);
  const pod = await d.pods.where('memberIds').equals(me.id).filter((p) => !p.deleted).first();
  const partnerIds = (pod ? pod.memberIds : []).filter((id) => id !== me.id);
  const partners = (await d.reps.bulkGet(partnerIds)).filter((r) => r && !r.deleted).map((r) => ({ id: r!.id, name: r!.name, style: r!.style }));
  if (!match) return { customer: null, openProblems: [], partners };

  const problems = await d.problems
    .where('[customerId+status]')
    .anyOf(OPEN_STATUSES.map((s) => [match.row.id, s]))
    .filter((p) => !p.deleted)
    .toArray();
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
    }));
  return { customer: summarise(match), openProblems, partners };
}
