/**
 * POST /v1/push: a client's mutations, applied in order, each exactly once, in ONE transaction.
 *
 * Exactly once: the clients row remembers the last mutation id applied for that client.
 * Mutations at or below it are duplicates (a retry after a lost response) and are skipped;
 * the rest must continue it without a gap, or nothing is applied (409) and the client resends
 * from the next id. A refused mutation still counts as applied (the outbox moves on) and is
 * answered with the reason and the server's current record.
 *
 * Ordering and the cursor hole: a pull returns rows with seq > cursor. If two pushes of one
 * team ran concurrently, the one that drew the lower seq could commit after a pull had already
 * seen the higher one, and that pull's cursor would skip the late row forever. So a push first
 * locks its team's row (SELECT … FOR UPDATE) and draws seqs only while holding it: pushes of
 * one team are serialised, and their seq order is their commit order (the lock is released
 * only once the commit is visible). Pushes of different teams do not wait for each other, and
 * a pull takes no lock at all. The same lock orders the CLI's writes (invite). On PGlite, with
 * one connection, everything is serial anyway; the lock is there for PostgreSQL with several
 * server instances.
 */
import type { Mutation, MutationResult, PushResponse } from '../../lib/sync/protocol';
import type { Caller } from '../auth';
import type { FaultConfig } from '../config';
import type { Db, Queryable } from '../db/adapter';
import { HttpError } from '../errors';
import { log } from '../log';
import { judgeMutation, type Actor, type StoredRecord } from '../rules';
import { oversizedWrites, UNSTORABLE_REASON, writeRecordsGuarded, type Unstored } from './guarded-write';
import { DEFAULT_TEAM_QUOTA_BYTES, TeamQuota } from './quota';
import { loadRecords, recordKey, visibleTo, type RecordWrite } from './records';
import type { ScreenedMutation, ScreenedPush } from './screen';

export async function applyPush(
  db: Db,
  caller: Caller,
  req: ScreenedPush,
  faults: readonly FaultConfig[] = [],
  quotaBytes = DEFAULT_TEAM_QUOTA_BYTES,
): Promise<PushResponse> {
  const fault = faults.find((f) => f.clientId === undefined || f.clientId === req.clientId);
  const response = await db.transaction(async (tx) => {
    await lockTeam(tx, caller.teamId);
    let last = await lockClient(tx, req.clientId, caller);

    const fresh = req.mutations.filter((m) => m.id > last);
    let expected = last + 1;
    for (const m of fresh) {
      if (m.id !== expected) {
        throw new HttpError(
          409,
          'mutation_gap',
          `Mutations apply in order without gaps: this client's mutations are applied up to ${last}, so ${last + 1} comes next, but the push has ${m.id} where ${expected} belongs. Nothing was applied; resend from ${last + 1}.`,
        );
      }
      expected++;
    }
    if (fresh.length === 0) return { lastMutationId: last, results: [] };

    const actor: Actor = { repId: caller.repId, lead: caller.role === 'lead' };
    const state = await loadRecords(tx, caller.teamId, fresh.map((m) => ({ table: m.table, id: recordIdOf(m) })));
    // Bounds (issue 14): what each record was before this push, and the team's quota.
    const original = new Map(state);
    const quota = await TeamQuota.load(tx, caller.teamId, quotaBytes);
    const writes = new Map<string, RecordWrite>();
    const results: MutationResult[] = [];
    const nowMs = Date.now();
    // The team's rep names (the unique-name rule), read once and only for a push with rep records.
    const repNames = fresh.some((m) => m.table === 'reps') ? await loadRepNames(tx, caller.teamId) : new Map<string, string>();

    for (const m of fresh) {
      const id = recordIdOf(m);
      const key = recordKey(m.table, id);
      const stored = state.get(key);
      // Refused before the rules: it broke its schema (screen.ts), or the team's storage is full.
      if (m.op === 'refused' || !quota.admits(key, stored, m.op === 'put' ? m.record : null)) {
        const { code, reason } = m.op === 'refused' ? m : { code: 'quota_exceeded' as const, reason: quota.reason() };
        results.push({ id: m.id, ok: false, code, reason, table: m.table, recordId: id, current: visibleTo(stored, caller.repId) });
        last = m.id;
        continue;
      }
      const verdict = judgeMutation(m, stored, actor, { nowMs, repNames: () => repNames });
      if (verdict.ok) {
        // What is stored is the judged mutation: the pushed record merged with the stored one.
        const next = nextStored(verdict.mutation, stored, caller.repId);
        if (m.table === 'reps') noteRepName(repNames, id, next);
        state.set(key, next);
        // Re-inserted so that the map's order is the order of each record's last write.
        writes.delete(key);
        writes.set(key, { table: m.table, id, ...next });
        results.push({ id: m.id, ok: true });
      } else {
        results.push({ id: m.id, ok: false, code: verdict.code, reason: verdict.reason, table: m.table, recordId: id, current: visibleTo(stored, caller.repId) });
      }
      last = m.id;
    }

    // A record that merging grew past MAX_RECORD_BYTES, or that the database refuses, is not
    // written: its mutations become refusals and it stays as it was (guarded-write.ts).
    const unstored = oversizedWrites(writes.values());
    const fitting = [...writes.values()].filter((w) => !unstored.has(recordKey(w.table, w.id)));
    for (const key of await writeRecordsGuarded(tx, caller.teamId, fitting)) unstored.set(key, { code: 'invalid', reason: UNSTORABLE_REASON });
    const written = fitting.filter((w) => !unstored.has(recordKey(w.table, w.id)));
    refuseUnstored(fresh, results, unstored, original, caller.repId);
    await quota.save(tx, caller.teamId, written);
    await syncRepNames(tx, caller.teamId, written);
    await tx.query('UPDATE clients SET last_mutation_id = $2, updated_at = now() WHERE client_id = $1', [req.clientId, last]);
    if (fault?.when === 'before-commit') await stall(fault, req.clientId);
    return { lastMutationId: last, results };
  });
  if (fault?.when === 'after-commit' && response.results.length > 0) await stall(fault, req.clientId);
  return response;
}

/** Takes the team's push lock (see the file comment). */
export async function lockTeam(tx: Queryable, teamId: string): Promise<void> {
  const rows = await tx.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
  if (rows.length === 0) throw new HttpError(401, 'unknown_team', 'The team of this token no longer exists.');
}

/** The client's row, created on its first push and bound to the token's team and rep for good. */
async function lockClient(tx: Queryable, clientId: string, caller: Caller): Promise<number> {
  await tx.query('INSERT INTO clients (client_id, team_id, rep_id) VALUES ($1, $2, $3) ON CONFLICT (client_id) DO NOTHING', [
    clientId,
    caller.teamId,
    caller.repId,
  ]);
  const [row] = await tx.query<{ team_id: string; rep_id: string; last: string }>(
    'SELECT team_id, rep_id, last_mutation_id::text AS last FROM clients WHERE client_id = $1 FOR UPDATE',
    [clientId],
  );
  if (!row || row.team_id !== caller.teamId || row.rep_id !== caller.repId) throw clientNotYours();
  return Number(row.last);
}

export function clientNotYours(): HttpError {
  return new HttpError(403, 'client_not_yours', 'This client id belongs to another rep. Each install keeps its own random client id.');
}

function recordIdOf(m: ScreenedMutation): string {
  return m.op === 'put' ? m.record.id : m.recordId;
}

/** The mutations of records that were not stored become refusals; the record stays as it was. */
function refuseUnstored(
  fresh: readonly ScreenedMutation[],
  results: MutationResult[],
  unstored: ReadonlyMap<string, Unstored>,
  original: ReadonlyMap<string, StoredRecord>,
  me: string,
): void {
  if (unstored.size === 0) return;
  fresh.forEach((m, i) => {
    const id = recordIdOf(m);
    const key = recordKey(m.table, id);
    const why = unstored.get(key);
    if (!why || !results[i]?.ok) return;
    results[i] = { id: m.id, ok: false, ...why, table: m.table, recordId: id, current: visibleTo(original.get(key), me) };
  });
}

function nextStored(m: Mutation, stored: StoredRecord | undefined, me: string): StoredRecord {
  if (m.op === 'delete') {
    // A tombstone keeps the note's author and privacy, so the rules and the pull filter still
    // apply to it (others never learn of a private note they never saw).
    return {
      data: null,
      authorRepId: m.table === 'notes' ? (stored?.authorRepId ?? me) : me,
      private: stored?.private ?? false,
      shared: stored?.shared ?? false,
    };
  }
  const isPrivate = m.table === 'notes' && m.record.visibility === 'private';
  return {
    data: m.record as Record<string, unknown>,
    authorRepId: m.table === 'notes' ? m.record.authorRepId : me,
    private: isPrivate,
    shared: (stored?.shared ?? false) || !isPrivate,
  };
}

/**
 * The team's reps by id with the names they go by: the synced profile's name where there is
 * one (a deleted profile takes its rep out), else the name the rep was invited with.
 */
export async function loadRepNames(tx: Queryable, teamId: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const r of await tx.query<{ id: string; name: string }>('SELECT id, name FROM reps WHERE team_id = $1', [teamId])) names.set(r.id, r.name);
  const records = await tx.query<{ id: string; name: string | null; gone: boolean }>(
    `SELECT id, data->>'name' AS name, (data IS NULL OR data->>'deleted' = 'true') AS gone FROM records WHERE team_id = $1 AND tbl = 'reps'`,
    [teamId],
  );
  for (const r of records) {
    if (r.gone) names.delete(r.id);
    else if (r.name !== null) names.set(r.id, r.name);
  }
  return names;
}

/** Keeps the names current within one push (two renames in a row judge against each other). */
function noteRepName(names: Map<string, string>, id: string, next: StoredRecord): void {
  const name = next.data?.name;
  if (typeof name === 'string' && next.data?.deleted !== true) names.set(id, name);
  else names.delete(id);
}

/** A rep's own profile name is also what /v1/me answers with. */
async function syncRepNames(tx: Queryable, teamId: string, writes: readonly RecordWrite[]): Promise<void> {
  for (const w of writes) {
    const name = w.table === 'reps' ? w.data?.name : undefined;
    if (typeof name === 'string') await tx.query('UPDATE reps SET name = $3 WHERE team_id = $1 AND id = $2', [teamId, w.id, name]);
  }
}

async function stall(fault: FaultConfig, clientId: string): Promise<void> {
  log('warn', 'fault: push stalled', { when: fault.when, ms: fault.ms, client: clientId });
  await new Promise((resolve) => setTimeout(resolve, fault.ms));
}
