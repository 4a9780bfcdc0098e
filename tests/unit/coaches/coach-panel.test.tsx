// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Panels } from '@/components/dock/Panels';
import type { PanelsProps } from '@/components/dock/state';
import type { CoachAction, CoachInfo, SubjectInfo } from '@/lib/messaging/protocol';

const base: Omit<PanelsProps, 'state'> = { onAddCustomer: () => {}, search: async () => [], onPick: () => {} };
const subject = { site: 'gmail', objectType: 'thread', emails: ['wang.fang@newco.com'], domains: ['newco.com'] };

function show(coach: unknown, onCoachAction?: PanelsProps['onCoachAction']) {
  const host = document.createElement('div');
  const info = { customer: null, openProblems: [], partners: [], coach } as SubjectInfo;
  render(<Panels {...base} onCoachAction={onCoachAction} state={{ kind: 'ready', subject, info }} />, host);
  return host;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the dock’s coach panel', () => {
  const coach: CoachInfo = {
    moves: [{ coachId: 'k1', name: 'Wang Fang', from: 'wang.fang@newco.com', domain: 'newco.com', back: false }],
    coaches: [
      { coachId: 'k2', name: 'Li Wei', why: 'introduced', days: 12, budget: { period: 'quarter', currency: 'USD', amount: 300_00, spent: 120_00 }, other: [{ currency: 'EUR', amount: 50_00 }] },
      { coachId: 'k1', name: 'Wang Fang', why: 'page', days: -1 },
    ],
    candidate: { email: 'maria@acme.com', name: 'Maria Lopez' },
  };

  it('says who moved where, who introduced the customer, last touch and spend against budget', () => {
    const text = show(coach, async () => ({ ok: true })).textContent ?? '';
    expect(text).toContain('Wang Fang now writes from newco.com');
    expect(text).toContain('Record the move and add newco.com as a prospect');
    expect(text).toContain('Li Wei introduced this customer');
    expect(text).toContain('Last touch 12 days ago');
    expect(text).toContain('Spent $120.00 of $300.00 this quarter · also €50.00 in other currencies, not counted against the budget');
    expect(text).toContain('Wang Fang is one of your coaches');
    expect(text).toContain('Never touched yet');
    expect(text).toContain('No gift budget set');
    expect(text).toContain('Make Maria Lopez a coach');
  });

  it('one click records the move; a refusal is shown', async () => {
    const asked: CoachAction[] = [];
    const host = show(coach, async (a) => {
      asked.push(a);
      return a.type === 'make' ? { ok: false, code: 'refused', reason: 'That address is not on this page.' } : { ok: true };
    });
    (host.querySelector('[data-act=recordMove]') as HTMLButtonElement).click();
    await tick();
    expect(asked).toEqual([{ type: 'move', coachId: 'k1', from: 'wang.fang@newco.com' }]);
    (host.querySelector('[data-act=makeCoach]') as HTMLButtonElement).click();
    await tick();
    await tick();
    expect(asked.at(-1)).toEqual({ type: 'make', email: 'maria@acme.com' });
    expect(host.querySelector('[role=alert]')?.textContent).toBe('That did not work: That address is not on this page.');
  });

  it('a coach recognised by name only: the move waits for the rep to confirm it is the same person (issue 14, finding 8)', async () => {
    const asked: CoachAction[] = [];
    const unverified = { ...coach, moves: [{ ...coach.moves[0]!, from: 'wang.fang@another-domain.com', domain: 'another-domain.com', unverified: true as const }] };
    const host = show(unverified, async (a) => {
      asked.push(a);
      return { ok: true };
    });
    expect(host.textContent).toContain('wang.fang@another-domain.com is not an address Holdfast knows for Wang Fang. It is the same person');
    const record = host.querySelector('[data-act=recordMove]') as HTMLButtonElement;
    expect(record.disabled).toBe(true);
    record.click();
    await tick();
    expect(asked).toEqual([]);
    (host.querySelector('[data-act=samePerson]') as HTMLInputElement).click();
    await tick();
    expect(record.disabled).toBe(false);
    record.click();
    await tick();
    expect(asked).toEqual([{ type: 'move', coachId: 'k1', from: 'wang.fang@another-domain.com', samePerson: true }]);
  });

  it('a move back names the company', () => {
    const back = { ...coach, moves: [{ coachId: 'k1', name: 'Wang Fang', from: 'w@globex.co.uk', domain: 'globex.co.uk', back: true, customerName: 'Globex Ltd' }] };
    const text = show(back, async () => ({ ok: true })).textContent ?? '';
    expect(text).toContain('Wang Fang writes from globex.co.uk again: back at Globex Ltd');
    expect(text).toContain('Record the move to Globex Ltd');
  });

  it('a coach part that breaks its schema is not shown (parsed where it is shown)', () => {
    const host = show({ moves: [{ coachId: 'k1' }], coaches: 'nope' }, async () => ({ ok: true }));
    expect(host.querySelector('.coach-panel')).toBeNull();
    expect(host.textContent).toContain('Not in Holdfast yet');
  });

  it('renders names as text, never markup', () => {
    const evil = '<img src=x onerror="globalThis.pwned=1">';
    const host = show({ moves: [], coaches: [{ coachId: 'k', name: evil, why: 'works', days: 1 }] });
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain(`Coach ${evil} works here`);
  });
});
