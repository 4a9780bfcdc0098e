/**
 * The HTTP application: middleware in the order a request meets it (log, CORS, auth with the
 * rate limit), then the routes. Built from its dependencies so tests and main.ts share it.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { authenticate, bearerToken, hashToken } from './auth';
import type { AppEnv, Deps } from './context';
import { HttpError } from './errors';
import { log } from './log';
import { openApiDocument } from './openapi';
import { healthRoute } from './routes/health';
import { meRoute } from './routes/me';
import { pullRoute } from './routes/pull';
import { pushRoute } from './routes/push';

// Refusals quote zod's messages to the client; the English locale says what was expected.
// And the schemas may compile to fast parsers here: lib/model turns that off for the
// extension, whose CSP forbids eval, but the server has no such limit (and parses a push
// of 500 records 5-20 times faster with it).
z.config({ ...z.locales.en(), jitless: false });

/**
 * The extension's background calls from its own origin, and (holding no host permission for
 * the team's server) needs CORS to read the answers. Web pages get no CORS headers, so a page
 * the rep visits cannot use the API through the rep's browser.
 */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9-]{1,64}$/;

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    const caller = c.get('caller');
    log(c.res.status >= 500 ? 'error' : 'info', 'request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      team: caller?.teamId,
      rep: caller?.repId,
    });
  });

  app.use(
    '*',
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json(err.body(), err.status, err.headers);
    log('error', 'unhandled', { method: c.req.method, path: c.req.path, error: err instanceof Error ? err.message : String(err) });
    return c.json({ error: 'internal', reason: 'The server failed on this request; it was not applied and can be retried.' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not_found', reason: `There is no ${c.req.method} ${c.req.path}.` }, 404));

  healthRoute(app, deps);
  const openapi = openApiDocument(deps.version);
  app.get('/openapi.json', (c) => c.json(openapi));

  app.use('/v1/*', async (c, next) => {
    const hash = hashToken(bearerToken(c.req.header('authorization')));
    // Limited before the database is asked, so a flood costs a hash and a map lookup.
    const rate = deps.limiter.take(hash);
    if (!rate.ok) {
      throw new HttpError(429, 'rate_limited', `Too many requests with this token; retry in ${rate.retryAfterSeconds} s.`, {
        'Retry-After': String(rate.retryAfterSeconds),
      });
    }
    c.set('caller', await authenticate(deps.db, hash));
    await next();
  });
  meRoute(app);
  pushRoute(app, deps);
  pullRoute(app, deps);

  return app;
}
