import type { Coach, PageSubject, Rep } from '../model';
import type { CoachInfo, ProblemSummary, SubjectInfo } from '../messaging/protocol';
import type { HoldfastDB } from './database';
import { resolveCustomer, summarise, type Match } from './lookup';
import { readMe, readSnapshot } from './read-snapshot';
import { tenureOf } from './tenure-query';
import { customerProblems } from './customer-problems';
import { cached } from './hot-cache';
import { coachInfo } from './coach-info';
import { coachesOfCustomer } from './coach-rows';
import { isMailPage } from '../model/subject-kind';
import { localIsoDate } from '../tenure/summary';
import { whoToBring } from '../pods/bring';
import { partnerTaskFor } from '../pods/for-customer';

/** What the dock shows for a page: the customer, their open problems, my pod partners. */
export async function subjectInfo(d: HoldfastDB, subject: PageSubject): Promise<SubjectInfo> {
  // The inner `d` is bound to the snapshot's one transaction (lib/db/read-snapshot.ts).
  return readSnapshot(d, async (d) => {
    // Reads are pipelined inside one transaction: who I am and my partners beside the resolution.
    const mine = early(myPartners(d));
    const match = await resolveCustomer(d, subject);
    // Reads through the bound `d` stay in the transaction whatever their order, so the coach
    // part runs beside the rest: one browser round trip fewer on the answer's path. The
    // customer's coaches are read once, for the coach part and the tenure risk alike.
    const coaches = match ? early(coachesOfCustomer(d, match.row)) : undefined;
    const coach = early(coachInfo(d, subject, match?.row ?? null, localIsoDate(), coaches));
    return withCoach(await infoFor(d, mine, match, coaches), withoutLoneCandidate(subject, match, await coach));
  });
}

/**
 * On a mail page whose sender's company is not known, the person is offered as a contact (and
 * coach) of the company the dock suggests (components/dock/UnknownCustomer.tsx), not on their own.
 */
function withoutLoneCandidate(subject: PageSubject, match: Match | null, coach: CoachInfo | undefined): CoachInfo | undefined {
  if (match || !coach?.candidate || !isMailPage(subject)) return coach;
  const { candidate: _offeredWithTheCompany, ...rest } = coach;
  return rest.coaches.length || rest.moves.length ? rest : undefined;
}

/** The same for a customer the user picked by hand (on the page `subject`, when given). */
export async function pickedInfo(d: HoldfastDB, customerId: string, subject?: PageSubject): Promise<SubjectInfo> {
  return readSnapshot(d, async (d) => {
    const mine = early(myPartners(d));
    const row = await d.customers.get(customerId);
    const match: Match | null = row && !row.deleted ? { row, matchedBy: 'picked' } : null;
    const coaches = match ? early(coachesOfCustomer(d, match.row)) : undefined;
    const coach = subject ? early(coachInfo(d, subject, match?.row ?? null, localIsoDate(), coaches)) : undefined;
    return withCoach(await infoFor(d, mine, match, coaches), await coach);
  });
}

/**
 * Sales coaches (lib/db/coach-info.ts), read beside infoFor. (Reads once had to stay in one
 * sequence: after an await of a promise from elsewhere — a cached myPartners — Dexie lost the
 * transaction and later reads left it idle until it committed under the answer. The `d` the
 * snapshot hands out is bound to its transaction, lib/db/bound.ts, so that no longer happens.)
 */
function withCoach(info: SubjectInfo, coach: CoachInfo | undefined): SubjectInfo {
  return coach ? { ...info, coach } : info;
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

/** Who I am, my pod and every rep: the same for every answer, so kept in memory (lib/db/hot-cache.ts). */
function myPartners(d: HoldfastDB) {
  return cached(d, 'myPartners', ['settings', 'reps', 'pods'], async () => {
    const me = await readMe(d);
    const pod = await d.pods.where('memberIds').equals(me.id).filter((p) => !p.deleted).first();
    const podIds = pod ? pod.memberIds : [];
    const reps = await d.reps.toArray();
    const byId = new Map(reps.map((r) => [r.id, r]));
    const partners = podIds.flatMap((id) => {
      const r = byId.get(id);
      // Both reps' traits, so the dock can say why this colleague (lib/pods/pair-text.ts).
      return r && !r.deleted && id !== me.id ? [{ id: r.id, name: r.name, style: r.style, traits: r.traits, me: { name: me.name, traits: me.traits } }] : [];
    });
    return { me, partners, podIds, reps, byId };
  });
}

async function infoFor(d: HoldfastDB, mine: ReturnType<typeof myPartners>, match: Match | null, coaches?: Promise<Coach[]>): Promise<SubjectInfo> {
  if (!match) return { customer: null, openProblems: [], partners: (await mine).partners };

  // One read of the customer's problems serves the owner panel (the open ones) and the tenure
  // risk; it runs alongside the tenure's revenue read.
  const read = early(customerProblems(d, match.row.id));
  const tenure = early(tenureOf(d, match.row, new Date(), read.then((p) => p.all), coaches));
  const contact = early(latestContactName(d, match.row.id));
  const { open: problems } = await read;
  const { me, partners, podIds, reps, byId } = await mine;
  const owners = new Map(reps.map((r) => [r.id, r.name]));
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
  const owner = match.row.ownerRepId ? byId.get(match.row.ownerRepId) : undefined;
  const contactName = await contact;
  const customer = { ...summarise(match), ...(owner && !owner.deleted ? { ownerName: owner.name } : {}), ...(contactName ? { contactName } : {}) };
  const suggestion = suggest(me.id, podIds, reps, {
    openProblemsReceivedAt: problems.map((p) => p.receivedAt),
    customerSince: customer.customerSince,
    lastContactAt: customer.lastContactAt,
    renewalDate: customer.renewalDate,
  });
  return { customer, openProblems, partners, tenure: await tenure, ...(suggestion ? { suggestion } : {}) };
}

/** The customer's most recently updated contact, for the dock's "Customer confirmed on this call". */
async function latestContactName(d: HoldfastDB, customerId: string): Promise<string | undefined> {
  const contacts = await d.contacts.where('customerId').equals(customerId).filter((c) => !c.deleted).toArray();
  return contacts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]?.name;
}

/** The colleague this customer calls for now, if the record shows a need (see lib/pods/for-customer.ts). */
function suggest(meId: string, podIds: string[], reps: Rep[], signals: Parameters<typeof partnerTaskFor>[0]): SubjectInfo['suggestion'] {
  const need = partnerTaskFor(signals, new Date());
  if (!need) return undefined;
  const choice = whoToBring(need.task, meId, reps, podIds);
  return choice && { repName: choice.rep.name, inPod: choice.inPod, task: need.task, reason: need.reason, days: need.days };
}
