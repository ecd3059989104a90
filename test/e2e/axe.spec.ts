import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CONFIRM, dialog, openDemo } from './support';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
  }));
}

async function setTheme(page: Page, theme: 'dark' | 'light') {
  if (theme === 'light') await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-amk-theme', theme);
}

/** Opens the dialog of a position and shows everything: typed amount, preview, Remove, the explanation. */
async function scanDialog(page: Page, edit: RegExp) {
  await page.getByRole('button', { name: edit }).click();
  const d = dialog(page);
  await expect(d.getByText(/^Max addable:/)).toBeVisible();
  await d.getByRole('textbox', { name: 'Amount' }).fill('1'); // Confirm enabled, the preview shown
  await expect(d.getByRole('button', { name: CONFIRM })).not.toHaveAttribute('aria-disabled', 'true');
  expect(await violations(page), 'Add').toEqual([]);
  await d.getByRole('radio', { name: 'Remove' }).check();
  await d.getByRole('button', { name: 'Why?' }).click();
  expect(await violations(page), 'Remove').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
}

const LONG = /^Edit margin for BTCUSDT Long$/;
const SHORT = /^Edit margin for ETHUSDT Short$/;

for (const theme of ['dark', 'light'] as const) {
  test(`axe (${theme}): the page and the open dialog (Add and Remove) have no violations`, async ({ page }) => {
    await openDemo(page);
    await setTheme(page, theme);
    expect(await violations(page), 'page').toEqual([]);
    await scanDialog(page, LONG);
    await scanDialog(page, SHORT);
  });
}
