import { expect, test } from '@playwright/test';
import { amountOf, cell, openDemo } from './support';

test('the scenario lives in the URL: an edit survives a reload', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Pause feed' }).click();
  await expect(page).toHaveURL(/#scenario=[\w-]+$/);

  const position = page.getByRole('group', { name: 'Position', exact: true });
  await position.getByRole('combobox', { name: 'Position' }).selectOption({ label: 'BTCUSDT Long · isolated' });
  await position.getByRole('textbox', { name: 'Isolated wallet' }).fill('4321.5');
  await position.getByRole('button', { name: 'Apply to position' }).click();
  await page.getByRole('radio', { name: 'Light' }).check();
  const margin = amountOf(await cell(page, 'BTCUSDT', 'margin').textContent());
  await page.getByRole('combobox', { name: 'Number locale' }).selectOption('de');
  const url = page.url();
  expect(url).toMatch(/#scenario=[\w-]+$/);

  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Resume feed' })).toBeVisible(); // still paused
  await expect(page.getByRole('textbox', { name: 'Isolated wallet' })).toHaveValue('4321.5');
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-amk-theme', 'light');
  await expect(page.getByRole('combobox', { name: 'Number locale' })).toHaveValue('de');
  // The same margin, now in German number format (paused, so the mark price is the same).
  const format = new Intl.NumberFormat('de', { minimumFractionDigits: 2, maximumFractionDigits: 8 })
    .format as unknown as (v: string) => string;
  const de = format(margin.toFixed());
  await expect(cell(page, 'BTCUSDT', 'margin')).toHaveText(`${de} USDT`);
});

test('a broken scenario link falls back to the default scenario with a note', async ({ page }) => {
  await page.goto('/#scenario=not-a-scenario');
  await expect(
    page.getByRole('alert').filter({ hasText: 'The scenario in the link could not be loaded' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Edit margin for BTCUSDT/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'USDT cross wallet' })).toHaveValue('10000');
});
