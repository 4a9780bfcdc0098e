import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB } from '@/lib/db';
import { correctLineKind } from '@/lib/db/line-kind';
import { newId } from '@/lib/util/ids';
import { line } from './fixtures';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
});

describe("the rep's correction of a line's kind", () => {
  it('is stored on the line with a new updatedAt (so it syncs), and taken back with null', async () => {
    const l = line({ date: '2024-03-14', product: 'Platform', dealType: 'existing_business' });
    await db.revenueLines.put(l);
    expect(await correctLineKind(db, l.id, 'new')).toBe(true);
    const corrected = await db.revenueLines.get(l.id);
    expect(corrected).toMatchObject({ kind: 'new', dealType: 'existing_business' });
    expect(corrected!.updatedAt > l.updatedAt).toBe(true);
    expect(await correctLineKind(db, l.id, null)).toBe(true);
    expect((await db.revenueLines.get(l.id))!.kind).toBeUndefined();
  });

  it('refuses a line that does not exist or was deleted, writing nothing', async () => {
    expect(await correctLineKind(db, 'nope', 'new')).toBe(false);
    const gone = line({ date: '2024-03-14', product: 'Platform', deleted: true });
    await db.revenueLines.put(gone);
    expect(await correctLineKind(db, gone.id, 'new')).toBe(false);
    expect((await db.revenueLines.get(gone.id))!.kind).toBeUndefined();
  });
});
