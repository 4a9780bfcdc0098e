/**
 * How well problems are owned, per rep and for the team (DESIGN §1: solved quickly, owned
 * by the first receiver, hand-offs visible). Times are in hours; medians, not means, so one
 * problem that dragged on for a month does not hide how the usual one goes.
 */
import type { Problem } from '../model';
import { hoursBetween, median } from './time';

export interface OwnershipMeasures {
  /** Problems counted (not deleted). */
  problems: number;
  /** Closed with the customer's confirmation. */
  closed: number;
  /** Median hours from receipt to the first written update; `null` when none has one yet. */
  medianHoursToFirstUpdate: number | null;
  /** Problems still without any written update. */
  withoutUpdate: number;
  /** Median hours from receipt to the confirmed close; `null` when none closed. */
  medianHoursToConfirmedClose: number | null;
  /** Times customers said "not solved" after a resolution. */
  reopens: number;
  /** Ownership transfers away from this rep (team: all transfers). */
  transfersOut: number;
  /** Ownership transfers to this rep (team: all transfers). */
  transfersIn: number;
  /** Transfers tried and refused, from the caller's counter (refusals leave no event on the problem). */
  refusedTransferAttempts: number;
}

export interface MeasureOptions {
  /**
   * Refused transfer attempts per rep who tried. A refused action changes no record, so it
   * cannot be read from the event log; the caller counts `applyAction` refusals of
   * `transfer` actions and passes the counts here.
   */
  refusedTransferAttempts?: Readonly<Record<string, number>>;
}

export interface OwnershipReport {
  team: OwnershipMeasures;
  /** Keyed by rep id. A problem counts for its current owner; transfers count for both sides. */
  perRep: Record<string, OwnershipMeasures>;
}

interface Facts {
  hoursToFirstUpdate: number | null;
  hoursToClose: number | null;
  transfers: { from: string; to: string }[];
}

function factsOf(p: Problem): Facts {
  const firstUpdate = p.events.find((e) => e.type === 'update');
  // The last close counts (there is only one: nothing is recorded after closing).
  const close = p.status === 'closed' ? p.events.findLast((e) => e.type === 'status' && e.to === 'closed') : undefined;
  return {
    hoursToFirstUpdate: firstUpdate ? hoursBetween(p.receivedAt, firstUpdate.at) : null,
    hoursToClose: close ? hoursBetween(p.receivedAt, close.at) : null,
    transfers: p.events.flatMap((e) => (e.type === 'transfer' ? [{ from: e.fromRepId, to: e.toRepId }] : [])),
  };
}

function summarise(items: { p: Problem; f: Facts }[], transfersOut: number, transfersIn: number, refused: number): OwnershipMeasures {
  const firsts = items.flatMap(({ f }) => (f.hoursToFirstUpdate === null ? [] : [f.hoursToFirstUpdate]));
  const closes = items.flatMap(({ f }) => (f.hoursToClose === null ? [] : [f.hoursToClose]));
  return {
    problems: items.length,
    closed: closes.length,
    medianHoursToFirstUpdate: median(firsts),
    withoutUpdate: items.length - firsts.length,
    medianHoursToConfirmedClose: median(closes),
    reopens: items.reduce((n, { p }) => n + p.reopenCount, 0),
    transfersOut,
    transfersIn,
    refusedTransferAttempts: refused,
  };
}

export function measureOwnership(problems: readonly Problem[], options: MeasureOptions = {}): OwnershipReport {
  const refused = options.refusedTransferAttempts ?? {};
  const items = problems.filter((p) => !p.deleted).map((p) => ({ p, f: factsOf(p) }));
  const allTransfers = items.flatMap(({ f }) => f.transfers);

  // Grouped in one pass each, so a large book does not cost reps × problems.
  const owned = new Map<string, { p: Problem; f: Facts }[]>();
  const out = new Map<string, number>();
  const inn = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const it of items) {
    const list = owned.get(it.p.ownerRepId);
    if (list) list.push(it);
    else owned.set(it.p.ownerRepId, [it]);
  }
  for (const t of allTransfers) {
    bump(out, t.from);
    bump(inn, t.to);
  }

  const reps = new Set<string>([...Object.keys(refused), ...owned.keys(), ...out.keys(), ...inn.keys()]);
  const perRep: Record<string, OwnershipMeasures> = {};
  for (const rep of reps) {
    perRep[rep] = summarise(owned.get(rep) ?? [], out.get(rep) ?? 0, inn.get(rep) ?? 0, refused[rep] ?? 0);
  }
  const refusedTotal = Object.values(refused).reduce((a, b) => a + b, 0);
  return { team: summarise(items, allTransfers.length, allTransfers.length, refusedTotal), perRep };
}
