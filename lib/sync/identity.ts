/**
 * Taking the team's id for "me" (the rep using this browser). Before connecting, this device
 * made up an id for me (lib/db/me.ts); the server knows me by another. Every reference to
 * the old id becomes the new one in one transaction — the problems I own, cover or acted on,
 * my notes, my pods, the customers I own — so nothing I logged is orphaned.
 *
 * My rep record keeps what I entered here (traits, style, email, a name I chose); a name
 * still at the default takes the name the team gave me. Writes here apply no server data
 * but must not be queued either: they happen before capture is on, and the first sync
 * then queues the rewritten records like every other.
 */
import type { HoldfastDB } from '../db/database';
import type { Note, Pod, Problem, ProblemEvent, Rep } from '../model';
import { nowIso } from '../util/ids';
import { markUncaptured } from './capture';

const ME_KEY = 'meRepId';
/** The team id last adopted as me: an id the team knows is never rewritten as if it were local. */
const TEAM_ME_KEY = 'sync.teamRepId';
const DEFAULT_NAMES = new Set(['Me', '我']);
/** lib/db/problems.ts: refused transfer attempts, counted per rep id. */
const REFUSED_TRANSFERS_KEY = 'owner.refusedTransfers';

const swap = (id: string, from: string, to: string) => (id === from ? to : id);
const swapAll = (ids: readonly string[], from: string, to: string) => [...new Set(ids.map((id) => swap(id, from, to)))];

function rewriteEvent(e: ProblemEvent, from: string, to: string): ProblemEvent {
  const byRepId = swap(e.byRepId, from, to);
  switch (e.type) {
    case 'cover':
      return { ...e, byRepId, repId: swap(e.repId, from, to) };
    case 'transfer':
      return { ...e, byRepId, fromRepId: swap(e.fromRepId, from, to), toRepId: swap(e.toRepId, from, to) };
    default:
      return { ...e, byRepId };
  }
}

export function problemMentions(p: Problem, id: string): boolean {
  return (
    p.ownerRepId === id ||
    p.coveringRepIds.includes(id) ||
    p.events.some((e) => e.byRepId === id || (e.type === 'cover' && e.repId === id) || (e.type === 'transfer' && (e.fromRepId === id || e.toRepId === id)))
  );
}

export function rewriteProblem(p: Problem, from: string, to: string, now: string): Problem {
  return {
    ...p,
    ownerRepId: swap(p.ownerRepId, from, to),
    coveringRepIds: swapAll(p.coveringRepIds, from, to),
    events: p.events.map((e) => rewriteEvent(e, from, to)),
    updatedAt: now,
  };
}

export interface TeamIdentity {
  repId: string;
  repName: string;
}

/** Make `me.repId` this device's "me", rewriting references to the old id. Returns the old id (undefined: none, or the same). */
export async function adoptRepId(d: HoldfastDB, me: TeamIdentity, now = nowIso()): Promise<string | undefined> {
  return d.transaction('rw', [d.settings, d.reps, d.problems, d.notes, d.pods, d.customers], async () => {
    markUncaptured();
    const oldValue = (await d.settings.get(ME_KEY))?.value;
    const from = typeof oldValue === 'string' ? oldValue : undefined;
    const to = me.repId;
    const mine = from ? await d.reps.get(from) : undefined;
    const theirs = await d.reps.get(to);
    const fromTeam = from !== undefined && from === (await d.settings.get(TEAM_ME_KEY))?.value;
    const keepName = mine && !fromTeam && !DEFAULT_NAMES.has(mine.name);
    const rep: Rep = {
      ...theirs,
      ...(fromTeam ? {} : mine),
      id: to,
      name: keepName ? mine.name : (theirs?.name ?? me.repName),
      updatedAt: now,
    };
    delete rep.deleted;
    await d.reps.put(rep);
    await d.settings.put({ key: ME_KEY, value: to });
    await d.settings.put({ key: TEAM_ME_KEY, value: to });
    // Me was already a team member's id (connected before, now as someone else): the records
    // naming that id are theirs, not made up here. I just become the new rep.
    if (!from || from === to || fromTeam) return undefined;

    await d.reps.delete(from);
    const problems = await d.problems.filter((p) => problemMentions(p, from)).toArray();
    await d.problems.bulkPut(problems.map((p) => rewriteProblem(p, from, to, now)));
    await d.notes.toCollection().modify((n: Note) => {
      if (n.authorRepId === from) Object.assign(n, { authorRepId: to, updatedAt: now });
    });
    await d.pods.where('memberIds').equals(from).modify((p: Pod) => {
      Object.assign(p, { memberIds: swapAll(p.memberIds, from, to), updatedAt: now });
    });
    await d.customers.where('ownerRepId').equals(from).modify({ ownerRepId: to, updatedAt: now });
    const counts = (await d.settings.get(REFUSED_TRANSFERS_KEY))?.value;
    if (counts && typeof counts === 'object' && from in counts) {
      const { [from]: mineCount, ...rest } = counts as Record<string, number>;
      await d.settings.put({ key: REFUSED_TRANSFERS_KEY, value: { ...rest, [to]: (rest[to] ?? 0) + (mineCount ?? 0) } });
    }
    return from;
  });
}
