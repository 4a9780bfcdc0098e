import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { withExtension } from './browser';
import { DockDriver } from './dock';

const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact?: string | null; nodes: Array<{ target: unknown }> };
const serious = (vs: Violation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`);

const ext = withExtension({ 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' });

async function extensionPage(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return page;
}

for (const path of ['popup.html', 'sidepanel.html', 'options.html']) {
  test(`axe finds no serious or critical violation on ${path}`, async () => {
    const page = await extensionPage(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(serious(results.violations as Violation[])).toEqual([]);
  });
}

test('axe finds no serious or critical violation in the dock, collapsed and open', async () => {
  const page = await ext.context.newPage();
  const dock = await DockDriver.open(page, RECORD);
  await dock.waitForText((t) => t.includes('Add “Acme Corp” as a customer'));
  // The dock is a closed shadow root, which axe cannot enter. Each check clones its current
  // content (styles included) into an open shadow root on a host styled like the dock's, and
  // runs axe there.
  await page.evaluate(AXE_SOURCE);
  const check = async () =>
    dock.eval<Violation[]>(`async function () {
      const host = document.createElement('div');
      host.setAttribute('style', this.host.getAttribute('style'));
      document.documentElement.append(host);
      const open = host.attachShadow({ mode: 'open' });
      for (const n of this.childNodes) open.append(n.cloneNode(true));
      try {
        const r = await globalThis.axe.run(host, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.html.slice(0, 120) })) }));
      } finally {
        host.remove();
      }
    }`);
  expect(serious(await check())).toEqual([]);
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('Customer tenure'));
  expect(serious(await check())).toEqual([]);
});
