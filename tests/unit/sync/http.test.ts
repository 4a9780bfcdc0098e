import { describe, expect, it } from 'vitest';
import { SyncClient, SyncHttpError, type FetchLike } from '@/lib/sync/http';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): FetchLike => async () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const client = (fetch: FetchLike, timeoutMs?: number) => new SyncClient({ serverUrl: 'https://sync.example.com/', token: 't0k', fetch, ...(timeoutMs ? { timeoutMs } : {}) });
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof SyncHttpError) return err;
    throw err;
  }
  throw new Error('expected a failure');
};

describe('sync HTTP client', () => {
  it('sends the token as a bearer and parses the answer', async () => {
    const seen: Array<{ url: string; auth?: string }> = [];
    const me = { teamId: 't', teamName: 'Acme', repId: 'r', repName: 'Li', role: 'rep' };
    const c = client(async (url, init) => {
      seen.push({ url, auth: init.headers.authorization });
      return answer(200, me)(url, init);
    });
    expect(await c.me()).toEqual(me);
    expect(seen).toEqual([{ url: 'https://sync.example.com/v1/me', auth: 'Bearer t0k' }]);
  });

  it('says what each failure means', async () => {
    expect(await failure(client(answer(401, { error: 'unauthorized', reason: 'token revoked' })).me())).toMatchObject({ code: 'unauthorized', message: 'token revoked' });
    expect(await failure(client(answer(409, { error: 'mutation_gap', reason: 'resend from 4' })).pull('x', '0', 1))).toMatchObject({ code: 'gap', serverError: 'mutation_gap' });
    expect(await failure(client(answer(409, { error: 'mutation_gap', reason: 'r', lastMutationId: 3 })).me())).toMatchObject({ lastMutationId: 3 });
    expect(await failure(client(answer(429, { error: 'rate_limited', reason: 'slow down' }, { 'retry-after': '7' })).me())).toMatchObject({ code: 'rate_limited', retryAfterMs: 7000 });
    expect(await failure(client(answer(503, '<html>bad gateway</html>')).me())).toMatchObject({ code: 'server', message: 'HTTP 503' });
    expect(await failure(client(answer(413, { error: 'too_large', reason: 'over 5 MB' })).me())).toMatchObject({ code: 'refused', status: 413 });
    expect(await failure(client(answer(200, { teamId: 't' })).me())).toMatchObject({ code: 'bad_response' });
    expect(await failure(client(answer(200, 'not json')).me())).toMatchObject({ code: 'bad_response' });
    expect(await failure(client(() => Promise.reject(new TypeError('Failed to fetch'))).me())).toMatchObject({ code: 'offline' });
  });

  it('gives up on a server that does not answer in time', async () => {
    const hang: FetchLike = (_url, init) => new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await failure(client(hang, 50).me())).toMatchObject({ code: 'timeout' });
  });
});
