/**
 * A small fault-injecting HTTP proxy for the client fault suite (sync-faults.test.ts): it
 * sits on loopback in front of the real server and does to each request what the test's
 * schedule says — pass it, answer 500, drop it, lose the answer, answer too late, send it
 * twice, replay it later (a stale duplicate arriving after newer requests), or kill the
 * server while the request is in it.
 *
 * Each forwarded request asks `target()` where to go, so a target that alternates between
 * two server instances sends consecutive requests (and the two copies of a `twice`, and a
 * replay) to different instances, as a round-robin load balancer would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULTS = ['pass', 'error500', 'error503', 'reset', 'lostAnswer', 'slow', 'twice', 'replayLater', 'kill'] as const;
export type Fault = (typeof FAULTS)[number];

export interface ProxyOptions {
  /** The server to send the next request to; asked once per forwarded copy. */
  target: () => string;
  /** How late a `slow` answer comes (longer than the client's timeout). */
  slowMs: number;
  /** Kills the server at `target` (the one the request is in) now; the suite restarts it (see `kill`). */
  kill: (target: string) => Promise<void>;
  /** A short name for a target in the log (which instance a request went to); none by default. */
  name?: (target: string) => string;
}

interface Forwarded {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const KEEP = ['authorization', 'content-type', 'accept'];

export class FaultProxy {
  /** Faults for the next requests, in order; when empty, requests pass. */
  plan: Fault[] = [];
  /** Kills still allowed (each costs a server restart); past them a `kill` loses the answer instead. */
  killsLeft = Number.POSITIVE_INFINITY;
  /** What happened, for a failing run's report. */
  readonly log: string[] = [];
  private server: Server | undefined;
  private readonly later = new Set<Promise<unknown>>();
  url = '';

  constructor(private readonly o: ProxyOptions) {}

  async start(): Promise<void> {
    // Every request's handling is tracked, so settle() also waits out a kill and restart.
    this.server = createServer((req, res) => void this.track(this.handle(req, res)));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await this.settle();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Wait for replays and slow answers still under way (so a run ends quiet). */
  async settle(): Promise<void> {
    while (this.later.size) await Promise.allSettled([...this.later]);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.later.add(p);
    void p.finally(() => this.later.delete(p)).catch(() => undefined);
    return p;
  }

  private async forward(req: IncomingMessage, body: string, target: string): Promise<Forwarded> {
    const headers: Record<string, string> = {};
    for (const h of KEEP) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const res = await fetch(target + (req.url ?? '/'), { method: req.method ?? 'GET', headers, ...(body ? { body } : {}) });
    const out: Record<string, string> = { 'content-type': res.headers.get('content-type') ?? 'application/json' };
    const retryAfter = res.headers.get('retry-after');
    if (retryAfter) out['retry-after'] = retryAfter;
    return { status: res.status, headers: out, body: await res.text() };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    let fault = this.plan.shift() ?? 'pass';
    if (fault === 'kill' && this.killsLeft-- <= 0) fault = 'lostAnswer';
    const what = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    const entry = this.log.push(`${fault} ${what}`) - 1;
    // Each copy of the request goes where target() says, noted in the log when targets are named.
    const send = (target = this.o.target()): Promise<Forwarded> => {
      if (this.o.name) this.log[entry] += ` → ${this.o.name(target)}`;
      return this.forward(req, body, target);
    };
    const reply = (f: Forwarded) => {
      res.writeHead(f.status, f.headers);
      res.end(f.body);
    };
    const drop = (): void => {
      res.socket?.destroy();
    };
    try {
      switch (fault) {
        case 'pass':
          return reply(await send());
        case 'error500':
          return reply({ status: 500, headers: { 'content-type': 'application/json' }, body: '{"error":"proxy","reason":"injected 500"}' });
        case 'error503':
          return reply({ status: 503, headers: { 'content-type': 'application/json', 'retry-after': '0' }, body: '{"error":"proxy","reason":"injected 503"}' });
        case 'reset':
          return drop();
        case 'lostAnswer':
          await send();
          return drop();
        case 'slow': {
          const answer = send();
          answer.catch(() => undefined); // awaited below, after the delay
          await this.track(new Promise((r) => setTimeout(r, this.o.slowMs)));
          return reply(await answer);
        }
        case 'twice': {
          const [a] = await Promise.allSettled([send(), send()]);
          if (a.status === 'fulfilled') return reply(a.value);
          return drop();
        }
        case 'replayLater': {
          const first = await send();
          // The stale copy arrives after the client has moved on.
          void this.track(new Promise((r) => setTimeout(r, 30)).then(() => send()).catch(() => undefined));
          return reply(first);
        }
        case 'kill': {
          const target = this.o.target();
          const inFlight = send(target).catch(() => undefined);
          // Somewhere in the request's life: before, during or after its transaction.
          await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 15)));
          await this.o.kill(target);
          await inFlight;
          return drop();
        }
      }
    } catch {
      // The server is down (killed, restarting): the client sees the connection fail.
      drop();
    }
  }
}
