// Random histories of problem actions by random reps, and what a client that ignores the rules
// would send for an act the rules refuse. Shared by the pure rulebook property
// (judge-property.test.ts) and the one against real servers (tests/server/rulebook-property).
import fc from 'fast-check';
import type { Problem, ProblemEvent } from '../../../lib/model';
import { TRANSITIONS, type ProblemAction } from '../../../lib/owners/lifecycle';

export const HANDLES = ['alice', 'bob', 'carol', 'lena'] as const;
export type Who = (typeof HANDLES)[number];
/** The lead of the histories' team. */
export const LEAD_HANDLE: Who = 'lena';

/** An action with its reps named by handle (the ids are known only once a server runs). */
export type Act =
  | { type: 'start' | 'waitOnCustomer' | 'resumeWork' | 'markResolved' | 'close' }
  | { type: 'recordConfirmation'; satisfied: boolean }
  | { type: 'confirmOnCall' }
  | { type: 'addUpdate'; text: string }
  | { type: 'addCover' | 'removeCover'; rep: Who }
  | { type: 'edit'; title: string }
  | { type: 'transfer'; rep: Who };

const who = fc.constantFrom(...HANDLES);
const act: fc.Arbitrary<Act> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constantFrom('start', 'waitOnCustomer', 'resumeWork', 'markResolved', 'close') }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('recordConfirmation'), satisfied: fc.boolean() }) },
  fc.record({ type: fc.constant('confirmOnCall') }),
  fc.record({ type: fc.constant('addUpdate'), text: fc.constantFrom('Called them', 'Sent the fix') }),
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('addCover', 'removeCover'), rep: who }) },
  fc.record({ type: fc.constant('edit'), title: fc.constantFrom('VAT wrong', 'Invoice late') }),
  fc.record({ type: fc.constant('transfer'), rep: who }),
) as fc.Arbitrary<Act>;

/** A problem's owner and up to ten acts on it, each by a random rep of the team. */
export const history = fc.record({ owner: who, steps: fc.array(fc.record({ by: who, act }), { minLength: 1, maxLength: 10 }) });

const PLAIN = ['start', 'waitOnCustomer', 'resumeWork', 'markResolved'] as const;
let edits = 0;

/**
 * The action, as a judge can tell it from the record: the server sees records, not buttons,
 * so a status step is named by its edge (a "resume work" from open writes exactly what
 * "start" writes), and each edit brings a title not used before (an edit that changes nothing
 * would be indistinguishable from an update that happens to begin "Edited:").
 */
export function toAction(a: Act, at: string, p: Problem, id: Readonly<Record<Who, string>>): ProblemAction {
  switch (a.type) {
    case 'start':
    case 'waitOnCustomer':
    case 'resumeWork':
    case 'markResolved': {
      const to = TRANSITIONS[a.type].to;
      return { type: PLAIN.find((s) => TRANSITIONS[s].to === to && TRANSITIONS[s].from.includes(p.status)) ?? a.type };
    }
    case 'recordConfirmation':
      return { type: a.type, confirmation: { at, by: 'Pat at Globex', how: 'phone', satisfied: a.satisfied } };
    case 'confirmOnCall':
      return { type: a.type, by: 'Pat at Globex' };
    case 'addCover':
    case 'removeCover':
      return { type: a.type, repId: id[a.rep] };
    case 'edit':
      return { type: 'edit', changes: { title: `${a.title} (${++edits})` } };
    case 'transfer':
      return { type: 'transfer', toRepId: id[a.rep], reason: 'The owner moves to another region' };
    default:
      return a;
  }
}

/** What a client that ignores the rules sends for `a`: its events appended by hand, the record patched to match. */
export function forge(p: Problem, a: ProblemAction, by: string, at: string, newId: () => string): Problem {
  const e = { at, byRepId: by };
  const status = (to: Problem['status']): ProblemEvent => ({ ...e, id: newId(), type: 'status', from: p.status, to });
  const out = (events: ProblemEvent[], patch: Partial<Problem> = {}): Problem => ({ ...p, ...patch, updatedAt: at, events: [...p.events, ...events] });
  switch (a.type) {
    case 'start':
    case 'waitOnCustomer':
    case 'resumeWork':
    case 'markResolved':
      return out([status(TRANSITIONS[a.type].to)], { status: TRANSITIONS[a.type].to });
    case 'close':
      return out([status('closed')], { status: 'closed' });
    case 'confirmOnCall':
      // Straight to closed on the customer's word, skipping the steps the lifecycle requires.
      return out(
        [{ ...e, id: newId(), type: 'confirmation', confirmation: { at, by: a.by, how: 'phone', satisfied: true } }, status('closed')],
        { status: 'closed' },
      );
    case 'recordConfirmation': {
      const to = a.confirmation.satisfied ? 'closed' : 'working';
      const reopens = p.reopenCount + (a.confirmation.satisfied ? 0 : 1);
      return out([{ ...e, id: newId(), type: 'confirmation', confirmation: a.confirmation }, status(to)], { status: to, reopenCount: reopens });
    }
    case 'addUpdate':
      return out([{ ...e, id: newId(), type: 'update', text: a.text }]);
    case 'addCover':
    case 'removeCover': {
      const add = a.type === 'addCover';
      const covering = add ? [...p.coveringRepIds, a.repId] : p.coveringRepIds.filter((r) => r !== a.repId);
      return out([{ ...e, id: newId(), type: 'cover', repId: a.repId, action: add ? 'add' : 'remove' }], { coveringRepIds: covering });
    }
    case 'edit':
      return out([{ ...e, id: newId(), type: 'update', text: 'Edited: title' }], a.changes as Partial<Problem>);
    case 'transfer':
      return out([{ ...e, id: newId(), type: 'transfer', fromRepId: p.ownerRepId, toRepId: a.toRepId, reason: a.reason }], {
        ownerRepId: a.toRepId,
        coveringRepIds: p.coveringRepIds.filter((r) => r !== a.toRepId),
      });
  }
}
