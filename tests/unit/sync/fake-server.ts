/**
 * An in-memory team server speaking lib/sync/protocol.ts, for the engine's unit tests: push
 * applies in order and exactly once per client (409 on a gap), pull pages by cursor, and a
 * test can refuse mutations, fail requests or lose answers. The real server is exercised by
 * tests/server/sync-faults.test.ts.
 */
import * as z from 'zod/mini';
import type { FetchLike } from '@/lib/sync/http';
import { PushRequest, type Change, type MutationResult, type RefusalCode, type SyncedTable } from '@/lib/sync/protocol';

type Rec = Record<string, unknown> & { id: string };
type Refuse = (m: z.infer<typeof PushRequest>['mutations'][number], current: Rec | null) => { code: RefusalCode; reason: string } | null;

/** What to do to the next request: answer with a status, or apply it and lose the answer. */
export type Fault = { status: number; body?: unknown; headers?: Record<string, string> } | { loseAnswer: true } | { networkError: true };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export class FakeServer {
  readonly records = new Map<string, { table: SyncedTable; id: string; record: Rec | null; seq: number }>();
  readonly last = new Map<string, number>();
  /** Every mutation applied, as client:id, to check exactly-once. */
  readonly applied: string[] = [];
  readonly requests: string[] = [];
  faults: Fault[] = [];
  refuse: Refuse = () => null;
  token = 'secret';
  me = { teamId: 'team-1', teamName: 'Acme Sales', repId: 'rep-server-1', repName: 'Li Wei', role: 'rep' as const };
  private seq = 0;

  /** A record written by someone else on the team. */
  put(table: SyncedTable, record: Rec | null, id = record?.id ?? ''): void {
    this.records.set(`${table}/${id}`, { table, id, record, seq: ++this.seq });
  }

  get(table: SyncedTable, id: string): Rec | null | undefined {
    return this.records.get(`${table}/${id}`)?.record;
  }

  fetch: FetchLike = async (url, init) => {
    const u = new URL(url);
    this.requests.push(`${init.method} ${u.pathname}`);
    const fault = this.faults.shift();
    if (fault && 'networkError' in fault) throw new TypeError('Failed to fetch');
    if (fault && 'status' in fault) return json(fault.status, fault.body ?? { error: 'fault', reason: `injected ${fault.status}` }, fault.headers);
    if (init.headers.authorization !== `Bearer ${this.token}`) return json(401, { error: 'unauthorized', reason: 'token not recognised' });
    const res = this.answer(u, init);
    if (fault && 'loseAnswer' in fault) throw new TypeError('Failed to fetch');
    return res;
  };

  private answer(u: URL, init: { method: string; body?: string }): Response {
    if (u.pathname === '/v1/me') return json(200, this.me);
    if (u.pathname === '/v1/pull') {
      const clientId = u.searchParams.get('clientId') ?? '';
      const cursor = Number(u.searchParams.get('cursor') ?? '0');
      const limit = Number(u.searchParams.get('limit') ?? '1000');
      const after = [...this.records.values()].filter((r) => r.seq > cursor).sort((a, b) => a.seq - b.seq);
      const page = after.slice(0, limit);
      const changes: Change[] = page.map((r) => ({ table: r.table, id: r.id, record: r.record }));
      return json(200, { changes, cursor: String(page.at(-1)?.seq ?? cursor), more: after.length > limit, lastMutationId: this.last.get(clientId) ?? 0 });
    }
    if (u.pathname === '/v1/push') {
      const parsed = z.safeParse(PushRequest, JSON.parse(init.body ?? 'null'));
      if (!parsed.success) return json(400, { error: 'invalid', reason: parsed.error.message });
      const { clientId, mutations } = parsed.data;
      let last = this.last.get(clientId) ?? 0;
      if (mutations[0]!.id > last + 1) return json(409, { error: 'gap', reason: `expected mutation ${last + 1}`, lastMutationId: last });
      const results: MutationResult[] = [];
      for (const m of mutations) {
        if (m.id <= last) continue;
        if (m.id !== last + 1) return json(409, { error: 'gap', reason: `expected mutation ${last + 1}` });
        last = m.id;
        const id = m.op === 'put' ? m.record.id : m.recordId;
        const current = this.get(m.table, id) ?? null;
        const refusal = this.refuse(m, current);
        if (refusal) {
          results.push({ id: m.id, ok: false, ...refusal, table: m.table, recordId: id, current });
        } else {
          this.put(m.table, m.op === 'put' ? (m.record as Rec) : null, id);
          results.push({ id: m.id, ok: true });
        }
        this.applied.push(`${clientId}:${m.id}`);
      }
      this.last.set(clientId, last);
      return json(200, { lastMutationId: last, results });
    }
    return json(404, { error: 'not_found', reason: u.pathname });
  }
}
