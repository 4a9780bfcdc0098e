/**
 * A minimal protocol client for the server tests: raw fetch, every answer parsed with the
 * protocol's own schemas (so a server that drifts from the contract fails the tests), and a
 * per-install mutation counter like the extension's outbox keeps.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { ErrorBody, PullResponse, PushResponse, type Change, type Mutation, type SyncedTable } from '../../lib/sync/protocol';
import type { TestServer } from './harness';

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

type Record_ = { id: string } & Record<string, unknown>;
/** A mutation without its number; the client numbers it when it is queued. */
export type Draft = { op: 'put'; table: SyncedTable; record: Record_ } | { op: 'delete'; table: SyncedTable; recordId: string; at: string };

async function call<T>(res: Response, ok: z.ZodMiniType<T>): Promise<Answer<T>> {
  const json: unknown = await res.json();
  const schema = res.ok ? ok : (ErrorBody as unknown as z.ZodMiniType<T>);
  return { status: res.status, body: schema.parse(json), headers: res.headers };
}

export class TestClient {
  /** The next mutation id this install will use. */
  next = 1;

  constructor(
    readonly server: TestServer,
    readonly token: string,
    readonly clientId: string = randomUUID(),
  ) {}

  /** Numbers drafts as the outbox does: 1, 2, 3, … per client. */
  number(...drafts: Draft[]): Mutation[] {
    return drafts.map((d) => ({ ...d, id: this.next++ }) as Mutation);
  }

  async push(mutations: readonly Mutation[], clientId = this.clientId): Promise<Answer<PushResponse | ErrorBody>> {
    const res = await fetch(`${this.server.url}/v1/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId, mutations }),
    });
    return call(res, PushResponse);
  }

  /** Pushes and insists on a 200. */
  async pushOk(mutations: readonly Mutation[]): Promise<PushResponse> {
    const a = await this.push(mutations);
    if (a.status !== 200) throw new Error(`push answered ${a.status}: ${JSON.stringify(a.body)}`);
    return a.body as PushResponse;
  }

  async pull(cursor = '0', limit?: number, clientId = this.clientId): Promise<Answer<PullResponse | ErrorBody>> {
    const q = new URLSearchParams({ clientId, cursor, ...(limit ? { limit: String(limit) } : {}) });
    const res = await fetch(`${this.server.url}/v1/pull?${q}`, { headers: { Authorization: `Bearer ${this.token}` } });
    return call(res, PullResponse);
  }

  /** Pulls every page from `cursor`; returns the latest state by table:id (null: deleted) and the pages. */
  async pullAll(cursor = '0', limit?: number): Promise<{ state: Map<string, Change['record']>; cursor: string; pages: PullResponse[] }> {
    const state = new Map<string, Change['record']>();
    const pages: PullResponse[] = [];
    for (;;) {
      const a = await this.pull(cursor, limit);
      if (a.status !== 200) throw new Error(`pull answered ${a.status}: ${JSON.stringify(a.body)}`);
      const page = a.body as PullResponse;
      pages.push(page);
      for (const c of page.changes) state.set(`${c.table}:${c.id}`, c.record);
      cursor = page.cursor;
      if (!page.more) return { state, cursor, pages };
    }
  }
}

export function put(table: SyncedTable, record: Record_): Draft {
  return { op: 'put', table, record };
}

export function del(table: SyncedTable, recordId: string, at = new Date().toISOString()): Draft {
  return { op: 'delete', table, recordId, at };
}

/** A request with full control over method, headers and body, for the malformed-request tests. */
export async function raw(server: TestServer, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
