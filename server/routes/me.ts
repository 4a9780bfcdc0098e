/** GET /v1/me: whose token this is. The client adopts the rep id as its own. */
import type { Hono } from 'hono';
import type { MeResponse } from '../../lib/sync/protocol';
import type { AppEnv } from '../context';
import { callerOf } from './caller';

export function meRoute(app: Hono<AppEnv>): void {
  app.get('/v1/me', (c) => {
    const caller = callerOf(c);
    const body: MeResponse = { teamId: caller.teamId, teamName: caller.teamName, repId: caller.repId, repName: caller.repName, role: caller.role };
    return c.json(body);
  });
}
