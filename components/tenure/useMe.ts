import { useEffect } from 'preact/hooks';
import { db, ensureMe } from '@/lib/db';
import { findMe } from '@/lib/db/me';
import type { Rep } from '@/lib/model';
import { useLive } from '../ui/useLive';

/**
 * The rep using this browser (created on first need), kept live: connecting to a team server
 * gives me the team's rep id, and an open page must follow without a reload.
 */
export function useMe(): Rep | null {
  useEffect(() => void ensureMe(db()), []);
  return useLive(async () => (await findMe(db())) ?? null, [], null);
}
