/**
 * Issue 14, finding 8: a mail from "Wang Fang" <wang.fang@another-domain> matched the coach by
 * display name and mailbox name at any domain, and one click ended the coach's employment for
 * the whole team. Now a move is offered as sure only for an address the coach is known by; a
 * name match needs the rep's confirmation, and the action re-checks that the coach is the one
 * detected for that sender (lib/db/coach-actions.ts, entrypoints/background/detected-moves.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, saveCustomer } from '@/lib/db';
import { makeCoach } from '@/lib/db/coaches';
import { coachActWire } from '@/lib/db/coach-actions';
import { coachInfo } from '@/lib/db/coach-info';
import type { Customer, PageSubject } from '@/lib/model';
import { forgetMoves, rememberMoves, wasDetected } from '@/entrypoints/background/detected-moves';
import { newId } from '@/lib/util/ids';

const today = '2026-11-28';
let db: HoldfastDB;

const customer = (id: string, name: string, domain: string): Customer => ({ id, name, domains: [domain], crmRefs: [], updatedAt: '2026-01-01T00:00:00.000Z' });

function mail(from: string, fromName: string): PageSubject {
  const domain = from.split('@')[1]!;
  return {
    site: 'gmail',
    objectType: 'thread',
    recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq',
    name: fromName,
    emails: [from],
    domains: [domain],
    messages: [{ from, fromName, at: '2026-11-24T16:05:00.000Z' }],
  };
}

beforeEach(async () => {
  db = new HoldfastDB(`move-sender-${newId()}`);
  await db.open();
  await saveCustomer(db, customer('globex', 'Globex Ltd', 'globex.co.uk'));
  forgetMoves();
});

async function wang() {
  return (await makeCoach(db, { name: 'Wang Fang', email: 'wang.fang@globex.co.uk', customerId: 'globex' })).coach;
}

describe('coach moves from a sender (issue 14, finding 8)', () => {
  it('a display-name and mailbox-name match at another domain is offered unverified, and one click records nothing', async () => {
    const coach = await wang();
    const spoof = mail('wang.fang@another-domain.com', 'Wang Fang');
    const info = await coachInfo(db, spoof, null, today);
    expect(info?.moves).toEqual([expect.objectContaining({ coachId: coach.id, from: 'wang.fang@another-domain.com', unverified: true })]);
    const reply = await coachActWire(db, spoof, { type: 'move', coachId: coach.id, from: 'wang.fang@another-domain.com' }, today);
    expect(reply).toMatchObject({ ok: false, code: 'refused', reason: expect.stringMatching(/not an address this coach is known by/) });
    // Nothing changed: still at Globex, no prospect made.
    expect((await db.coaches.get(coach.id))!.employers).toEqual([{ company: 'Globex Ltd', domain: 'globex.co.uk' }]);
    expect(await db.customers.count()).toBe(1);
  });

  it('with the rep’s confirmation that it is the same person, the move is recorded', async () => {
    const coach = await wang();
    const s = mail('wang.fang@another-domain.com', 'Wang Fang');
    expect(await coachActWire(db, s, { type: 'move', coachId: coach.id, from: 'wang.fang@another-domain.com', samePerson: true }, today)).toEqual({ ok: true });
    expect((await db.coaches.get(coach.id))!.employers.at(-1)).toMatchObject({ domain: 'another-domain.com', from: today });
  });

  it('an address the coach is known by needs no confirmation', async () => {
    const coach = await wang();
    const contact = (await db.contacts.get(coach.contactId))!;
    await db.contacts.put({ ...contact, emails: [...contact.emails, 'wang.fang@newco.com'] });
    const s = mail('wang.fang@newco.com', 'Wang Fang');
    const info = await coachInfo(db, s, null, today);
    expect(info?.moves[0]).toMatchObject({ coachId: coach.id, from: 'wang.fang@newco.com' });
    expect(info?.moves[0]?.unverified).toBeUndefined();
    expect(await coachActWire(db, s, { type: 'move', coachId: coach.id, from: 'wang.fang@newco.com' }, today)).toEqual({ ok: true });
  });

  it('the action must name the coach detected for that sender, not another coach', async () => {
    const coach = await wang();
    const other = (await makeCoach(db, { name: 'Li Wei', email: 'li.wei@globex.co.uk', customerId: 'globex' })).coach;
    const s = mail('wang.fang@another-domain.com', 'Wang Fang');
    const reply = await coachActWire(db, s, { type: 'move', coachId: other.id, from: 'wang.fang@another-domain.com', samePerson: true }, today);
    expect(reply).toMatchObject({ ok: false, reason: expect.stringMatching(/not who this page’s sender was recognised as/) });
    expect((await db.coaches.get(other.id))!.employers).toHaveLength(1);
    expect((await db.coaches.get(coach.id))!.employers).toHaveLength(1);
  });

  it('the background remembers which coach it detected for each frame’s sender', () => {
    const tab = { id: 'ext', tab: { id: 3 }, frameId: 0 };
    expect(wasDetected(tab, 'c1', 'a@b.com')).toBeUndefined();
    rememberMoves(tab, { coach: { moves: [{ coachId: 'c1', from: 'a@b.com' }] } } as never);
    expect(wasDetected(tab, 'c1', 'A@b.com')).toBe(true);
    expect(wasDetected(tab, 'c2', 'a@b.com')).toBe(false);
    expect(wasDetected({ ...tab, frameId: 2 }, 'c1', 'a@b.com')).toBeUndefined();
    rememberMoves(tab, { coach: { moves: [] } } as never);
    expect(wasDetected(tab, 'c1', 'a@b.com')).toBe(false);
  });
});
