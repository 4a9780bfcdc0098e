/** Runs the HTTP server until SIGTERM or SIGINT, then drains requests and closes the database. */
import { serve as listen } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { readConfig } from './config';
import { openDb } from './db/open';
import { log } from './log';
import { RateLimiter } from './rate-limit';

/** How long in-flight requests get to finish on shutdown before connections are cut. */
const DRAIN_MS = 10_000;

export async function serve(): Promise<void> {
  const config = readConfig();
  const db = await openDb(config.db);
  const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const app = createApp({ db, config, limiter: new RateLimiter(config.rateLimit), version });
  for (const f of config.faults) log('warn', 'fault injection is on: pushes stall (tests only)', { ...f });

  const server = listen({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    log('info', 'listening', { url: `http://${host}:${info.port}`, db: db.kind, pid: process.pid });
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    const force = setTimeout(() => {
      log('warn', 'requests still running after drain time; closing connections');
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, DRAIN_MS);
    force.unref();
    // Keep-alive connections would hold close() open until they time out: cut each one as
    // soon as it has no request in flight (a request being served is left to finish).
    const closeIdle = () => ('closeIdleConnections' in server ? server.closeIdleConnections() : undefined);
    closeIdle();
    const idleSweep = setInterval(closeIdle, 50);
    server.close(() => {
      clearInterval(idleSweep);
      db.close()
        .then(() => {
          log('info', 'stopped');
          process.exit(0);
        })
        .catch((err: unknown) => {
          log('error', 'closing the database failed', { error: err instanceof Error ? err.message : String(err) });
          process.exit(1);
        });
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
