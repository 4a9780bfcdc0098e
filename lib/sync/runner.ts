/**
 * When sync rounds run, one at a time: soon after a change (debounced), on the alarm, at
 * start, and at once when the user asks. A failed round sets the next automatic attempt
 * by the backoff (lib/sync/backoff.ts) and keeps it in the status row, so a restarted
 * background waits as long as the old one would have; a refused token stops automatic
 * attempts until the user acts. Connect and disconnect run through the same queue, so they
 * never interleave with a round.
 *
 * Timers and the clock are injected: the background passes the real ones, tests fake ones.
 */
import type { HoldfastDB } from '../db/database';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { SyncReport } from './engine';
import { SyncHttpError } from './http';
import type { SyncErrorInfo, StatusRow } from './state';
import { readConfig, readStatus, updateStatus } from './store';

export type Trigger = 'start' | 'alarm' | 'change' | 'retry' | 'manual';

export interface RunnerDeps {
  db: HoldfastDB;
  /** One round (lib/sync/engine.ts syncOnce with its options bound). */
  round: () => Promise<SyncReport>;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Quiet time after a change before its round. */
  debounceMs?: number;
  backoff?: BackoffOptions;
}

export const DEFAULT_DEBOUNCE_MS = 2_000;

export function describeError(err: unknown, at: string): SyncErrorInfo {
  if (err instanceof SyncHttpError) return { code: err.code, detail: err.message, at };
  return { code: 'local', detail: err instanceof Error ? err.message : String(err), at };
}

export class SyncRunner {
  private queue: Promise<unknown> = Promise.resolve();
  /** A round is queued and has not started: another trigger joins it. */
  private waiting: Promise<void> | undefined;
  private waitingForced = false;
  private debounceTimer: unknown;
  private retryTimer: unknown;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly deps: RunnerDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** Ask for a round. Resolves when the round it joined is over (a debounced change: at once). */
  trigger(why: Trigger): Promise<void> {
    if (why === 'change') {
      this.clearTimer(this.debounceTimer);
      this.debounceTimer = this.setTimer(() => void this.trigger('retry'), this.deps.debounceMs ?? DEFAULT_DEBOUNCE_MS);
      return Promise.resolve();
    }
    const forced = why === 'manual';
    if (this.waiting) {
      // Join the queued round; "Sync now" makes it skip the backoff.
      this.waitingForced ||= forced;
      return this.waiting;
    }
    this.waitingForced = forced;
    const round = this.queue.then(() => {
      const f = this.waitingForced;
      this.waiting = undefined;
      return this.round(f);
    });
    this.waiting = round;
    this.queue = round.catch(() => undefined);
    return round;
  }

  /** Run `fn` between rounds (connect, disconnect). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stop the timers (tests; a background being replaced). */
  stop(): void {
    this.clearTimer(this.debounceTimer);
    this.clearTimer(this.retryTimer);
  }

  private async round(forced: boolean): Promise<void> {
    const d = this.deps.db;
    const config = await readConfig(d);
    if (!config) return;
    if (!forced) {
      const status = await readStatus(d);
      if (status.stopped) return;
      if (status.nextAttemptAt !== undefined && status.nextAttemptAt > this.now() + 50) return;
    }
    this.clearTimer(this.retryTimer);
    try {
      await this.deps.round();
      const at = new Date(this.now()).toISOString();
      await this.record(config.clientId, (s) => ({ ...s, failures: 0, lastSyncAt: at, lastError: undefined, nextAttemptAt: undefined, stopped: undefined }));
    } catch (err) {
      const info = describeError(err, new Date(this.now()).toISOString());
      let delay: number | undefined;
      await this.record(config.clientId, (s) => {
        const failures = s.failures + 1;
        if (info.code === 'unauthorized') return { ...s, failures, lastError: info, stopped: true, nextAttemptAt: undefined };
        delay = backoffDelay(failures, this.random, err instanceof SyncHttpError ? err.retryAfterMs : undefined, this.deps.backoff ?? DEFAULT_BACKOFF);
        return { ...s, failures, lastError: info, nextAttemptAt: this.now() + delay };
      });
      if (delay !== undefined) this.retryTimer = this.setTimer(() => void this.trigger('retry'), delay);
    }
  }

  /** Update the status row, unless the connection changed meanwhile (a disconnect must stay clean). */
  private async record(clientId: string, change: (s: StatusRow) => StatusRow): Promise<void> {
    const d = this.deps.db;
    await d.transaction('rw', d.sync, async () => {
      if ((await readConfig(d))?.clientId !== clientId) return;
      await updateStatus(d, (s) => stripUndefined(change(s)));
    });
  }
}

function stripUndefined(s: StatusRow): StatusRow {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as StatusRow;
}
