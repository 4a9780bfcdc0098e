import { expect, test } from '@playwright/test';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { serveFixtures } from './serve';
import { openOptions } from './options-nav';

const ACCOUNT = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view';
const PAGES = { 'https://acme.lightning.force.com/*': 'pages/salesforce-account-2026-11.html' };

test('Chinese chosen in Options on an English browser: options, popup, side panel and the dock read in Chinese; back to the browser’s language', async () => {
  const { context, extensionId } = await launchWithExtension({ lang: 'en-US' });
  try {
    await serveFixtures(context, PAGES);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Holdfast settings');
    // Choosing reloads the page in the new language.
    await options.getByLabel('Show Holdfast in').selectOption('zh_CN');
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Holdfast 设置');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect(options.getByLabel('Holdfast 的显示语言')).toHaveValue('zh_CN');

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect(popup.locator('#app')).toContainText('记录');
    const side = await context.newPage();
    await side.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect.poll(() => side.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    const page = await context.newPage();
    await page.goto(ACCOUNT);
    const dock = await DockDriver.attach(page);
    await dock.waitForText((t) => t.includes('打开 Holdfast'));
    await dock.click('.tab');
    // The panels (a separate bundle) read the same chosen catalogue as the tab.
    await dock.waitForText((t) => t.includes('尚未记录的客户'));

    await options.getByLabel('Holdfast 的显示语言').selectOption('');
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Holdfast settings');
    await page.reload();
    const again = await DockDriver.attach(page);
    await again.waitForText((t) => t.includes('Open Holdfast'));
  } finally {
    await context.close();
  }
});

test('dock placement per site: left edge on Salesforce moves open pages at once; hidden removes it from view but the popup still knows the page', async () => {
  const { context, extensionId } = await launchWithExtension();
  try {
    await serveFixtures(context, PAGES);
    const page = await context.newPage();
    await page.goto(ACCOUNT);
    const dock = await DockDriver.attach(page);
    await dock.waitForText((t) => t.includes('Open Holdfast'));
    const box = () => page.evaluate(() => {
      const host = document.querySelector('holdfast-dock') as HTMLElement;
      const r = host.getBoundingClientRect();
      return { left: Math.round(r.left), right: Math.round(window.innerWidth - r.right), shown: r.width > 0 };
    });
    expect((await box()).right).toBe(0);

    const options = await context.newPage();
    await openOptions(options, extensionId, 'sites');
    const select = options.getByLabel('Dock on Salesforce');
    await expect(select).toHaveValue('right');
    await select.selectOption('left');
    await expect.poll(async () => (await box()).left).toBe(0);
    expect((await box()).right).toBeGreaterThan(0);

    // Survives a reload, and other sites keep their own placement (Gmail is still on the right).
    await page.reload();
    await DockDriver.attach(page).then((d) => d.waitForText((t) => t.includes('Open Holdfast')));
    expect((await box()).left).toBe(0);
    await expect(options.getByLabel('Dock on Gmail')).toHaveValue('right');

    await select.selectOption('hidden');
    await expect.poll(async () => (await box()).shown).toBe(false);
    // The quick-log still finds the page's customer through the hidden dock's content script.
    await page.bringToFront();
    type Tabs = { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object): Promise<unknown> } } };
    const subject = await options.evaluate(async () => {
      const { tabs } = (globalThis as unknown as Tabs).chrome;
      const [tab] = await tabs.query({ url: 'https://acme.lightning.force.com/*' });
      return tabs.sendMessage(tab!.id!, { hf: 'getPageSubject', data: null });
    });
    expect(JSON.stringify(subject)).toContain('001Dn00000AcmeCoAA');
  } finally {
    await context.close();
  }
});

test('on a dark host page (a light browser) the dock turns dark too; on a light page it stays light', async () => {
  const { context } = await launchWithExtension({ lang: 'en-US' });
  try {
    await serveFixtures(context, PAGES);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    const dock = await DockDriver.open(page, ACCOUNT);
    const panelBg = () => dock.eval<string>('function () { return getComputedStyle(this.querySelector(".panels")).backgroundColor; }');
    expect(await panelBg()).toBe('rgb(255, 255, 255)');
    await dock.click('.tab'); // close
    // The page switches to its dark theme (as Gmail's does, without a reload).
    await page.evaluate(() => document.body.style.setProperty('background-color', '#121212'));
    await dock.click('.tab'); // open again
    await expect.poll(panelBg).toBe('rgb(28, 33, 48)');
  } finally {
    await context.close();
  }
});
