/**
 * The rep's one-click correction of a revenue line's kind (DESIGN §5: the highest authority).
 * Written on the line itself: imports keep a line's `kind` (lib/db/import-writes.ts) and sync
 * carries it like any field.
 */
import type { RevenueKind } from '../model';
import { nowIso } from '../util/ids';
import type { HoldfastDB } from './database';

/** False when the line does not exist (or was deleted): nothing is written. */
export async function correctLineKind(d: HoldfastDB, lineId: string, kind: RevenueKind | null): Promise<boolean> {
  return d.transaction('rw', d.revenueLines, async () => {
    const line = await d.revenueLines.get(lineId);
    if (!line || line.deleted) return false;
    if ((line.kind ?? null) === kind) return true;
    const next = { ...line, updatedAt: nowIso() };
    if (kind === null) delete next.kind;
    else next.kind = kind;
    await d.revenueLines.put(next);
    return true;
  });
}
