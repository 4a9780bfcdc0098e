/**
 * Bearer-token authentication for /v1/*: who is calling, for which team, in which role.
 * Looked up in the database on every request (no cache), so a revoked token stops working
 * at once on every instance.
 */
import type { Queryable } from './db/adapter';
import { HttpError } from './errors';
import { hashToken, looksLikeToken } from './tokens';

export interface Caller {
  repId: string;
  repName: string;
  role: 'rep' | 'lead';
  teamId: string;
  teamName: string;
}

/** The token from `Authorization: Bearer hf_…`, or a 401 saying what is wrong with it. */
export function bearerToken(header: string | undefined): string {
  if (!header) throw unauthorized('missing_token', 'Send the team token as "Authorization: Bearer hf_…".');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m?.[1]) throw unauthorized('bad_token', 'The Authorization header must be "Bearer" followed by the token.');
  if (!looksLikeToken(m[1])) throw unauthorized('bad_token', 'That is not a Holdfast token (they start with hf_ and are 46 characters long).');
  return m[1];
}

export async function authenticate(db: Queryable, tokenHash: string): Promise<Caller> {
  const rows = await db.query<{ rep_id: string; rep_name: string; role: 'rep' | 'lead'; team_id: string; team_name: string; revoked: boolean }>(
    `SELECT r.id AS rep_id, r.name AS rep_name, r.role, t.id AS team_id, t.name AS team_name, k.revoked_at IS NOT NULL AS revoked
       FROM tokens k JOIN reps r ON r.id = k.rep_id JOIN teams t ON t.id = r.team_id
      WHERE k.hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) throw unauthorized('unknown_token', 'This token is not known to the server. Ask your team lead for an invite.');
  if (row.revoked) throw unauthorized('revoked_token', 'This token was revoked. Ask your team lead for a new one.');
  return { repId: row.rep_id, repName: row.rep_name, role: row.role, teamId: row.team_id, teamName: row.team_name };
}

export { hashToken };

function unauthorized(error: string, reason: string): HttpError {
  return new HttpError(401, error, reason, { 'WWW-Authenticate': 'Bearer realm="holdfast"' });
}
