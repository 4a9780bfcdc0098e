/** GET /health: no token; 200 when the database answers, 503 when it does not. */
import type { Hono } from 'hono';
import type { AppEnv, Deps } from '../context';
import { HttpError } from '../errors';

export function healthRoute(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/health', async (c) => {
    try {
      await deps.db.query('SELECT 1');
    } catch (err) {
      throw new HttpError(503, 'database_unavailable', `The database does not answer: ${err instanceof Error ? err.message : String(err)}`);
    }
    return c.json({ ok: true, db: deps.db.kind, version: deps.version });
  });
}
