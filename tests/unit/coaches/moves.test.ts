import { describe, expect, it } from 'vitest';
import { applyMove, currentEmployment, detectMove } from '@/lib/coaches';
import { assessRisk } from '@/lib/tenure/risk';
import type { Coach, Customer } from '@/lib/model';

const coach = (employers: Coach['employers'], extra: Partial<Coach> = {}): Coach => ({
  id: 'k1', updatedAt: '2026-01-01T00:00:00.000Z', contactId: 'ct1', employers, referrals: [], gifts: [], ...extra,
});

describe('move detection', () => {
  const atGlobex = coach([{ company: 'Globex Ltd', domain: 'globex.co.uk', from: '2020-02-01' }]);

  it('a known coach writing from another company domain has moved', () => {
    expect(detectMove(atGlobex, 'wang.fang@newco.com')).toEqual({ kind: 'move', domain: 'newco.com' });
  });

  it('the current employer, its subdomains, free mail and dismissed domains are no move', () => {
    expect(detectMove(atGlobex, 'wang.fang@globex.co.uk')).toBeNull();
    expect(detectMove(atGlobex, 'wang.fang@eu.globex.co.uk')).toBeNull();
    expect(detectMove(atGlobex, 'wang.fang88@gmail.com')).toBeNull();
    expect(detectMove(atGlobex, 'wangfang@qq.com')).toBeNull();
    expect(detectMove(coach(atGlobex.employers, { otherDomains: ['board.example'] }), 'wang@board.example')).toBeNull();
  });

  it('cannot tell when the current employer has no domain on record', () => {
    expect(detectMove(coach([{ company: 'Globex Ltd' }]), 'wang.fang@newco.com')).toBeNull();
  });

  it('a coach between jobs writing from a company domain is a move to it', () => {
    expect(detectMove(coach([{ company: 'Globex Ltd', domain: 'globex.co.uk', to: '2026-01-31' }]), 'w@newco.com')).toEqual({ kind: 'move', domain: 'newco.com' });
  });
});

describe('a coach who moves twice', () => {
  let employers = atStart();
  function atStart(): Coach['employers'] {
    return [{ company: 'Acme Corp', domain: 'acme.com', from: '2019-01-01' }];
  }

  it('keeps the whole history: each move closes the current job the day the next opens', () => {
    employers = applyMove(employers, { company: 'Globex Ltd', domain: 'globex.co.uk' }, '2025-06-01');
    employers = applyMove(employers, { company: 'Newco', domain: 'newco.com' }, '2026-11-28');
    expect(employers).toEqual([
      { company: 'Acme Corp', domain: 'acme.com', from: '2019-01-01', to: '2025-06-01' },
      { company: 'Globex Ltd', domain: 'globex.co.uk', from: '2025-06-01', to: '2026-11-28' },
      { company: 'Newco', domain: 'newco.com', from: '2026-11-28' },
    ]);
    expect(currentEmployment({ employers })?.company).toBe('Newco');
    // Both former employers are now "back" moves, the new one none.
    expect(detectMove(coach(employers), 'w@newco.com')).toBeNull();
    expect(detectMove(coach(employers), 'w@globex.co.uk')).toEqual({ kind: 'back', domain: 'globex.co.uk', company: 'Globex Ltd' });
    expect(detectMove(coach(employers), 'w@acme.com')).toEqual({ kind: 'back', domain: 'acme.com', company: 'Acme Corp' });
  });

  it('an employment never ends before it began (a move recorded with an earlier date)', () => {
    expect(applyMove([{ company: 'A', domain: 'a.com', from: '2026-12-01' }], { company: 'B', domain: 'b.com' }, '2026-11-01')[0]!.to).toBe('2026-12-01');
  });
});

describe('a move back to a former employer', () => {
  const acme: Customer = { id: 'acme', updatedAt: '2026-01-01T00:00:00.000Z', name: 'Acme Corp', domains: ['acme.com'], crmRefs: [] };
  const globex: Customer = { id: 'globex', updatedAt: '2026-01-01T00:00:00.000Z', name: 'Globex Ltd', domains: ['globex.co.uk'], crmRefs: [] };
  const risk = (customer: Customer, k: Coach) =>
    assessRisk({ customer: { ...customer, lastContactAt: '2026-11-27T00:00:00.000Z' }, lines: [], problems: [], coaches: [k], today: '2026-11-28', now: '2026-11-28T12:00:00.000Z' }).signals.map((s) => s.code);

  it('opens a new employment at the old company; the company they leave now has lost its coach, the one they return to has not', () => {
    const left = coach(applyMove([{ company: 'Acme Corp', domain: 'acme.com', from: '2019-01-01' }], { company: 'Globex Ltd', domain: 'globex.co.uk' }, '2026-03-01'));
    expect(risk(acme, left)).toEqual(['coach_left']);
    expect(risk(globex, left)).toEqual([]);

    const move = detectMove(left, 'w@acme.com');
    expect(move).toEqual({ kind: 'back', domain: 'acme.com', company: 'Acme Corp' });
    const back = coach(applyMove(left.employers, { company: 'Acme Corp', domain: 'acme.com' }, '2026-11-28'));
    expect(back.employers.map((e) => `${e.company} ${e.from}..${e.to ?? ''}`)).toEqual([
      'Acme Corp 2019-01-01..2026-03-01',
      'Globex Ltd 2026-03-01..2026-11-28',
      'Acme Corp 2026-11-28..',
    ]);
    expect(risk(acme, back)).toEqual([]);
    expect(risk(globex, back)).toEqual(['coach_left']);
  });
});
