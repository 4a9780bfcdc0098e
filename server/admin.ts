/**
 * Team administration, as the CLI does it: teams, reps and their tokens. Every function runs
 * in one transaction, so a failed command leaves nothing half made.
 */
import * as z from 'zod/mini';
import { Rep } from '../lib/model';
import { newId, nowIso } from '../lib/util/ids';
import type { Db, Queryable } from './db/adapter';
import { checkRepName } from './rules/names';
import { loadRepNames, lockTeam } from './sync/push';
import { writeRecords } from './sync/records';
import { hashToken, looksLikeToken, newToken, TOKEN_MARK, TOKEN_PREFIX_LENGTH, tokenPrefix } from './tokens';

export class AdminError extends Error {
  override readonly name = 'AdminError';
}

export interface NewTeam {
  id: string;
  name: string;
}

export interface RepSpec {
  name: string;
  email?: string;
  lead?: boolean;
}

export interface Invited {
  repId: string;
  name: string;
  role: 'rep' | 'lead';
  /** Shown once; the database keeps only its hash. */
  token: string;
}

export async function createTeam(db: Db, name: string): Promise<NewTeam> {
  return db.transaction((tx) => insertTeam(tx, name));
}

export async function invite(db: Db, teamId: string, spec: RepSpec): Promise<Invited> {
  return db.transaction(async (tx) => {
    const [team] = await tx.query('SELECT id FROM teams WHERE id = $1', [teamId]);
    if (!team) throw new AdminError(`There is no team ${teamId}. Create one with: team create "Name"`);
    return insertRep(tx, teamId, spec);
  });
}

/**
 * A new token for an existing rep (a lost token, a second device), so they keep their rep id
 * and with it the problems they own. Earlier tokens stay valid until revoked.
 */
export async function issueToken(db: Db, repId: string): Promise<Invited> {
  return db.transaction(async (tx) => {
    const [rep] = await tx.query<{ name: string; role: 'rep' | 'lead' }>('SELECT name, role FROM reps WHERE id = $1', [repId]);
    if (!rep) throw new AdminError(`There is no rep ${repId}.`);
    const token = newToken();
    await tx.query('INSERT INTO tokens (hash, prefix, rep_id) VALUES ($1, $2, $3)', [hashToken(token), tokenPrefix(token), repId]);
    return { repId, name: rep.name, role: rep.role, token };
  });
}

export interface TeamFile {
  teams: Array<{ name: string; reps: RepSpec[] }>;
}

const TeamFileSchema = z.object({
  teams: z.array(
    z.object({
      name: z.string().check(z.minLength(1), z.maxLength(200)),
      reps: z.array(z.object({ name: z.string(), email: z.optional(z.string()), lead: z.optional(z.boolean()) })),
    }),
  ),
});

/** Several teams and their reps from one JSON file, in one transaction (onboarding, test setups). */
export async function importTeams(db: Db, file: unknown): Promise<Array<NewTeam & { reps: Invited[] }>> {
  const parsed = TeamFileSchema.safeParse(file);
  if (!parsed.success) throw new AdminError(`The team file does not fit {"teams":[{"name":…,"reps":[{"name":…,"email"?:…,"lead"?:true}]}]}: ${z.prettifyError(parsed.error)}`);
  return db.transaction(async (tx) => {
    const out: Array<NewTeam & { reps: Invited[] }> = [];
    for (const t of parsed.data.teams) {
      const team = await insertTeam(tx, t.name);
      const reps: Invited[] = [];
      for (const r of t.reps) reps.push(await insertRep(tx, team.id, r));
      out.push({ ...team, reps });
    }
    return out;
  });
}

export interface Revoked {
  repId: string;
  prefix: string;
}

/**
 * Revokes by rep id (all of that rep's tokens) or by a token's beginning as printed at invite
 * (`hf_` and at least 8 more characters), or by the whole token. A prefix that matches more
 * than one live token is refused, so nobody revokes the wrong rep by a short guess.
 */
export async function revoke(db: Db, target: string): Promise<Revoked[]> {
  return db.transaction(async (tx) => {
    let rows: Array<{ hash: string; rep_id: string; prefix: string }>;
    checkRevokeTarget(target);
    if (target.startsWith(TOKEN_MARK)) {
      rows = looksLikeToken(target)
        ? await tx.query('SELECT hash, rep_id, prefix FROM tokens WHERE revoked_at IS NULL AND hash = $1', [hashToken(target)])
        : await tx.query('SELECT hash, rep_id, prefix FROM tokens WHERE revoked_at IS NULL AND prefix = $1', [tokenPrefix(target)]);
      if (rows.length > 1) throw new AdminError(`${target} matches ${rows.length} tokens; give more of the token, or the rep id.`);
    } else {
      const [rep] = await tx.query('SELECT id FROM reps WHERE id = $1', [target]);
      if (!rep) throw new AdminError(`No rep ${target}, and it is not a token (tokens start with ${TOKEN_MARK}).`);
      rows = await tx.query('SELECT hash, rep_id, prefix FROM tokens WHERE revoked_at IS NULL AND rep_id = $1', [target]);
    }
    if (rows.length === 0) throw new AdminError(`Nothing to revoke: no live token matches ${target}.`);
    await tx.query('UPDATE tokens SET revoked_at = now() WHERE hash = ANY($1::text[])', [rows.map((r) => r.hash)]);
    return rows.map((r) => ({ repId: r.rep_id, prefix: r.prefix }));
  });
}

async function insertTeam(tx: Queryable, name: string): Promise<NewTeam> {
  const clean = name.trim();
  if (clean.length < 1 || clean.length > 200) throw new AdminError('A team name has 1 to 200 characters.');
  const id = newId();
  await tx.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [id, clean]);
  return { id, name: clean };
}

/** The rep's synced profile record, so every client of the team pulls the new colleague's name. */
export function repRecord(id: string, spec: RepSpec): Rep {
  const record = Rep.safeParse({ id, updatedAt: nowIso(), name: spec.name.trim(), ...(spec.email ? { email: spec.email.trim() } : {}) });
  if (!record.success) throw new AdminError(`That rep cannot be created: ${z.prettifyError(record.error)}`);
  return record.data;
}

/** Refuses a revoke target that cannot match anything, before the database is opened. */
export function checkRevokeTarget(target: string): void {
  if (target.startsWith(TOKEN_MARK) && target.length < TOKEN_PREFIX_LENGTH) {
    throw new AdminError(`Give at least ${TOKEN_PREFIX_LENGTH} characters of the token (as printed at invite).`);
  }
}

async function insertRep(tx: Queryable, teamId: string, spec: RepSpec): Promise<Invited> {
  const id = newId();
  const record = repRecord(id, spec);
  const role = spec.lead ? 'lead' : 'rep';
  // Ordered with the team's pushes (see sync/push.ts): the name is checked, and the record
  // enters the stream, under the team's lock, so a rename pushed meanwhile cannot slip between.
  await lockTeam(tx, teamId);
  // A name is unique in the team, by the rule a push of a rep record is judged by (rules/names.ts).
  const named = checkRepName(id, record.name, await loadRepNames(tx, teamId));
  if (!named.ok) throw new AdminError(`"${record.name}" cannot be invited: ${named.reason}`);
  const token = newToken();
  await tx.query('INSERT INTO reps (id, team_id, name, email, role) VALUES ($1, $2, $3, $4, $5)', [id, teamId, record.name, record.email ?? null, role]);
  await tx.query('INSERT INTO tokens (hash, prefix, rep_id) VALUES ($1, $2, $3)', [hashToken(token), tokenPrefix(token), id]);
  await writeRecords(tx, teamId, [{ table: 'reps', id, data: record, authorRepId: id, private: false, shared: true }]);
  return { repId: id, name: record.name, role, token };
}
