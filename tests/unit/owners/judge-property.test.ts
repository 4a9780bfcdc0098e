// The rulebook without a server: random histories by random reps, each act run through the
// client's applyAction and the record it yields (or, where refused, what a client ignoring
// the rules would send) through judgeProblem, the function the sync server runs. Same
// verdict every time; cheap, so many more runs than the property against real servers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeProblem } from '../../../lib/owners/judge';
import { jsonEqual } from '../../../lib/owners/json-equal';
import { applyAction } from '../../../lib/owners/lifecycle';
import { mergeProblem } from '../../../lib/owners/merge';
import { at, idGen, newProblem } from './helpers';
import { forge, HANDLES, history, LEAD_HANDLE, toAction, type Who } from './histories';

const id = Object.fromEntries(HANDLES.map((h) => [h, `rep-${h}`])) as Record<Who, string>;
const actor = (h: Who) => ({ repId: id[h], lead: h === LEAD_HANDLE });

describe('judgeProblem agrees with applyAction', () => {
  it('on 500 random histories, allowing exactly the acts the client allows', () => {
    let refused = 0;
    fc.assert(
      fc.property(history, ({ owner, steps }) => {
        const newId = idGen('ev');
        let model = newProblem({}, at(0), id[owner]);
        expect(judgeProblem(null, model, actor(owner))).toEqual({ ok: true });
        steps.forEach(({ by, act }, i) => {
          const now = at(i + 1);
          const action = toAction(act, now, model, id);
          const local = applyAction(model, action, { actor: id[by], actorIsLead: by === LEAD_HANDLE, now, newId });
          const sent = local.ok ? local.problem : forge(model, action, id[by], now, newId);
          const verdict = judgeProblem(model, sent, actor(by));
          expect(verdict.ok, JSON.stringify({ act, by, client: local.ok || local.code, judge: verdict })).toBe(local.ok);
          if (local.ok) {
            // The same act sent from a copy that had missed the last stored event merges
            // back into exactly the record the client made, and is allowed alike.
            const missed = model.events.length > 1 ? model.events.at(-1)!.id : undefined;
            const stale = { ...sent, events: sent.events.filter((e) => e.id !== missed) };
            const merged = mergeProblem(model, stale);
            expect(merged.ok && jsonEqual(merged.problem, sent)).toBe(true);
            expect(merged.ok && judgeProblem(model, merged.problem, actor(by)).ok).toBe(true);
            model = local.problem;
          } else refused++;
        });
      }),
      { numRuns: 500 },
    );
    expect(refused).toBeGreaterThan(100);
    // CPU-bound: seconds on a quiet machine, more on a shared one; a hang still fails.
  }, 60_000);
});
