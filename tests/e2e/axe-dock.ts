import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DockDriver } from './dock';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe's serious and critical findings in the dock, one readable line each (none expected).
 * The dock is a closed shadow root, which axe cannot enter: its current content, styles
 * included, is cloned into an open shadow root on a host styled like the dock's, and axe runs
 * there.
 */
export async function axeDockSerious(page: Page, dock: DockDriver): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await dock.eval<Array<{ id: string; impact: string | null; html: string }>>(`async function () {
    const host = document.createElement('div');
    host.setAttribute('style', this.host.getAttribute('style'));
    document.documentElement.append(host);
    const open = host.attachShadow({ mode: 'open' });
    for (const n of this.childNodes) open.append(n.cloneNode(true));
    try {
      const r = await globalThis.axe.run(host, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, html: v.nodes.map((n) => n.html.slice(0, 120)).join(' ') }));
    } finally {
      host.remove();
    }
  }`);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.html}`);
}

export type Violation = { id: string; impact?: string | null; nodes: Array<{ target: unknown }> };

/** The serious and critical ones of an AxeBuilder result's violations, one readable line each. */
export function serious(vs: Violation[]): string[] {
  return vs.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
