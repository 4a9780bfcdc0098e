import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, ensureMe, saveCustomer, subjectInfo, toRow } from '@/lib/db';
import { addNote, deleteNote, editNote, notesFor, pinNote, touchLastContact } from '@/lib/db/notes';
import { LINE_LIMIT, customerLines, tenureOf } from '@/lib/db/tenure-query';
import { SubjectInfo } from '@/lib/messaging/protocol';
import type { RevenueLine } from '@/lib/model';
import { newId } from '@/lib/util/ids';
import * as z from 'zod/mini';
import { customer, line } from './fixtures';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
});

describe('tenure query', () => {
  it('reads only the customer’s lines through [customerId+date] and summarises them', async () => {
    await saveCustomer(db, customer({ id: 'c1', customerSince: '2020-01-15', domains: ['acme.com'] }));
    await saveCustomer(db, customer({ id: 'c2', name: 'Other', domains: ['other.com'] }));
    await db.revenueLines.bulkAdd([
      line({ customerId: 'c1', date: '2025-02-01', product: 'P', amount: 1000_00 }),
      line({ customerId: 'c1', date: '2026-05-01', product: 'P', amount: 500_00 }),
      line({ customerId: 'c2', date: '2026-05-01', product: 'P', amount: 7_00 }),
    ]);
    const row = (await db.customers.get('c1'))!;
    const s = await tenureOf(db, row, new Date(2026, 10, 28, 12));
    expect([s.today, s.years, s.months]).toEqual(['2026-11-28', 6, 10]);
    expect(s.last12).toEqual([{ currency: 'USD', total: 500_00, existing: 500_00, cross_sell: 0, new: 0 }]);
    expect(s.allTime[0]!.total).toBe(1500_00);
  });

  it('bounds a very long history and keeps its recent months', async () => {
    const lines: RevenueLine[] = [];
    for (let i = 0; i < LINE_LIMIT + 10; i++) lines.push(line({ customerId: 'c1', date: `2001-01-${String((i % 28) + 1).padStart(2, '0')}`, product: 'P', amount: 1 }));
    lines.push(line({ customerId: 'c1', date: '2026-06-01', product: 'P', amount: 999 }));
    await db.revenueLines.bulkAdd(lines);
    const { lines: read, partial } = await customerLines(db, 'c1', '2026-11-28');
    expect(partial).toBe(true);
    expect(read.length).toBe(LINE_LIMIT + 1);
    expect(read.some((l) => l.date === '2026-06-01')).toBe(true);
  });

  it('lookupSubject’s answer carries the tenure summary, and it passes the wire schema', async () => {
    await saveCustomer(db, customer({ id: 'c1', customerSince: '2020-01-15', domains: ['acme.com'] }));
    await db.revenueLines.add(line({ customerId: 'c1', date: '2026-05-01', product: 'P', amount: 500_00 }));
    const info = await subjectInfo(db, { site: 'generic', emails: [], domains: ['acme.com'] });
    expect(info.tenure?.allTime[0]?.total).toBe(500_00);
    expect(z.safeParse(SubjectInfo, info).success).toBe(true);
    const none = await subjectInfo(db, { site: 'generic', emails: [], domains: ['nobody.com'] });
    expect(none.tenure).toBeUndefined();
  });
});

describe('notes', () => {
  it('adding a note moves the last contact forward, never back', async () => {
    const me = await ensureMe(db);
    await db.customers.put(toRow(customer({ id: 'c1', lastContactAt: '2026-01-01T00:00:00.000Z' })));
    await addNote(db, { customerId: 'c1', text: '  Called Maria  ', visibility: 'team' }, me.id, '2026-11-20T10:00:00.000Z');
    expect((await db.customers.get('c1'))!.lastContactAt).toBe('2026-11-20T10:00:00.000Z');
    await touchLastContact(db, 'c1', '2026-03-01T00:00:00.000Z');
    expect((await db.customers.get('c1'))!.lastContactAt).toBe('2026-11-20T10:00:00.000Z');
    const [n] = await notesFor(db, 'c1', me.id);
    expect(n!.text).toBe('Called Maria');
  });

  it('edits, pins and deletes (a tombstone) only by the author; private notes stay private', async () => {
    const me = await ensureMe(db);
    await db.customers.put(toRow(customer({ id: 'c1' })));
    const a = await addNote(db, { customerId: 'c1', text: 'team note', visibility: 'team' }, me.id);
    const b = await addNote(db, { customerId: 'c1', text: 'my secret', visibility: 'private' }, me.id);
    const k = await addNote(db, { customerId: 'c1', text: 'kim private', visibility: 'private' }, 'kim');

    await editNote(db, a.id, { text: 'team note, edited', visibility: 'private' }, me.id);
    await pinNote(db, b.id, true, me.id);
    await expect(editNote(db, k.id, { text: 'hijack' }, me.id)).rejects.toThrow('only the author');
    await expect(deleteNote(db, k.id, me.id)).rejects.toThrow('only the author');

    let mine = await notesFor(db, 'c1', me.id);
    expect(mine.map((n) => [n.text, n.visibility, !!n.pinned])).toEqual([
      ['my secret', 'private', true],
      ['team note, edited', 'private', false],
    ]);
    await deleteNote(db, b.id, me.id);
    mine = await notesFor(db, 'c1', me.id);
    expect(mine.map((n) => n.id)).toEqual([a.id]);
    const tomb = await db.notes.get(b.id);
    expect(tomb?.deleted).toBe(true);
    expect(tomb?.text).not.toContain('secret');
    expect((await notesFor(db, 'c1', 'kim')).map((n) => n.text)).toEqual(['kim private']);
  });

  it('refuses an empty note', async () => {
    const me = await ensureMe(db);
    await expect(addNote(db, { customerId: 'c1', text: '   ', visibility: 'team' }, me.id)).rejects.toThrow();
  });
});
