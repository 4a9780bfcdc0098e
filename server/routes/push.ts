/** POST /v1/push: size limit, JSON, the envelope and each mutation's schema (sync/screen.ts), then the transaction in sync/push.ts. */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, Deps } from '../context';
import { HttpError } from '../errors';
import { applyPush } from '../sync/push';
import { screenPush } from '../sync/screen';
import { callerOf } from './caller';

export function pushRoute(app: Hono<AppEnv>, deps: Deps): void {
  const megabytes = (deps.config.maxBodyBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
  app.post(
    '/v1/push',
    bodyLimit({
      maxSize: deps.config.maxBodyBytes,
      onError: () => {
        throw new HttpError(413, 'too_large', `The request body is over ${megabytes} MB. Send fewer mutations per push.`);
      },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type)) {
        throw new HttpError(415, 'unsupported_media_type', `Send the push as JSON with "Content-Type: application/json" (got "${type.slice(0, 100)}").`);
      }
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch (err) {
        throw new HttpError(400, 'bad_json', `The body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
      // One malformed mutation is refused alone; only a broken envelope is a 400.
      const push = screenPush(body);
      return c.json(await applyPush(deps.db, callerOf(c), push, deps.config.faults, deps.config.teamQuotaBytes));
    },
  );
  app.on(['GET', 'PUT', 'PATCH', 'DELETE'], '/v1/push', () => {
    throw new HttpError(405, 'method_not_allowed', 'Push with POST.');
  });
}
