/**
 * The team server's three endpoints (lib/sync/protocol.ts), with `fetch` injected so the same
 * client runs in the background, in Node tests against a fake, and against the real server.
 * Every failure becomes a SyncHttpError whose `code` says what to do next (retry, stop,
 * resend); every answer is parsed before anyone sees it.
 */
import * as z from 'zod/mini';
import { ErrorBody, MeResponse, PullResponse, PushResponse, type PushRequest } from './protocol';
import type { SyncErrorCode } from './state';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal }) => Promise<Response>;

export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  constructor(
    readonly code: SyncErrorCode,
    detail: string,
    readonly status?: number,
    /** How long the server asked us to wait (Retry-After), in ms. */
    readonly retryAfterMs?: number,
    /** 409 only: the last mutation id the server has, when its answer said. */
    readonly lastMutationId?: number,
    /** The `error` of the server's ErrorBody (e.g. mutation_gap, cursor_unknown). */
    readonly serverError?: string,
  ) {
    super(detail);
  }
}

export interface ClientOptions {
  serverUrl: string;
  token: string;
  fetch: FetchLike;
  /** A request that takes longer is abandoned (and retried later). */
  timeoutMs?: number;
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Retry-After beyond this is not believed (a misconfigured proxy must not park sync for a day). */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** Retry-After in ms: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS) : undefined;
}

const GapBody = z.object({ lastMutationId: z.int().check(z.gte(0)) });

export class SyncClient {
  private readonly base: string;
  constructor(private readonly o: ClientOptions) {
    this.base = o.serverUrl.replace(/\/+$/, '');
  }

  me(): Promise<MeResponse> {
    return this.request('GET', '/v1/me', MeResponse);
  }

  push(body: PushRequest): Promise<PushResponse> {
    return this.request('POST', '/v1/push', PushResponse, JSON.stringify(body));
  }

  pull(clientId: string, cursor: string, limit: number): Promise<PullResponse> {
    const q = new URLSearchParams({ clientId, cursor, limit: String(limit) });
    return this.request('GET', `/v1/pull?${q}`, PullResponse);
  }

  private async request<S extends z.ZodMiniType>(method: string, path: string, schema: S, body?: string): Promise<z.infer<S>> {
    const now = this.o.now ?? Date.now;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    try {
      let res: Response;
      try {
        res = await this.o.fetch(this.base + path, {
          method,
          headers: { authorization: `Bearer ${this.o.token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body } : {}),
          signal: abort.signal,
        });
      } catch (err) {
        if (abort.signal.aborted) throw new SyncHttpError('timeout', `no answer within ${Math.round((this.o.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`);
        throw new SyncHttpError('offline', err instanceof Error ? err.message : String(err));
      }
      let json: unknown;
      try {
        json = await res.json();
      } catch (err) {
        if (abort.signal.aborted) throw new SyncHttpError('timeout', 'the answer stopped arriving');
        json = undefined;
        if (res.ok) throw new SyncHttpError('bad_response', `not JSON (${err instanceof Error ? err.message : String(err)})`, res.status);
      }
      if (res.ok) {
        const parsed = z.safeParse(schema, json);
        if (!parsed.success) throw new SyncHttpError('bad_response', `unexpected answer from ${path.split('?')[0]}`, res.status);
        return parsed.data;
      }
      const err = z.safeParse(ErrorBody, json);
      const reason = err.success ? err.data.reason : `HTTP ${res.status}`;
      const serverError = err.success ? err.data.error : undefined;
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), now());
      if (res.status === 401) throw new SyncHttpError('unauthorized', reason, 401, undefined, undefined, serverError);
      if (res.status === 409) {
        const gap = z.safeParse(GapBody, json);
        throw new SyncHttpError('gap', reason, 409, undefined, gap.success ? gap.data.lastMutationId : undefined, serverError);
      }
      if (res.status === 429) throw new SyncHttpError('rate_limited', reason, 429, retryAfter, undefined, serverError);
      if (res.status >= 500) throw new SyncHttpError('server', reason, res.status, retryAfter, undefined, serverError);
      throw new SyncHttpError('refused', reason, res.status, retryAfter, undefined, serverError);
    } finally {
      clearTimeout(timer);
    }
  }
}
