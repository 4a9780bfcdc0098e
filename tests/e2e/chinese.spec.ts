import { expect, test } from '@playwright/test';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { serveFixtures } from './serve';

test('with a Chinese browser every surface reads in Chinese', async () => {
  const { context, extensionId } = await launchWithExtension({ lang: 'zh-CN' });
  try {
    await serveFixtures(context, { 'https://acme.lightning.force.com/*': 'pages/salesforce-account-2026-11.html' });
    const page = await context.newPage();
    await page.goto('https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view');
    const dock = await DockDriver.attach(page);
    await dock.waitForText((t) => t.includes('打开 Holdfast'));
    await dock.click('.tab');
    await dock.waitForText((t) => t.includes('尚未记录的客户'));

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Holdfast 设置');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  } finally {
    await context.close();
  }
});
