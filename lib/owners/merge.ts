/**
 * Concurrent work on one problem merges instead of being refused. Two reps (one offline, or
 * both at once) each append events to their copy; the second to sync sends a copy that lacks
 * the first one's events. The log only grows, so the two logs have one right union: every
 * event of both, each once (by id), interleaved in time order (then by id; each side's own
 * order is kept). The merged problem is then judged like any other change (judge.ts), so a
 * merge the rules refuse (both started the same open problem, say) is still refused.
 *
 * What the record says beyond its log:
 *  - owner, status, covering reps and reopen count are what the merged log says;
 *  - title, detail, severity and due time: the pushed copy's when it brings an edit of its
 *    own, else the stored ones (a copy that had not seen the other rep's edit would
 *    otherwise undo it). Two concurrent edits: the later push wins all four fields;
 *  - a copy that has every stored event is no merge at all: it is judged as sent, strictly.
 */
import type { Problem, ProblemEvent, ProblemStatus } from '../model';
import { EDITABLE_FIELDS } from './edit';
import { isEditEvent } from './judge';
import { jsonEqual } from './json-equal';

export type MergeResult = { ok: true; problem: Problem } | { ok: false; code: 'history_rewrite'; reason: string };

export function mergeProblem(stored: Problem, pushed: Problem): MergeResult {
  const pushedById = new Map(pushed.events.map((e) => [e.id, e]));
  for (const [i, e] of stored.events.entries()) {
    const mine = pushedById.get(e.id);
    if (mine && !jsonEqual(mine, e)) {
      return { ok: false, code: 'history_rewrite', reason: `A problem's log only grows: event ${i + 1} (${e.type}, ${e.at}) was changed. Record a new event instead of editing one.` };
    }
  }
  if (stored.events.every((e) => pushedById.has(e.id))) return { ok: true, problem: pushed };

  const storedIds = new Set(stored.events.map((e) => e.id));
  const fresh = pushed.events.filter((e) => !storedIds.has(e.id));
  const events = interleave(stored.events, fresh);
  const fields = fresh.some(isEditEvent) ? pushed : stored;
  const merged: Record<string, unknown> = {
    ...pushed,
    ...Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, fields[f]])),
    ...foldLog(events),
    events,
    updatedAt: Date.parse(pushed.updatedAt) >= Date.parse(stored.updatedAt) ? pushed.updatedAt : stored.updatedAt,
  };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return { ok: true, problem: merged as Problem };
}

const before = (a: ProblemEvent, b: ProblemEvent): boolean => {
  const d = Date.parse(a.at) - Date.parse(b.at);
  return d < 0 || (d === 0 && a.id < b.id);
};

/** Merges two logs by time, keeping each one's own order (an act's events stay together). */
function interleave(a: readonly ProblemEvent[], b: readonly ProblemEvent[]): ProblemEvent[] {
  const out: ProblemEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(before(b[j]!, a[i]!) ? b[j++]! : a[i++]!);
  return [...out, ...a.slice(i), ...b.slice(j)];
}

/** What a log says of owner, status, cover and reopens (the judge then checks it step by step). */
export function foldLog(events: readonly ProblemEvent[]): Pick<Problem, 'ownerRepId' | 'status' | 'coveringRepIds' | 'reopenCount'> {
  let owner = events[0]?.byRepId ?? '';
  let status: ProblemStatus = 'open';
  let reopenCount = 0;
  const covering = new Set<string>();
  for (const e of events) {
    if (e.type === 'transfer') {
      owner = e.toRepId;
      covering.delete(owner);
    } else if (e.type === 'cover') {
      if (e.action === 'add') covering.add(e.repId);
      else covering.delete(e.repId);
    } else if (e.type === 'status') {
      if (e.from === 'resolved_awaiting_confirmation' && e.to === 'working') reopenCount += 1;
      status = e.to;
    }
  }
  return { ownerRepId: owner, status, coveringRepIds: [...covering], reopenCount };
}
