/**
 * The HTTP surface: health, the OpenAPI document, CORS for the extension's origins only,
 * authentication, and a 4xx with a reason for every malformed request, the size limit and
 * the per-token rate limit.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, MeResponse, PushResponse } from '../../lib/sync/protocol';
import { put, raw, TestClient } from './client';
import { DB_KINDS, startServer, type TestServer } from './harness';
import { customer } from './records';

const json = (token: string | undefined, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe.each(DB_KINDS)('HTTP surface on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    // A slow refill, so that the rate-limit test does not depend on how fast the machine is.
    server = await startServer({ db, env: { HOLDFAST_RATE_BURST: '100', HOLDFAST_RATE_PER_SECOND: '1' } });
  });
  afterAll(() => server?.stop());

  it('answers /health without a token, naming the database', async () => {
    const r = await raw(server, '/health');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, db });
  });

  it('serves an OpenAPI document with push, pull and me, generated from the protocol schemas', async () => {
    const r = await raw(server, '/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.json as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/push', '/v1/pull', '/v1/me', '/health']));
    expect(doc.paths['/v1/push']).toHaveProperty('post');
    expect(doc.paths['/v1/pull']).toHaveProperty('get');
    // From zod, not hand-written: the push request's mutations carry the protocol's limit.
    expect(JSON.stringify(doc.components.schemas.PushRequest)).toContain('"maxItems":500');
    expect(doc.components.schemas.PullResponse?.properties).toHaveProperty('cursor');
  });

  it('tells the token\'s rep and team from /v1/me', async () => {
    const r = await raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.lena}` } });
    expect(r.status).toBe(200);
    expect(MeResponse.parse(r.json)).toEqual({ teamId: server.teams.acme!.id, teamName: 'Acme Sales', repId: server.reps.lena!.id, repName: 'Lena Li', role: 'lead' });
  });

  describe('authentication', () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      ['no Authorization header', {}, 'missing_token'],
      ['a scheme other than Bearer', { Authorization: 'Basic YWxpY2U6c2VjcmV0' }, 'bad_token'],
      ['Bearer with nothing after it', { Authorization: 'Bearer ' }, 'bad_token'],
      ['a string that is not a Holdfast token', { Authorization: 'Bearer letmein' }, 'bad_token'],
      ['a well-formed token the server never issued', { Authorization: `Bearer hf_${'A'.repeat(43)}` }, 'unknown_token'],
    ];
    it.each(cases)('refuses %s with 401 and a reason, on every /v1 route', async (_what, headers, error) => {
      for (const [path, init] of [
        ['/v1/me', {}],
        ['/v1/pull?clientId=' + randomUUID(), {}],
        ['/v1/push', json(undefined, { clientId: randomUUID(), mutations: [] })],
      ] as const) {
        const r = await raw(server, path, { ...init, headers: { ...((init as RequestInit).headers as Record<string, string>), ...headers } });
        expect(r.status, path).toBe(401);
        expect(ErrorBody.parse(r.json).error, path).toBe(error);
        expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    });

    it('refuses a pushed mutation from an unauthenticated request without applying it', async () => {
      const c = customer({ name: 'Sneaky Inc' });
      const r = await raw(server, '/v1/push', json(undefined, { clientId: randomUUID(), mutations: [{ id: 1, op: 'put', table: 'customers', record: c }] }));
      expect(r.status).toBe(401);
      const { state } = await new TestClient(server, server.tokens.alice!).pullAll();
      expect(state.has(`customers:${c.id}`)).toBe(false);
    });
  });

  describe('malformed requests get a 4xx and a reason naming the fault', () => {
    const clientId = randomUUID();
    const good = () => ({ id: 1, op: 'put', table: 'customers', record: customer() });
    const cases: Array<[string, () => RequestInit, number, string, RegExp]> = [
      ['a body that is not JSON', () => json('T', '{"clientId": '), 400, 'bad_json', /not valid JSON/],
      ['JSON that is not an object', () => json('T', '[1,2]'), 400, 'bad_request', /\(the body\)/],
      ['no clientId', () => json('T', { mutations: [good()] }), 400, 'bad_request', /^clientId: /],
      ['a clientId that is not a UUID', () => json('T', { clientId: 'me', mutations: [good()] }), 400, 'bad_request', /^clientId: .*UUID/],
      ['no mutations at all', () => json('T', { clientId, mutations: [] }), 400, 'bad_request', /^mutations: .*>=1/],
      ['more than 500 mutations', () => json('T', { clientId, mutations: Array.from({ length: 501 }, (_, i) => ({ ...good(), id: i + 1 })) }), 400, 'bad_request', /^mutations: .*<=500/],
      ['an unknown op', () => json('T', { clientId, mutations: [{ ...good(), op: 'zap' }] }), 400, 'bad_request', /^mutations\[0\]\.op: expected one of put, delete/],
      ['an unknown table', () => json('T', { clientId, mutations: [{ ...good(), table: 'secrets' }] }), 400, 'bad_request', /^mutations\[0\]\.table: expected one of customers/],
      ['a mutation id of 0', () => json('T', { clientId, mutations: [{ ...good(), id: 0 }] }), 400, 'bad_request', /^mutations\[0\]\.id: /],
      ['a fractional mutation id', () => json('T', { clientId, mutations: [{ ...good(), id: 1.5 }] }), 400, 'bad_request', /^mutations\[0\]\.id: /],
      ['a push that is not JSON by its Content-Type', () => ({ ...json('T', { clientId, mutations: [good()] }), headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type', /application\/json/],
    ];
    it.each(cases)('%s', async (_what, init, status, error, reason) => {
      const req = init();
      const headers = { ...(req.headers as Record<string, string>), Authorization: `Bearer ${server.tokens.alice}` };
      const r = await raw(server, '/v1/push', { ...req, headers });
      expect(r.status).toBe(status);
      const body = ErrorBody.parse(r.json);
      expect(body.error).toBe(error);
      expect(body.reason).toMatch(reason);
    });

    // A mutation that breaks its schema is refused alone, with the same words, and the rest of
    // the push is applied (issue 14: no single mutation may fail a push).
    const alone: Array<[string, (clientId: string) => RequestInit, number, RegExp]> = [
      [
        'a record whose updatedAt is not a date-time, in the fourth mutation',
        (clientId) => json('T', { clientId, mutations: [1, 2, 3, 4].map((id) => ({ ...good(), id, ...(id === 4 ? { record: { ...customer(), updatedAt: 'yesterday' } } : {}) })) }),
        3,
        /^mutations\[3\]\.record\.updatedAt: Invalid ISO datetime/,
      ],
      ['a record missing a required field', (clientId) => json('T', { clientId, mutations: [{ ...good(), record: { ...customer(), name: undefined } }] }), 0, /^mutations\[0\]\.record\.name: /],
      ['a record of the wrong table', (clientId) => json('T', { clientId, mutations: [{ ...good(), table: 'notes' }] }), 0, /^mutations\[0\]\.record\.(customerId|text|authorRepId|visibility): /],
      ['a delete without a recordId', (clientId) => json('T', { clientId, mutations: [{ id: 1, op: 'delete', table: 'customers', at: new Date().toISOString() }] }), 0, /^mutations\[0\]\.recordId: /],
    ];
    it.each(alone)('%s: refused alone, the rest applied', async (_what, init, index, reason) => {
      const req = init(randomUUID());
      const headers = { ...(req.headers as Record<string, string>), Authorization: `Bearer ${server.tokens.alice}` };
      const r = await raw(server, '/v1/push', { ...req, headers });
      expect(r.status).toBe(200);
      const body = PushResponse.parse(r.json);
      expect(body.results[index]).toMatchObject({ ok: false, code: 'invalid', reason: expect.stringMatching(reason) });
      expect(body.results.filter((x) => x.ok)).toHaveLength(body.results.length - 1);
    });

    const pulls: Array<[string, string, RegExp]> = [
      ['no clientId', '/v1/pull?cursor=0', /^query clientId: /],
      ['a cursor that is not a number', `/v1/pull?clientId=${clientId}&cursor=abc`, /^query cursor: /],
      ['a negative cursor', `/v1/pull?clientId=${clientId}&cursor=-1`, /^query cursor: /],
      ['a limit of 0', `/v1/pull?clientId=${clientId}&limit=0`, /^query limit: /],
      ['a limit over 1000', `/v1/pull?clientId=${clientId}&limit=1001`, /^query limit: /],
      ['a cursor beyond a bigint', `/v1/pull?clientId=${clientId}&cursor=99999999999999999999`, /^query cursor: /],
    ];
    it.each(pulls)('pull with %s', async (_what, path, reason) => {
      const r = await raw(server, path, { headers: { Authorization: `Bearer ${server.tokens.alice}` } });
      expect(r.status).toBe(400);
      expect(ErrorBody.parse(r.json).reason).toMatch(reason);
    });

    it('a cursor this server never issued is a 409 telling the client to start over', async () => {
      const r = await raw(server, `/v1/pull?clientId=${clientId}&cursor=999999999`, { headers: { Authorization: `Bearer ${server.tokens.alice}` } });
      expect(r.status).toBe(409);
      expect(ErrorBody.parse(r.json)).toMatchObject({ error: 'cursor_unknown', reason: expect.stringMatching(/cursor 0/) });
    });

    it('an unknown path or method is a 404/405 with an ErrorBody', async () => {
      const a = await raw(server, '/v1/nothing', { headers: { Authorization: `Bearer ${server.tokens.alice}` } });
      expect(a.status).toBe(404);
      expect(ErrorBody.parse(a.json).error).toBe('not_found');
      const b = await raw(server, '/v1/push', { headers: { Authorization: `Bearer ${server.tokens.alice}` } });
      expect(b.status).toBe(405);
      expect(ErrorBody.parse(b.json).reason).toMatch(/POST/);
    });
  });

  it('refuses a body over the size limit with 413, and applies nothing of it', async () => {
    const client = new TestClient(server, server.tokens.alice!);
    // About 6 MB: 400 customers with 60 long domains each.
    const big = Array.from({ length: 400 }, () => customer({ domains: Array.from({ length: 60 }, (_, i) => `d${i}-${'x'.repeat(240)}.test`) }));
    const mutations = client.number(...big.map((c) => put('customers', c)));
    const r = await raw(server, '/v1/push', json(server.tokens.alice, { clientId: client.clientId, mutations }));
    expect(JSON.stringify({ mutations }).length).toBeGreaterThan(5 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(ErrorBody.parse(r.json)).toMatchObject({ error: 'too_large', reason: expect.stringMatching(/5 MB/) });
    const pulled = await client.pull();
    expect(pulled.status).toBe(200);
    expect((pulled.body as { lastMutationId: number }).lastMutationId).toBe(0);
  });

  it('limits requests per token with 429 and Retry-After, without slowing other tokens', async () => {
    // A burst of 100 a token, one more a second: 200 at once must hit the limit.
    const results = await Promise.all(
      Array.from({ length: 200 }, () => raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.bob}` } })),
    );
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(90);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(ErrorBody.parse(limited[0]!.json).error).toBe('rate_limited');
    // Alice's own bucket is untouched.
    expect((await raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.alice}` } })).status).toBe(200);
  });

  describe('CORS', () => {
    it.each(['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b3f2c1e-8d8a-4d5e-9a3b-2f1f7f6e5d4c'])(
      'answers the preflight from %s for Authorization and Content-Type',
      async (origin) => {
        const r = await raw(server, '/v1/push', {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
        });
        expect(r.status).toBeLessThan(300);
        expect(r.headers.get('access-control-allow-origin')).toBe(origin);
        expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
        expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
        expect(r.headers.get('access-control-allow-methods')).toContain('POST');
        // And the real request (even a refused one) is readable by the extension.
        const me = await raw(server, '/v1/me', { headers: { Origin: origin, Authorization: `Bearer ${server.tokens.alice}` } });
        expect(me.headers.get('access-control-allow-origin')).toBe(origin);
        const denied = await raw(server, '/v1/me', { headers: { Origin: origin } });
        expect(denied.status).toBe(401);
        expect(denied.headers.get('access-control-allow-origin')).toBe(origin);
      },
    );

    it.each(['https://evil.example', 'null', 'chrome-extension://x/../evil', 'http://127.0.0.1:3000'])('gives a web page at %s no CORS access', async (origin) => {
      const pre = await raw(server, '/v1/push', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      const me = await raw(server, '/v1/me', { headers: { Origin: origin, Authorization: `Bearer ${server.tokens.alice}` } });
      expect(me.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('logs one JSON line per request with method, path, status, time and team, and never a token', async () => {
    await raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.mike}` } });
    const line = await server.waitForLog((l) => l.msg === 'request' && l.path === '/v1/me' && l.team === server.teams.beta!.id);
    expect(line).toMatchObject({ method: 'GET', status: 200, rep: server.reps.mike!.id });
    expect(typeof line.ms).toBe('number');
    const all = JSON.stringify(server.logs());
    for (const token of Object.values(server.tokens)) expect(all).not.toContain(token.slice(3));
  });

  // Last: it restarts a PGlite server around the CLI.
  it('a revoked token is refused at once, other reps keep working, and revoking names the rep', async () => {
    const before = await raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.lena}` } });
    // Lena, whom the rate-limit test above leaves alone: a limited token is answered 429 before its revocation is looked up.
    expect(before.status).toBe(200);
    const res = await server.admin(['revoke', server.tokens.lena!.slice(0, 11)]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(server.reps.lena!.id);
    const after = await raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.lena}` } });
    expect(after.status).toBe(401);
    expect(ErrorBody.parse(after.json).error).toBe('revoked_token');
    const push = await new TestClient(server, server.tokens.lena!).push([{ id: 1, op: 'put', table: 'customers', record: customer() }]);
    expect(push.status).toBe(401);
    expect((await raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.alice}` } })).status).toBe(200);
    // Revoking again finds nothing live to revoke.
    const again = await server.admin(['revoke', server.reps.lena!.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Nothing to revoke/);
  });
});
