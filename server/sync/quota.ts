/**
 * The per-team storage quota (HOLDFAST_TEAM_QUOTA_BYTES, issue 14 finding 1): one rep cannot
 * fill the server's disk, or the team's pulls, without limit. The bytes a team holds are kept
 * as a running total in teams.stored_bytes (migration 2), counted as the JSON of its records,
 * so a push pays one row read for the check, not a scan of the team's data. A put that would
 * take the team over its quota is refused alone (quota_exceeded); deletes, and puts that do
 * not grow a record, always pass, so a full team can always make room.
 */
import { jsonBytes } from '../../lib/sync/protocol';
import type { Queryable } from '../db/adapter';
import type { StoredRecord } from '../rules';
import { recordKey, type RecordWrite } from './records';

export const DEFAULT_TEAM_QUOTA_BYTES = 1024 * 1024 * 1024;

export class TeamQuota {
  /** Each touched record's size before this push, by record key. */
  private readonly before = new Map<string, number>();
  /** Growth admitted so far in this push (an estimate: a put the rules then refuse still counts, which only errs on the safe side). */
  private admitted = 0;
  private readonly sizes = new WeakMap<object, number>();

  private constructor(
    private readonly used: number,
    readonly limit: number,
  ) {}

  static async load(tx: Queryable, teamId: string, limit: number): Promise<TeamQuota> {
    const [row] = await tx.query<{ bytes: string }>('SELECT stored_bytes::text AS bytes FROM teams WHERE id = $1', [teamId]);
    return new TeamQuota(Number(row?.bytes ?? 0), limit);
  }

  private sizeOf(data: unknown): number {
    if (data === null || typeof data !== 'object') return 0;
    let size = this.sizes.get(data);
    if (size === undefined) this.sizes.set(data, (size = jsonBytes(data)));
    return size;
  }

  /** Whether putting `next` over the record as it stands keeps the team within its quota. */
  admits(key: string, stored: StoredRecord | undefined, next: unknown): boolean {
    const base = this.sizeOf(stored?.data);
    if (!this.before.has(key)) this.before.set(key, base);
    const growth = this.sizeOf(next) - base;
    if (growth > 0 && this.used + this.admitted + growth > this.limit) return false;
    this.admitted += growth;
    return true;
  }

  /** Adds what the push's writes really grew (or shrank) the team by to its running total. */
  async save(tx: Queryable, teamId: string, writes: readonly RecordWrite[]): Promise<void> {
    let delta = 0;
    for (const w of writes) delta += this.sizeOf(w.data) - (this.before.get(recordKey(w.table, w.id)) ?? 0);
    if (delta !== 0) await tx.query('UPDATE teams SET stored_bytes = greatest(0, stored_bytes + $2::bigint) WHERE id = $1', [teamId, String(delta)]);
  }

  reason(): string {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return `The team's storage on this server is full (${mb(this.used + this.admitted)} of ${mb(this.limit)}). Delete old records, or ask whoever runs the server to raise HOLDFAST_TEAM_QUOTA_BYTES. It was not stored; the rest of the push was.`;
  }
}
