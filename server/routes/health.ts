/** GET /health: no token; 200 when the database answers, 503 when it does not. */
import type { Hono } from 'hono';
import type { AppEnv, Deps } from '../context';
import { HttpError } from '../errors';
import { log } from '../log';

export function healthRoute(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/health', async (c) => {
    try {
      await deps.db.query('SELECT 1');
    } catch (err) {
      // Anyone may ask /health (no token): the database's own words go to the log only.
      log('error', 'health: the database does not answer', { error: err instanceof Error ? err.message : String(err) });
      throw new HttpError(503, 'database_unavailable', 'The database does not answer; the server log says why.');
    }
    return c.json({ ok: true, db: deps.db.kind, version: deps.version });
  });
}
