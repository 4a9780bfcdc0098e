import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { HoldfastDB, saveCustomer, subjectInfo } from '@/lib/db';
import { addGift, addReferral, dismissMove, makeCoach, recordMove, setCoachBudget, touchCoach } from '@/lib/db/coaches';
import { coachActWire } from '@/lib/db/coach-actions';
import { coachInfo } from '@/lib/db/coach-info';
import { listCoachViews } from '@/lib/db/coach-list';
import { customerCoaches, tenureOf } from '@/lib/db/tenure-query';
import { CoachInfo, SubjectInfo } from '@/lib/messaging/protocol';
import type { Customer, PageSubject } from '@/lib/model';
import { localIsoDate } from '@/lib/tenure/summary';
import { newId } from '@/lib/util/ids';

const UPDATED = '2026-01-01T00:00:00.000Z';
/** The coach part of an answer as the dock's panels read it: through the wire schema, then CoachInfo. */
const coachPart = (info: unknown) => {
  const wire = z.parse(SubjectInfo, info);
  return wire.coach === undefined ? undefined : z.parse(CoachInfo, wire.coach);
};
const customer = (id: string, name: string, domains: string[]): Customer => ({ id, updatedAt: UPDATED, name, domains, crmRefs: [] });

/** The coaches the customer's panels find (the coaches' `customerKeys` index), by id. */
const coachesOf = async (customerId: string) => (await customerCoaches(db, (await db.customers.get(customerId))!)).map((c) => c.id);

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
  await saveCustomer(db, customer('globex', 'Globex Ltd', ['globex.co.uk']));
  await saveCustomer(db, customer('acme', 'Acme Corp', ['acme.com']));
});

/** A Gmail thread: Wang Fang wrote from Globex, then from `newAddress`. */
function thread(newAddress: string, name = 'Wang Fang'): PageSubject {
  return {
    site: 'gmail',
    objectType: 'thread',
    recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq',
    tenant: 'u/0',
    name,
    emails: ['wang.fang@globex.co.uk', newAddress],
    domains: ['globex.co.uk', newAddress.split('@')[1]!],
    messages: [
      { from: 'wang.fang@globex.co.uk', fromName: name, at: '2026-09-01T08:00:00.000Z' },
      { from: 'jane@holdfast-demo.com', fromName: 'Jane Rep' },
      { from: newAddress, fromName: name, at: '2026-11-24T16:05:00.000Z' },
    ],
  };
}

async function wangAtGlobex() {
  const { coach } = await makeCoach(db, { name: 'Wang Fang', email: 'wang.fang@globex.co.uk', customerId: 'globex' });
  return coach;
}

describe('making a coach', () => {
  it('from a contact at a customer: the coach works there, and making them again changes nothing', async () => {
    const first = await makeCoach(db, { name: 'Wang Fang', email: 'Wang.Fang@globex.co.uk', customerId: 'globex' });
    expect(first.created).toBe(true);
    expect(first.coach.employers).toEqual([{ company: 'Globex Ltd', domain: 'globex.co.uk' }]);
    expect(first.contact).toMatchObject({ name: 'Wang Fang', emails: ['wang.fang@globex.co.uk'], customerId: 'globex' });
    expect(await coachesOf('globex')).toEqual([first.coach.id]);
    const again = await makeCoach(db, { name: 'W. Fang', email: 'wang.fang@globex.co.uk' });
    expect(again).toMatchObject({ created: false, coach: { id: first.coach.id } });
    expect(await db.coaches.count()).toBe(1);
    expect(await db.contacts.count()).toBe(1);
  });

  it('a free-mail address gives no employer', async () => {
    const { coach } = await makeCoach(db, { name: 'Li Wei', email: 'li.wei@qq.com' });
    expect(coach.employers).toEqual([]);
  });
});

describe('recording a move', () => {
  it('closes Globex, opens the new company as a prospect, moves the contact, and Globex gets "coach left"', async () => {
    const coach = await wangAtGlobex();
    const r = await recordMove(db, coach.id, 'wang.fang@newco.com', '2026-11-28');
    expect(r).toMatchObject({ moved: true, prospectCreated: true, move: { kind: 'move', domain: 'newco.com' } });
    const prospect = (await db.customers.get(r.customerId!))!;
    expect(prospect).toMatchObject({ name: 'newco.com', domains: ['newco.com'] });
    expect(prospect).not.toHaveProperty('coachIds');
    expect(await coachesOf(prospect.id)).toEqual([coach.id]);
    expect(await coachesOf('globex')).toEqual([coach.id]);
    expect(await db.revenueLines.where('[customerId+date]').between([prospect.id, ''], [prospect.id, '\uffff']).count()).toBe(0);
    const after = (await db.coaches.get(coach.id))!;
    expect(after.employers).toEqual([
      { company: 'Globex Ltd', domain: 'globex.co.uk', to: '2026-11-28' },
      { company: 'newco.com', domain: 'newco.com', from: '2026-11-28' },
    ]);
    const contact = (await db.contacts.get(coach.contactId))!;
    expect(contact).toMatchObject({ emails: ['wang.fang@globex.co.uk', 'wang.fang@newco.com'], customerId: prospect.id });

    const globex = (await db.customers.get('globex'))!;
    const risk = (await tenureOf(db, globex, new Date(2026, 10, 28, 12))).risk;
    expect(risk.signals.find((s) => s.code === 'coach_left')).toEqual({ code: 'coach_left', weight: 2, args: ['2026-11-28'] });
    expect(risk.nextStep).toBeDefined();
    // The new company has no such signal: the coach is there.
    expect((await tenureOf(db, prospect, new Date(2026, 10, 28, 12))).risk.signals.map((s) => s.code)).not.toContain('coach_left');

    // Recording it again (a second click, another tab) changes nothing.
    expect(await recordMove(db, coach.id, 'wang.fang@newco.com', '2026-11-29')).toEqual({ moved: false });
    expect(await db.customers.count()).toBe(3);
  });

  it('to a company Holdfast knows: no prospect, the known customer is linked', async () => {
    const coach = await wangAtGlobex();
    const r = await recordMove(db, coach.id, 'wang.fang@eu.acme.com', '2026-11-28');
    expect(r).toMatchObject({ moved: true, prospectCreated: false, customerId: 'acme' });
    expect((await db.coaches.get(coach.id))!.employers.at(-1)).toEqual({ company: 'Acme Corp', domain: 'eu.acme.com', from: '2026-11-28' });
  });

  it('moving twice and back: Globex → Newco → Initech → Globex', async () => {
    const coach = await wangAtGlobex();
    await recordMove(db, coach.id, 'wang.fang@newco.com', '2026-01-10');
    await recordMove(db, coach.id, 'wf@initech.com', '2026-06-01');
    const back = await recordMove(db, coach.id, 'wang.fang@globex.co.uk', '2026-11-28');
    expect(back).toMatchObject({ moved: true, prospectCreated: false, customerId: 'globex', move: { kind: 'back', company: 'Globex Ltd' } });
    const k = (await db.coaches.get(coach.id))!;
    expect(k.employers.map((e) => [e.company, e.from ?? '', e.to ?? ''])).toEqual([
      ['Globex Ltd', '', '2026-01-10'],
      ['newco.com', '2026-01-10', '2026-06-01'],
      ['initech.com', '2026-06-01', '2026-11-28'],
      ['Globex Ltd', '2026-11-28', ''],
    ]);
    expect(await db.customers.count()).toBe(4); // globex, acme, two prospects
    const at = new Date(2026, 10, 28, 12);
    const left = async (domain: string) => {
      const row = (await db.customers.where('domains').equals(domain).first())!;
      return (await tenureOf(db, row, at)).risk.signals.some((s) => s.code === 'coach_left');
    };
    expect([await left('globex.co.uk'), await left('newco.com'), await left('initech.com')]).toEqual([false, true, true]);
  });

  it('"not a move" silences that domain', async () => {
    const coach = await wangAtGlobex();
    await dismissMove(db, coach.id, 'board.example');
    expect(await recordMove(db, coach.id, 'wang@board.example', '2026-11-28')).toEqual({ moved: false });
  });
});

describe('gifts, touches, referrals, budget', () => {
  it('a gift is a touch; touches never move back; the list shows spend against budget', async () => {
    const coach = await wangAtGlobex();
    await touchCoach(db, coach.id, '2026-11-20');
    await addGift(db, coach.id, { date: '2026-11-02', amount: 80_00, currency: 'USD', note: 'Tea set' });
    expect((await db.coaches.get(coach.id))!.lastTouchAt).toBe('2026-11-20');
    await addGift(db, coach.id, { date: '2026-11-25', amount: 30_00, currency: 'EUR' });
    expect((await db.coaches.get(coach.id))!.lastTouchAt).toBe('2026-11-25');
    await setCoachBudget(db, coach.id, { period: 'quarter', amount: 200_00, currency: 'USD' });
    const [view] = await listCoachViews(db, '2026-11-28');
    expect(view!.budget).toMatchObject({ spent: 80_00, budget: 200_00, otherSpend: [{ currency: 'EUR', amount: 30_00 }] });
    expect(view!.neglect.days).toBe(3);
    await setCoachBudget(db, coach.id, undefined);
    expect((await db.coaches.get(coach.id))!.budget).toBeUndefined();
  });

  it('a referral links the customer and shows its revenue since the introduction', async () => {
    const coach = await wangAtGlobex();
    const acmeBefore = (await db.customers.get('acme'))!.updatedAt;
    expect(await addReferral(db, coach.id, { customerId: 'acme', date: '2026-02-01', outcome: 'won' })).toBe('created');
    expect(await addReferral(db, coach.id, { customerId: 'acme', date: '2026-02-01', outcome: 'won' })).toBe('unchanged');
    await db.revenueLines.bulkAdd([
      { id: 'l1', updatedAt: UPDATED, customerId: 'acme', date: '2026-01-15', amount: 999_00, currency: 'USD', product: 'P' },
      { id: 'l2', updatedAt: UPDATED, customerId: 'acme', date: '2026-03-01', amount: 4_000_00, currency: 'USD', product: 'P' },
    ]);
    expect(await coachesOf('acme')).toEqual([coach.id]);
    // The customer row is not written for the coach's sake: the link is the coach's own index.
    expect((await db.customers.get('acme'))!.updatedAt).toBe(acmeBefore);
    const [view] = await listCoachViews(db, '2026-11-28');
    expect(view!.referrals).toEqual([{ customerId: 'acme', customerName: 'Acme Corp', date: '2026-02-01', outcome: 'won', revenue: [{ currency: 'USD', amount: 4_000_00 }] }]);
  });
});

describe('the dock’s coach part', () => {
  const today = localIsoDate();

  it('on a thread where a known coach writes from a new company: the move, with no offer to make them a coach again', async () => {
    const coach = await wangAtGlobex();
    const info = (await coachInfo(db, thread('wang.fang@newco.com'), (await db.customers.get('globex'))!, today))!;
    // Recognised by name and mailbox name only: the rep confirms the person first (issue 14, finding 8).
    expect(info.moves).toEqual([{ coachId: coach.id, name: 'Wang Fang', from: 'wang.fang@newco.com', domain: 'newco.com', back: false, unverified: true }]);
    expect(info.coaches.map((b) => [b.name, b.why, b.days])).toEqual([['Wang Fang', 'works', -1]]);
    expect(info.candidate).toBeUndefined();
  });

  it('recognises the coach at an unknown address by mailbox name and display name, not by mailbox name alone', async () => {
    await wangAtGlobex();
    const stranger = await coachInfo(db, thread('wang.fang@newco.com', 'Wang Fang-Li'), null, today);
    expect(stranger?.moves ?? []).toEqual([]);
    const known = await coachInfo(db, thread('wang.fang@newco.com', 'Fang Wang'), null, today);
    expect(known?.moves.map((m) => m.domain)).toEqual(['newco.com']);
  });

  it('the newest message decides: an older one from the new company and a newer one from the old is no move', async () => {
    await wangAtGlobex();
    const s = thread('wang.fang@newco.com');
    s.messages = [...s.messages!].reverse();
    expect((await coachInfo(db, s, null, today))?.moves ?? []).toEqual([]);
  });

  it('a badge on a customer the coach introduced: who, days since touch, spend against budget', async () => {
    const coach = await wangAtGlobex();
    await addReferral(db, coach.id, { customerId: 'acme', date: '2026-02-01', outcome: 'won' });
    await touchCoach(db, coach.id, today);
    await setCoachBudget(db, coach.id, { period: 'quarter', amount: 300_00, currency: 'USD' });
    await addGift(db, coach.id, { date: today, amount: 120_00, currency: 'USD' });
    const page: PageSubject = { site: 'salesforce', objectType: 'Account', recordId: '001Dn00000ABcdeIAD', tenant: 'acme', name: 'Acme Corp', emails: [], domains: ['acme.com'] };
    const info = z.parse(SubjectInfo, await subjectInfo(db, page));
    expect(info.customer?.id).toBe('acme');
    expect(coachPart(info)?.coaches).toEqual([{ coachId: coach.id, name: 'Wang Fang', why: 'introduced', days: 0, budget: { period: 'quarter', currency: 'USD', amount: 300_00, spent: 120_00 } }]);
  });

  it('offers to make the person on the page a coach, and the action does it for an address on the page only', async () => {
    const page: PageSubject = { site: 'hubspot', objectType: 'contact', recordId: '51', tenant: '1', name: 'Maria Lopez', emails: ['maria@acme.com'], domains: ['acme.com'] };
    const info = await subjectInfo(db, page);
    expect(coachPart(info)?.candidate).toEqual({ email: 'maria@acme.com', name: 'Maria Lopez' });
    expect(await coachActWire(db, page, { type: 'make', email: 'someone@else.com' }, today)).toMatchObject({ ok: false });
    expect(await coachActWire(db, page, { type: 'make', email: 'maria@acme.com' }, today)).toEqual({ ok: true });
    const after = await subjectInfo(db, page);
    expect(coachPart(after)?.candidate).toBeUndefined();
    expect(coachPart(after)?.coaches.map((b) => [b.name, b.why])).toEqual([['Maria Lopez', 'works']]);
  });

  it('the move action records only from an address a message on the page came from', async () => {
    const coach = await wangAtGlobex();
    const s = thread('wang.fang@newco.com');
    expect(await coachActWire(db, s, { type: 'move', coachId: coach.id, from: 'wang.fang@other.com' }, today)).toMatchObject({ ok: false });
    expect(await coachActWire(db, s, { type: 'move', coachId: coach.id, from: 'wang.fang@newco.com', samePerson: true }, today)).toEqual({ ok: true });
    const info = await subjectInfo(db, s);
    expect(coachPart(info)?.moves ?? []).toEqual([]);
    expect(info.customer?.name).toBe('Globex Ltd');
    expect(info.tenure?.risk.signals.map((sig) => sig.code)).toContain('coach_left');
  });
});
