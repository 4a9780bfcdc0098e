import { describe, expect, it } from 'vitest';
import type { Problem, ProblemEvent } from '../../../lib/model';
import { validateProblemHistory, type HistoryViolationCode } from '../../../lib/owners/history';
import { BOB, OWNER, at, drive, inStatus, must, newProblem, notSatisfied, satisfied } from './helpers';

const codes = (p: Problem): HistoryViolationCode[] => {
  const r = validateProblemHistory(p);
  return r.ok ? [] : r.violations.map((v) => v.code);
};
const ev = (id: string, e: Record<string, unknown>) => ({ id, at: at(9), byRepId: OWNER, ...e }) as ProblemEvent;

describe('validateProblemHistory', () => {
  it('accepts histories built by applyAction', () => {
    const p = drive(newProblem(), [
      { type: 'addCover', repId: BOB },
      { type: 'start' },
      { type: 'markResolved' },
      { type: 'recordConfirmation', confirmation: notSatisfied() },
      { type: 'transfer', toRepId: BOB, reason: 'Alice is on leave for a month' },
    ]);
    expect(validateProblemHistory(p)).toEqual({ ok: true });
  });

  it('catches an owner changed by writing the record instead of transferring', () => {
    const forged = { ...inStatus('working'), ownerRepId: BOB };
    expect(codes(forged)).toEqual(['owner_changed_without_transfer']);
  });

  it('catches a transfer that does not start from the owner of the time, or has no reason', () => {
    const p = inStatus('working');
    expect(codes({ ...p, ownerRepId: BOB, events: [...p.events, ev('t1', { type: 'transfer', fromRepId: 'rep-x', toRepId: BOB, reason: 'a good long reason' })] })).toEqual([
      'transfer_from_non_owner',
    ]);
    expect(codes({ ...p, ownerRepId: BOB, events: [...p.events, ev('t1', { type: 'transfer', fromRepId: OWNER, toRepId: BOB, reason: '    ok      ' })] })).toEqual([
      'transfer_without_reason',
    ]);
    expect(codes({ ...p, events: [...p.events, ev('t1', { type: 'transfer', fromRepId: OWNER, toRepId: OWNER, reason: 'a good long reason' })] })).toEqual([
      'transfer_to_self',
    ]);
  });

  it('catches a close with no confirmation, or with an unsatisfied one', () => {
    const resolved = inStatus('resolved_awaiting_confirmation');
    const close = ev('c1', { type: 'status', from: 'resolved_awaiting_confirmation', to: 'closed' });
    expect(codes({ ...resolved, status: 'closed', events: [...resolved.events, close] })).toEqual(['closed_without_confirmation']);
    const no = ev('n1', { type: 'confirmation', confirmation: notSatisfied() });
    expect(codes({ ...resolved, status: 'closed', events: [...resolved.events, no, close] })).toEqual(['closed_without_confirmation']);
  });

  it('does not let an old satisfied confirmation close a later resolution', () => {
    // Satisfied confirmation, then (forged) back to work, resolved again, closed with no new word.
    const resolved = inStatus('resolved_awaiting_confirmation');
    const events = [
      ...resolved.events,
      ev('k1', { type: 'confirmation', confirmation: satisfied() }),
      ev('k2', { type: 'status', from: 'resolved_awaiting_confirmation', to: 'working' }),
      ev('k3', { type: 'status', from: 'working', to: 'resolved_awaiting_confirmation' }),
      ev('k4', { type: 'status', from: 'resolved_awaiting_confirmation', to: 'closed' }),
    ];
    expect(codes({ ...resolved, status: 'closed', reopenCount: 1, events })).toEqual(['reopened_without_confirmation', 'closed_without_confirmation']);
  });

  it('catches illegal edges, wrong "from" statuses and a record that disagrees with its log', () => {
    const p = newProblem();
    expect(codes({ ...p, status: 'closed', events: [...p.events, ev('s1', { type: 'status', from: 'open', to: 'closed' })] })).toEqual([
      'illegal_status_edge',
      'closed_without_confirmation',
    ]);
    expect(codes({ ...p, status: 'waiting_on_customer', events: [...p.events, ev('s1', { type: 'status', from: 'working', to: 'waiting_on_customer' })] })).toEqual([
      'status_from_mismatch',
    ]);
    expect(codes({ ...p, status: 'working' })).toEqual(['status_mismatch']);
    expect(codes({ ...p, reopenCount: 3 })).toEqual(['reopen_count_mismatch']);
    expect(codes({ ...p, coveringRepIds: [BOB] })).toEqual(['cover_mismatch']);
  });

  it('catches confirmations out of place, events after close, duplicates and a missing start', () => {
    const working = inStatus('working');
    expect(codes({ ...working, events: [...working.events, ev('q1', { type: 'confirmation', confirmation: satisfied() })] })).toEqual([
      'confirmation_while_not_resolved',
    ]);
    const closed = inStatus('closed');
    expect(codes({ ...closed, events: [...closed.events, ev('late', { type: 'update', text: 'after' })] })).toEqual(['event_after_close']);
    const first = working.events[0] as ProblemEvent;
    expect(codes({ ...working, events: [...working.events, { ...first }] })).toEqual(['duplicate_event_id', 'duplicate_received']);
    expect(codes({ ...working, events: working.events.slice(1) })).toEqual(['no_received_event']);
    expect(codes({ ...working, events: [] })).toEqual(['no_received_event']);
  });

  it('reports the owner listed as covering', () => {
    const p = must(newProblem(), { type: 'addCover', repId: BOB });
    const forged = { ...p, events: [...p.events, ev('cv', { type: 'cover', repId: OWNER, action: 'add' })], coveringRepIds: [BOB, OWNER] };
    expect(codes(forged)).toEqual(['owner_covers']);
  });

  it('names the offending event and explains in words', () => {
    const p = newProblem();
    const r = validateProblemHistory({ ...p, status: 'working', events: [...p.events, ev('bad', { type: 'status', from: 'open', to: 'resolved_awaiting_confirmation' })] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations[0]).toMatchObject({ code: 'illegal_status_edge', eventId: 'bad', message: 'The lifecycle has no step from open to resolved_awaiting_confirmation.' });
  });
});
