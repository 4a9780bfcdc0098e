/**
 * One GET against a CRM API, shared by every client: JSON parsed and checked with the
 * client's zod schema, failures classified into CrmErrors by the client's `classify` (each
 * vendor words its errors its own way), and rate limits waited out here — `Retry-After` as a
 * floor, else exponential backoff with jitter (lib/sync/backoff.ts) — up to `maxRetries`
 * times before the sync gives up with `rate_limited` (and keeps everything written so far).
 */
import * as z from 'zod/mini';
import { backoffDelay } from '../sync/backoff';
import { parseRetryAfter } from '../sync/http';
import { CrmError } from './errors';
import type { CrmFetch } from './types';

export interface RequestContext {
  fetch: CrmFetch;
  /** Headers every request carries (the bearer token). Never logged. */
  headers: () => Promise<Record<string, string>> | Record<string, string>;
  /** Send the browser's own cookies (Dynamics: the signed-in session, no token). */
  credentials?: RequestCredentials;
  /** The vendor's error body → a CrmError (or undefined: the generic reading by status). */
  classify: (status: number, body: unknown, res: Response) => CrmError | undefined;
  signal?: AbortSignal;
  /** Rate-limit retries before giving up. */
  maxRetries?: number;
  /** Waits for tests (never real time in unit tests) and the clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Told about each wait, so the progress line can say "waiting for Salesforce's limit". */
  onWait?: (ms: number, error: CrmError) => void;
}

export const DEFAULT_MAX_RETRIES = 5;
/** A wait the API asks for beyond this is not waited out in one sync: the next sync resumes. */
export const MAX_WAIT_MS = 5 * 60_000;

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CrmError('cancelled', 'cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CrmError('cancelled', 'cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The generic reading of a status, for what a vendor's classify leaves undecided. */
export function errorByStatus(status: number, detail: string, retryAfterMs?: number): CrmError {
  if (status === 401) return new CrmError('signed_out', detail, undefined, status);
  if (status === 403) return new CrmError('no_api_access', detail, undefined, status);
  if (status === 429) return new CrmError('rate_limited', detail, retryAfterMs, status);
  if (status >= 500) return new CrmError('server', detail, retryAfterMs, status);
  return new CrmError('bad_response', detail, undefined, status);
}

async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 300);
  }
}

/** One request, its answer parsed with `schema`, rate limits waited out; throws CrmError. */
async function requestJson<S extends z.ZodMiniType>(ctx: RequestContext, url: string, schema: S, body?: unknown): Promise<z.infer<S>> {
  const sleep = ctx.sleep ?? abortableSleep;
  const now = ctx.now ?? Date.now;
  const max = ctx.maxRetries ?? DEFAULT_MAX_RETRIES;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  for (let attempt = 0; ; attempt++) {
    if (ctx.signal?.aborted) throw new CrmError('cancelled', 'cancelled');
    let res: Response;
    try {
      res = await ctx.fetch(url, {
        method: payload === undefined ? 'GET' : 'POST',
        headers: { Accept: 'application/json', ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }), ...(await ctx.headers()) },
        ...(payload === undefined ? {} : { body: payload }),
        ...(ctx.credentials ? { credentials: ctx.credentials } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
    } catch (e) {
      if (ctx.signal?.aborted) throw new CrmError('cancelled', 'cancelled');
      // A CrmError from ctx.headers() (no session to send: signed_out) is the answer as it is.
      if (e instanceof CrmError) throw e;
      throw new CrmError('offline', e instanceof Error ? e.message : String(e));
    }
    const answer = await bodyOf(res);
    if (res.ok) {
      const parsed = z.safeParse(schema, answer);
      if (!parsed.success) throw new CrmError('bad_response', `${new URL(url).pathname}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, undefined, res.status);
      return parsed.data;
    }
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
    const error = ctx.classify(res.status, answer, res) ?? errorByStatus(res.status, typeof answer === 'string' ? answer : JSON.stringify(answer).slice(0, 300), retryAfterMs);
    const waitable = error.code === 'rate_limited' || (error.code === 'server' && res.status === 503);
    if (!waitable || attempt >= max) throw error;
    const wait = backoffDelay(attempt + 1, ctx.random ?? Math.random, error.retryAfterMs ?? retryAfterMs ?? 0, { baseMs: 1_000, capMs: 60_000 });
    if (wait > MAX_WAIT_MS) throw error;
    ctx.onWait?.(wait, error);
    await sleep(wait, ctx.signal);
  }
}

/** GET `url` and parse it with `schema`, waiting out rate limits; throws CrmError. */
export function getJson<S extends z.ZodMiniType>(ctx: RequestContext, url: string, schema: S): Promise<z.infer<S>> {
  return requestJson(ctx, url, schema);
}

/**
 * POST a JSON body and parse the answer with `schema`, with the same error reading and
 * rate-limit waits as getJson. For reads that vendors only offer as POST (HubSpot's search
 * and batch reads): it never writes to the CRM.
 */
export function postJson<S extends z.ZodMiniType>(ctx: RequestContext, url: string, body: unknown, schema: S): Promise<z.infer<S>> {
  return requestJson(ctx, url, schema, body);
}

/** What a product's client takes besides its credentials: the fetch, and for tests the clock and waits. */
export type ClientDeps = Pick<RequestContext, 'fetch' | 'sleep' | 'now' | 'random' | 'maxRetries' | 'onWait'>;

/**
 * One read's request context: the product's own headers and error reading (and, for Dynamics,
 * its own fetch), with the shared deps and the read's signal. Only the deps are taken from
 * `deps`: a client's credentials never ride along in the context.
 */
export function clientContext(
  deps: ClientDeps,
  own: Pick<RequestContext, 'headers' | 'classify'> & Partial<Pick<RequestContext, 'credentials' | 'fetch'>>,
  signal?: AbortSignal,
): RequestContext {
  const { fetch, sleep, now, random, maxRetries, onWait } = deps;
  return {
    fetch,
    ...own,
    ...(signal ? { signal } : {}),
    ...(sleep ? { sleep } : {}),
    ...(now ? { now } : {}),
    ...(random ? { random } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
    ...(onWait ? { onWait } : {}),
  };
}

/**
 * The next page's cursor, or undefined at the end of a listing — refused when the API hands
 * back one it already gave in this listing: the sync (and the service worker kept alive for
 * it) would otherwise read the same pages until cancelled. `given` is one listing's set.
 */
export function nextCursor(given: Set<string>, cursor: string | null | undefined): string | undefined {
  if (cursor === null || cursor === undefined || cursor === '') return undefined;
  if (given.has(cursor)) throw new CrmError('bad_response', `the API gave the same page cursor twice (${cursor.slice(0, 120)})`);
  given.add(cursor);
  return cursor;
}
