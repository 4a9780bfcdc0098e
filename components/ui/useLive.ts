import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A Dexie live query as Preact state: re-runs whenever the tables it read change, in this
 * context or another one of the extension (Dexie relays writes over a BroadcastChannel).
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: setValue,
      error: (err: unknown) => console.error('[holdfast] live query failed', err),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
