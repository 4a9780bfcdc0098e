import { useEffect, useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { send } from '@/lib/messaging';
import { syncStatus } from '@/lib/messaging/sync-messages';
import type { SyncStatus } from '@/lib/messaging/sync-schema';
import { useLive } from '../ui/useLive';

/**
 * The background's sync status, asked again whenever it may have changed: the outbox count
 * or the status rows move (a live query; the page never reads the row holding the token),
 * every second while the first sync runs (its progress lives in the background), and on a
 * 30 s tick so "2 min ago" stays true.
 */
export function useSyncStatus(): { status: SyncStatus | null; now: number; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [now, setNow] = useState(Date.now());
  const [asked, setAsked] = useState(0);
  const changed = useLive(
    async () => {
      const d = db();
      const [rows, pending] = await Promise.all([d.sync.bulkGet(['status', 'refusals', 'capture']), d.outbox.count()]);
      return JSON.stringify([rows, pending]);
    },
    [],
    '',
  );
  useEffect(() => {
    let live = true;
    send(syncStatus, null)
      .then((s) => live && setStatus(s))
      .catch((err: unknown) => console.warn('[holdfast] sync status unavailable', err));
    return () => {
      live = false;
    };
  }, [changed, asked]);
  useEffect(() => {
    const every = status?.firstSync ? 1_000 : 30_000;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (status?.firstSync) setAsked((n) => n + 1);
    }, every);
    return () => clearInterval(timer);
  }, [status?.firstSync]);
  return { status, now, refresh: () => setAsked((n) => n + 1) };
}
