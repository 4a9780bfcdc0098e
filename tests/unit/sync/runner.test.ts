import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB } from '@/lib/db';
import { connect } from '@/lib/sync/connect';
import { SyncHttpError } from '@/lib/sync/http';
import type { SyncReport } from '@/lib/sync/engine';
import { SyncRunner } from '@/lib/sync/runner';
import { readStatus } from '@/lib/sync/store';
import { newId } from '@/lib/util/ids';
import { FakeServer } from './fake-server';

/** A clock and timers the test moves by hand. */
class FakeTime {
  now = Date.parse('2026-11-28T09:00:00Z');
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private next = 1;
  set = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.push({ at: this.now + ms, fn, id });
    return id;
  };
  clear = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  /** Move the clock, firing due timers in order; then let the work they started finish. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = due.at;
      due.fn();
      await settle();
    }
    this.now = until;
    await settle();
  }
  pending(): number[] {
    return this.timers.map((t) => t.at - this.now).sort((a, b) => a - b);
  }
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const OK: SyncReport = { connected: true, pushed: 0, refused: 0, pulled: 0, keptLocal: 0, reconciled: 0 };

let db: HoldfastDB;
let time: FakeTime;
let outcomes: Array<SyncReport | SyncHttpError>;
let rounds: number;
let runner: SyncRunner;

beforeEach(async () => {
  db = new HoldfastDB(`runner-${newId()}`);
  await db.open();
  const server = new FakeServer();
  await connect(db, { serverUrl: 'https://sync.example.com', token: 'secret' }, { fetch: server.fetch });
  time = new FakeTime();
  outcomes = [];
  rounds = 0;
  runner = new SyncRunner({
    db,
    round: async () => {
      rounds++;
      const next = outcomes.shift() ?? OK;
      if (next instanceof SyncHttpError) throw next;
      return next;
    },
    now: () => time.now,
    random: () => 1,
    setTimer: time.set,
    clearTimer: time.clear,
  });
});

describe('when sync runs', () => {
  it('a burst of changes makes one round, 2 s after the last', async () => {
    const start = time.now;
    for (let i = 0; i < 5; i++) {
      void runner.trigger('change');
      await time.advance(500);
    }
    expect(rounds).toBe(0);
    await time.advance(2_000);
    expect(rounds).toBe(1);
    // Changes at 0, 0.5, 1, 1.5 and 2 s: the round ran at 4 s.
    expect((await readStatus(db)).lastSyncAt).toBe(new Date(start + 4_000).toISOString());
  });

  it('backs off exponentially after failures, with Retry-After as a floor, and resets after a success', async () => {
    outcomes = [new SyncHttpError('server', 'down', 503), new SyncHttpError('offline', 'no network'), new SyncHttpError('rate_limited', 'slow down', 429, 60_000)];
    await runner.trigger('start');
    expect(rounds).toBe(1);
    expect(time.pending()).toEqual([2_000]);
    // The alarm before the retry is due does not jump the queue.
    await runner.trigger('alarm');
    expect(rounds).toBe(1);
    await time.advance(2_000);
    expect(rounds).toBe(2);
    expect(time.pending()).toEqual([4_000]);
    await time.advance(4_000);
    expect(rounds).toBe(3);
    expect(time.pending()).toEqual([60_000]);
    const status = await readStatus(db);
    expect(status).toMatchObject({ failures: 3, lastError: { code: 'rate_limited', detail: 'slow down' } });
    await time.advance(60_000);
    expect(rounds).toBe(4);
    expect(await readStatus(db)).toMatchObject({ failures: 0 });
    expect((await readStatus(db)).lastError).toBeUndefined();
    expect(time.pending()).toEqual([]);
  });

  it('"Sync now" does not wait for the backoff', async () => {
    outcomes = [new SyncHttpError('server', 'down', 500)];
    await runner.trigger('start');
    await runner.trigger('manual');
    expect(rounds).toBe(2);
  });

  it('a refused token stops automatic attempts until the user acts', async () => {
    outcomes = [new SyncHttpError('unauthorized', 'token revoked', 401)];
    await runner.trigger('start');
    expect(time.pending()).toEqual([]);
    expect(await readStatus(db)).toMatchObject({ stopped: true, lastError: { code: 'unauthorized' } });
    await runner.trigger('alarm');
    void runner.trigger('change');
    await time.advance(10 * 60_000);
    expect(rounds).toBe(1);
    await runner.trigger('manual');
    expect(rounds).toBe(2);
    expect((await readStatus(db)).stopped).toBeUndefined();
  });

  it('triggers during a round join one follow-up round', async () => {
    let release!: () => void;
    let calls = 0;
    const slow = new SyncRunner({
      db,
      round: async () => {
        calls++;
        if (calls === 1) await new Promise<void>((r) => (release = r));
        return OK;
      },
    });
    const first = slow.trigger('manual');
    await settle();
    const joined = [slow.trigger('alarm'), slow.trigger('alarm'), slow.trigger('manual')];
    release();
    await Promise.all([first, ...joined]);
    expect(calls).toBe(2);
  });
});
