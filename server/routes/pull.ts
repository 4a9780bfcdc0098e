/** GET /v1/pull?clientId=…&cursor=…&limit=…: query checks, then sync/pull.ts. */
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { ClientId, Cursor, MAX_PULL_LIMIT } from '../../lib/sync/protocol';
import type { AppEnv, Deps } from '../context';
import { describeZodError, HttpError } from '../errors';
import { pull } from '../sync/pull';
import { callerOf } from './caller';

const PullParams = z.object({
  clientId: ClientId,
  cursor: z.optional(Cursor),
  limit: z.optional(z.string().check(z.regex(/^\d{1,6}$/, `a whole number from 1 to ${MAX_PULL_LIMIT}`))),
});

export function pullRoute(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/v1/pull', async (c) => {
    const parsed = PullParams.safeParse(c.req.query());
    if (!parsed.success) throw new HttpError(400, 'bad_request', `query ${describeZodError(parsed.error)}`);
    const limit = parsed.data.limit === undefined ? MAX_PULL_LIMIT : Number(parsed.data.limit);
    if (limit < 1 || limit > MAX_PULL_LIMIT) throw new HttpError(400, 'bad_request', `query limit: a whole number from 1 to ${MAX_PULL_LIMIT}`);
    const cursor = BigInt(parsed.data.cursor ?? '0');
    // The stream's positions are PostgreSQL bigints.
    if (cursor > 9_223_372_036_854_775_807n) throw new HttpError(400, 'bad_request', 'query cursor: a cursor from an earlier pull');
    return c.json(await pull(deps.db, callerOf(c), { clientId: parsed.data.clientId, cursor, limit }));
  });
}
