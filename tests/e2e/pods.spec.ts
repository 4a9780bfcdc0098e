import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension } from './browser';
import { goToSection } from './options-nav';

/**
 * Answers that make a clear driver: every goal statement agreed (reverse-keyed ones
 * disagreed), every relationship statement the other way, the rest in the middle.
 */
const REVERSE = new Set(['g3', 'g5', 'r2', 'r4', 's3', 's5', 'd3', 'd5']);
function answerFor(id: string): number {
  if (id.startsWith('g')) return REVERSE.has(id) ? 1 : 5;
  if (id.startsWith('r')) return REVERSE.has(id) ? 5 : 1;
  return 3;
}
const IDS = ['g1', 's1', 'd1', 'r1', 'g2', 's2', 'd2', 'r2', 'g3', 's3', 'd3', 'r3', 'g4', 's4', 'd4', 'r4', 'g5', 's5', 'd5', 'r5'];

async function addColleague(page: Page, name: string, email: string, scores: [number, number, number, number]) {
  await page.getByLabel("Colleague's name", { exact: true }).fill(name);
  await page.getByLabel("Colleague's email (optional)", { exact: true }).fill(email);
  const labels = ['Goal orientation (0–100)', 'Skepticism (0–100)', 'Detail attention (0–100)', 'Relationship (0–100)'];
  for (const [i, label] of labels.entries()) await page.getByLabel(label).fill(String(scores[i]));
  await page.getByRole('button', { name: 'Add colleague', exact: true }).click();
  await expect(page.getByText(`Added ${name}.`)).toBeVisible();
}

test('a rep takes the assessment, a lead forms pods, and the side panel finds the partner', async () => {
  const { context, extensionId } = await launchWithExtension();
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('pods-no-profile')).toBeVisible();

    // Submitting nothing names what is missing and puts focus on the first statement.
    await options.getByRole('button', { name: 'Score and save my profile' }).click();
    await expect(options.getByText('20 statements have no answer yet')).toBeVisible();
    await expect(options.locator('#pods-q-g1-1')).toBeFocused();

    // The first statement by keyboard (arrow keys move within a radio group) ...
    await options.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await options.keyboard.press('ArrowRight');
    await expect(options.locator('#pods-q-g1-5')).toBeChecked();
    // ... the rest by clicking the labels.
    for (const id of IDS.slice(1)) await options.locator(`label[for="pods-q-${id}-${answerFor(id)}"]`).click();
    await options.getByRole('button', { name: 'Score and save my profile' }).click();

    const profile = options.getByTestId('pods-profile');
    await expect(profile).toContainText('Style: Driver');
    await expect(profile).toContainText('You push hard toward the close.');
    await expect(profile.getByRole('img')).toHaveAttribute('aria-label', /Goal orientation 100, Skepticism 50, Detail attention 50, Relationship 0/);

    // The team's traits and pods are the team lead's, in their own section.
    await goToSection(options, 'lead');
    // Bad input in the add form is reported per field, in words.
    await options.getByRole('button', { name: 'Add colleague', exact: true }).click();
    const nameInput = options.getByLabel("Colleague's name", { exact: true });
    await expect(nameInput).toHaveAccessibleDescription('a name is required');
    await expect(nameInput).toBeFocused();
    await expect(options.getByLabel('Goal orientation (0–100)')).toHaveAccessibleDescription('Goal orientation score is missing');

    await addColleague(options, 'Chen', 'chen@acme.com', [20, 90, 85, 40]);
    await addColleague(options, 'Li', 'li@acme.com', [85, 30, 20, 30]);
    // The third colleague by CSV import; a bad row is reported and the good one kept.
    await options.getByLabel('Paste trait scores (CSV)', { exact: true }).fill(
      'name,email,goal,skepticism,detail,relationship\nWang,wang@acme.com,40,40,70,95\nBad,bad@acme.com,50,x,50,50\n',
    );
    await options.getByRole('button', { name: 'Import trait scores', exact: true }).click();
    await expect(options.getByText('Imported: 1 new, 0 updated, 1 rows skipped.')).toBeVisible();
    await expect(options.getByTestId('pods-csv-errors')).toContainText('Line 3: Skepticism score “x” is not a whole number from 0 to 100');
    await expect(options.getByTestId('pods-team').locator('tbody tr')).toHaveCount(4);

    // Keep me with Chen so the pair is known, then form pods of two and save.
    await options.getByLabel('Colleague', { exact: true }).selectOption({ label: 'Me' });
    await options.getByLabel('and colleague').selectOption({ label: 'Chen' });
    await options.getByRole('button', { name: 'Add rule' }).click();
    await expect(options.getByText('Keep Me and Chen together')).toBeVisible();
    await options.getByLabel('Pod size').selectOption('2');
    await options.getByRole('button', { name: 'Form pods' }).click();
    const pods = options.getByTestId('pods-draft-pod');
    await expect(pods).toHaveCount(2);
    const mine = pods.filter({ hasText: 'Me (you)' });
    await expect(mine).toContainText('Chen');
    await expect(mine).toContainText('Me pushes to close, Chen checks before committing: together they keep the pace.');
    await options.getByRole('button', { name: 'Save pods' }).click();
    await expect(options.getByText('Saved 2 pods.')).toBeVisible();

    const side = await context.newPage();
    await side.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const myPod = side.getByTestId('pods-my-pod');
    await expect(myPod).toContainText('Your pod: Pod');
    await expect(side.getByTestId('pods-partner')).toContainText('Chen');
    await expect(side.getByTestId('pods-partner')).toContainText('Chen questions every claim');

    const answer = side.getByTestId('pods-bring');
    await side.getByLabel('Who should I bring for…').selectOption({ label: 'vetting a claim' });
    await expect(answer).toHaveText('Bring Chen, your pod partner, who questions every claim (Skepticism 90).');
    await side.getByLabel('Who should I bring for…').selectOption({ label: 'maintaining this account' });
    await expect(answer).toContainText('Bring Wang (not in your pod)');

    await side.getByLabel('Find a colleague').fill('li@');
    await side.getByRole('button', { name: /Li/ }).click();
    await expect(side.getByTestId('pods-search-card')).toContainText('Li');
  } finally {
    await context.close();
  }
});

test('with a Chinese browser the assessment and the pod lookup read in Chinese', async () => {
  const { context, extensionId } = await launchWithExtension({ lang: 'zh-CN' });
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: '我的自评' })).toBeVisible();
    await expect(options.getByRole('group', { name: '1. 我每个月给自己定一个数字，并每周对照检查。' })).toBeVisible();
    await options.getByRole('button', { name: '计算并保存我的画像' }).click();
    await expect(options.getByText('还有 20 条陈述未作答')).toBeVisible();

    const side = await context.newPage();
    await side.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect(side.getByRole('heading', { name: '小组搭档' })).toBeVisible();
    await expect(side.getByLabel('这件事该找谁…')).toBeVisible();
    await expect(side.getByTestId('pods-bring')).toHaveText('还没有同事录入特质分数。');
  } finally {
    await context.close();
  }
});
