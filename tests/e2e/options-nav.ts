import { expect, type Page } from '@playwright/test';

/** The options page's sections (components/options/sections.ts). */
export type OptionsSection = 'me' | 'sites' | 'data' | 'crm' | 'sync' | 'lead';

/**
 * Open Options on one section (options.html#sites …), as a link or the navigation would,
 * and wait until that section is the one shown. Only the current section is visible.
 */
export async function openOptions(page: Page, extensionId: string, section: OptionsSection = 'me'): Promise<Page> {
  await page.goto(`chrome-extension://${extensionId}/options.html#${section}`);
  await expect(page.locator(`section.panel[data-section="${section}"]`)).toBeVisible();
  return page;
}

/** Move to another section with the navigation, as a user clicks it. */
export async function goToSection(page: Page, section: OptionsSection): Promise<void> {
  await page.locator(`nav a[data-section="${section}"]`).click();
  await expect(page.locator(`section.panel[data-section="${section}"]`)).toBeVisible();
}
