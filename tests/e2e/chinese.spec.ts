import { expect, test } from '@playwright/test';
import { openExtensionPage, withExtension } from './browser';
import { DockDriver } from './dock';

const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view';
const ext = withExtension({ 'https://acme.lightning.force.com/*': 'pages/salesforce-account-2026-11.html' }, { lang: 'zh-CN' });

/** The CRM record with the dock opened (a customer not yet in Holdfast). */
async function openDock(): Promise<DockDriver> {
  const page = await ext.context.newPage();
  await page.goto(RECORD);
  const dock = await DockDriver.attach(page);
  await dock.waitForText((t) => t.includes('打开 Holdfast'));
  await dock.click('.tab');
  return dock;
}

test('with a Chinese browser every surface reads in Chinese', async () => {
  const dock = await openDock();
  await dock.waitForText((t) => t.includes('尚未记录的客户'));

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Holdfast 设置');
  expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
});

/**
 * The wording a native reader checks (issue 15, point 7): existing business is 老客户复购 (not
 * 老产品), companies are counted with 家, the default name shows as 我 (stored as 'Me'), 你
 * rather than 您, full-width punctuation; and the popup's own messages in Chinese.
 */
test('Chinese wording: 老客户复购, 家 for companies, 负责人：我, the popup in Chinese', async () => {
  const dock = await openDock();
  await dock.waitForText((t) => t.includes('添加为客户'));
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('问题负责人'));

  // The popup in its own window, the CRM tab still the active one.
  const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  const title = popup.getByLabel('问题是什么？');
  await expect(popup.getByTestId('popup-customer')).toHaveText('Acme Corp');
  await expect(title).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('title-error')).toHaveText('请先填写问题是什么，几个字就够了。');
  await popup.keyboard.type('发票重复寄送');
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('logged-note')).toContainText('已为Acme Corp记录问题“发票重复寄送”。');
  await expect(popup.getByTestId('logged-note').getByRole('link', { name: '在侧边栏中查看' })).toBeVisible();

  const side = await ext.context.newPage();
  await side.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  const problems = side.getByTestId('my-problems');
  // Stored as 'Me' (ensureMe's default), shown in the reader's language.
  await expect(problems).toContainText('负责人：我');
  await expect(problems).not.toContainText('Me');
  await expect(problems).toContainText('历史记录');
  await side.getByRole('tab', { name: '我的客户' }).click();
  const book = side.getByTestId('my-book');
  await expect(book).toContainText('1 家客户');
  await expect(book).toContainText('老客户复购');
  await expect(book).toContainText('基准 75 / 15 / 10：老客户复购 / 交叉销售 / 新客户');
  await expect(book).not.toContainText('老产品');
  expect(await side.locator('body').innerText()).not.toMatch(/您|位客户/);
});
