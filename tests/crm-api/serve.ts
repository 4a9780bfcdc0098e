/**
 * Plumbing for the CRM API stand-ins (issue 16). Each stand-in (salesforce.ts, hubspot.ts,
 * pipedrive.ts, dynamics.ts here) is a `StandIn`: a handler from a web Request to a web
 * Response, holding its data in memory, built from the vendor's published API reference
 * (sources noted at the top of each file). The same handler serves:
 *   - unit tests and benches in Node, as the client's injected fetch (`standInFetch`), and
 *   - end-to-end tests in Chromium, at the API's real address (`routeStandIns`), where the
 *     extension's service worker fetches it exactly as it would the real API.
 */
import type { BrowserContext, Route } from '@playwright/test';
import type { CrmFetch } from '@/lib/crm/types';

export interface StandIn {
  /** The hosts it answers for ("acme.my.salesforce.com", "api.hubapi.com"). */
  hosts: string[];
  handle(req: Request): Promise<Response> | Response;
  /** Every request it has seen (method, url, headers), for tests that check what was sent. */
  seen: Array<{ method: string; url: string; headers: Record<string, string> }>;
}

/** A JSON answer as the vendors send it. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;charset=UTF-8', ...headers } });
}

export function record(stand: StandIn, req: Request): void {
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => (headers[k] = v));
  stand.seen.push({ method: req.method, url: req.url, headers });
}

/** A CrmFetch that answers from the stand-ins by host; any other host fails like a network error. */
export function standInFetch(...stands: StandIn[]): CrmFetch {
  return async (url, init) => {
    const host = new URL(url).hostname;
    const stand = stands.find((s) => s.hosts.includes(host));
    if (!stand) throw new TypeError(`Failed to fetch ${host}`);
    const req = new Request(url, { method: init.method ?? 'GET', headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    return stand.handle(req);
  };
}

/**
 * Serve the stand-ins at their real addresses in a browser context: the service worker's
 * fetches to those hosts are answered by the handler (Playwright routes service-worker
 * requests in Chromium). Cookies the browser sends are passed on in the Cookie header, so a
 * stand-in can check a session the way the real service does.
 */
export async function routeStandIns(context: BrowserContext, ...stands: StandIn[]): Promise<void> {
  for (const stand of stands) {
    for (const host of stand.hosts) {
      await context.route(`https://${host}/**`, async (route: Route) => {
        const r = route.request();
        const body = r.postDataBuffer();
        const req = new Request(r.url(), { method: r.method(), headers: await r.allHeaders(), ...(body && r.method() !== 'GET' ? { body: new Uint8Array(body) } : {}) });
        const res = await stand.handle(req);
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => (headers[k] = v));
        await route.fulfill({ status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) });
      });
    }
  }
}
