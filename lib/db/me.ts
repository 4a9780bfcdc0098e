import type { Rep } from '../model';
import { newId, nowIso } from '../util/ids';
import type { HoldfastDB } from './database';

const ME_KEY = 'meRepId';

/**
 * The rep using this browser. Created on first need so that everything works before the
 * profile is filled in; the options page renames it.
 */
export async function ensureMe(d: HoldfastDB, defaultName = 'Me'): Promise<Rep> {
  return d.transaction('rw', d.settings, d.reps, async () => {
    const id = (await d.settings.get(ME_KEY))?.value;
    const existing = typeof id === 'string' ? await d.reps.get(id) : undefined;
    if (existing) return existing;
    const rep: Rep = { id: newId(), updatedAt: nowIso(), name: defaultName };
    await d.reps.put(rep);
    await d.settings.put({ key: ME_KEY, value: rep.id });
    return rep;
  });
}

/** The rep using this browser, read only (undefined before ensureMe made one): safe inside a live query. */
export async function findMe(d: HoldfastDB): Promise<Rep | undefined> {
  const id = (await d.settings.get(ME_KEY))?.value;
  return typeof id === 'string' ? d.reps.get(id) : undefined;
}
