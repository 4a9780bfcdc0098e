import { useEffect, useState } from 'preact/hooks';
import { db, ensureMe } from '@/lib/db';
import type { Rep } from '@/lib/model';

/** The rep using this browser (created on first need). */
export function useMe(): Rep | null {
  const [me, setMe] = useState<Rep | null>(null);
  useEffect(() => void ensureMe(db()).then(setMe), []);
  return me;
}
