import { useEffect, useState } from 'preact/hooks';
import { listReps } from '@/lib/messaging/protocol';
import type { RepChoice } from '@/lib/messaging/tenure-schema';
import type { Request } from './state';

/** The colleagues a customer's owner can be, asked for once `wanted` (null until they arrive; none if asking fails). */
export function useReps(request: Request | undefined, wanted: boolean): RepChoice[] | null {
  const [reps, setReps] = useState<RepChoice[] | null>(null);
  useEffect(() => {
    if (!wanted || !request || reps) return;
    let live = true;
    request(listReps, null)
      .then((r) => live && setReps(r))
      .catch(() => live && setReps([]));
    return () => {
      live = false;
    };
  }, [wanted, request]);
  return reps;
}
