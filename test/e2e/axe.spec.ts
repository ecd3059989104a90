import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dialog, openDemo } from './support';

async function violations(page: Page, options: { skipContrast?: boolean } = {}) {
  const builder = new AxeBuilder({ page });
  if (options.skipContrast) builder.disableRules(['color-contrast']);
  const results = await builder.analyze();
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
async function scanDialog(page: Page, edit: RegExp, options: { skipContrast?: boolean } = {}) {
  await page.getByRole('button', { name: edit }).click();
  const d = dialog(page);
  await expect(d.getByText(/^Max addable:/)).toBeVisible();
  await d.getByRole('textbox', { name: 'Amount' }).fill('1'); // Confirm enabled, the preview shown
  await expect(d.getByRole('button', { name: 'Confirm' })).toBeEnabled();
  expect(await violations(page, options), 'Add').toEqual([]);
  await d.getByRole('radio', { name: 'Remove' }).check();
  await d.getByRole('button', { name: 'Why?' }).click();
  expect(await violations(page, options), 'Remove').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
}

const LONG = /^Edit margin for BTCUSDT (Hedge )?Long$/;
const SHORT = /^Edit margin for ETHUSDT (Hedge )?Short$/;

for (const theme of ['dark', 'light'] as const) {
  test(`axe (${theme}): the page has no violations; the open dialog none but colour contrast`, async ({ page }) => {
    await openDemo(page);
    await setTheme(page, theme);
    expect(await violations(page), 'page').toEqual([]);
    await scanDialog(page, LONG, { skipContrast: true });
    await scanDialog(page, SHORT, { skipContrast: true });
  });

  test(`axe (${theme}): the open dialog has no violations at all`, async ({ page }) => {
    // KNOWN KIT BUG (src/ui/adjust-margin.css): colour contrast below 4.5:1 — light: .amk-primary
    // (#fff on #c99400, 2.72), .amk-next (#c99400 on #f5f6f8, 2.51), .amk-chip[aria-pressed=true]
    // (#c99400 on #fff, 2.72), .amk-badge.amk-side-long (#0b7d53 on #eaecef, 4.35);
    // dark: .amk-badge.amk-side-short (#f6465d on #262a33, 4.07). Expected to fail until fixed.
    test.fail(true, 'adjust-margin.css colour contrast, see the comment');
    await openDemo(page);
    await setTheme(page, theme);
    await scanDialog(page, SHORT);
    await scanDialog(page, LONG);
  });
}
