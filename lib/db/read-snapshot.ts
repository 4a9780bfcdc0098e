/**
 * One read-only transaction for a whole answer (the background's `lookupSubject`): in
 * Chromium every IndexedDB transaction is a round trip to the browser process, and an
 * answer that opened one per read (a dozen) spent most of its time there. Inside the
 * snapshot the rep using this browser is read, not created; the first time (no rep yet)
 * the snapshot steps out, creates it (lib/db/me.ts ensureMe) and reads again.
 */
import type { Rep } from '../model';
import type { HoldfastDB } from './database';
import { boundTo } from './bound';
import { ensureMe } from './me';

/** Keep in step with lib/db/me.ts. */
const ME_KEY = 'meRepId';

class MeMissing extends Error {
  override readonly name = 'MeMissing';
}

/** The rep using this browser, read inside the current transaction; throws when there is none yet. */
export async function readMe(d: HoldfastDB): Promise<Rep> {
  const id = (await d.settings.get(ME_KEY))?.value;
  const rep = typeof id === 'string' ? await d.reps.get(id) : undefined;
  if (!rep) throw new MeMissing('no rep yet');
  return rep;
}

/**
 * Run `read` in one read-only transaction over the tables an answer reads. `read` receives the
 * database to read from, bound to that transaction (lib/db/bound.ts): use it, not the outer one.
 */
export async function readSnapshot<T>(d: HoldfastDB, read: (d: HoldfastDB) => Promise<T>): Promise<T> {
  const tables = [d.customers, d.contacts, d.problems, d.reps, d.pods, d.settings, d.revenueLines, d.coaches, d.notes];
  const run = () => d.transaction('r', tables, (tx) => read(boundTo(d, tx)));
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof Error) || err.name !== 'MeMissing') throw err;
    await ensureMe(d);
    return run();
  }
}
