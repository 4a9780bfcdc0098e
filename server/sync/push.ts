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
import type { Mutation, MutationResult, PushRequest, PushResponse } from '../../lib/sync/protocol';
import type { Caller } from '../auth';
import type { FaultConfig } from '../config';
import type { Db, Queryable } from '../db/adapter';
import { HttpError } from '../errors';
import { log } from '../log';
import { checkMutation, type Actor, type StoredRecord } from '../rules';
import { loadRecords, recordKey, visibleTo, writeRecords, type RecordWrite } from './records';

export async function applyPush(db: Db, caller: Caller, req: PushRequest, faults: readonly FaultConfig[] = []): Promise<PushResponse> {
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
    const writes = new Map<string, RecordWrite>();
    const results: MutationResult[] = [];

    for (const m of fresh) {
      const id = recordIdOf(m);
      const key = recordKey(m.table, id);
      const stored = state.get(key);
      const verdict = checkMutation(m, stored, actor);
      if (verdict.ok) {
        const next = nextStored(m, stored, caller.repId);
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

    await writeRecords(tx, caller.teamId, [...writes.values()]);
    await syncRepNames(tx, caller.teamId, [...writes.values()]);
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

function recordIdOf(m: Mutation): string {
  return m.op === 'put' ? m.record.id : m.recordId;
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
