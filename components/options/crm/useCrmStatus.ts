import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/messaging';
import { crmStatus } from '@/lib/messaging/crm-messages';
import type { CrmStatus } from '@/lib/crm/state';

/** While a sync runs its progress lives in the background: ask twice a second. */
export const RUNNING_POLL_MS = 500;
/** Otherwise a slow tick (a sync the alarm started, "last synced" moving) and whenever the page gets focus. */
export const IDLE_POLL_MS = 10_000;

export interface CrmStatusState {
  /** Each connection's status; empty when none, or while the background does not answer. */
  statuses: CrmStatus[];
  now: number;
  refresh: () => void;
  /** Take a status the background handed back with a reply (connect, sync now, cancel) at once. */
  accept: (statuses: CrmStatus[]) => void;
}

/**
 * The background's CRM connections, asked again ~every 500 ms while one syncs, else on focus
 * and every 10 s. A background that does not answer (not started, or an older build) leaves
 * the cards as "not connected" rather than breaking the page.
 */
export function useCrmStatus(): CrmStatusState {
  const [statuses, setStatuses] = useState<CrmStatus[]>([]);
  const [now, setNow] = useState(Date.now());
  const [asked, setAsked] = useState(0);
  const running = statuses.some((s) => s.running);

  // One question at a time: the next is asked a tick after the answer (or the failure), so a
  // slow background is never asked faster than it answers and no answer is thrown away.
  const [answeredAt, setAnsweredAt] = useState(0);
  useEffect(() => {
    let live = true;
    send(crmStatus, null)
      .then((s) => {
        if (!live) return;
        setStatuses(s);
      })
      .catch((err: unknown) => console.warn('[holdfast] CRM status unavailable', err))
      .finally(() => {
        if (!live) return;
        setNow(Date.now());
        setAnsweredAt((n) => n + 1);
      });
    return () => {
      live = false;
    };
  }, [asked]);

  useEffect(() => {
    if (!answeredAt) return;
    const timer = setTimeout(() => setAsked((n) => n + 1), running ? RUNNING_POLL_MS : IDLE_POLL_MS);
    return () => clearTimeout(timer);
  }, [answeredAt, running]);

  useEffect(() => {
    const onFocus = () => setAsked((n) => n + 1);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  return {
    statuses,
    now,
    refresh: () => setAsked((n) => n + 1),
    accept: (s) => {
      setStatuses(s);
      setNow(Date.now());
    },
  };
}
