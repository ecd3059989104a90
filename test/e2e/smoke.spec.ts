import { expect, test } from '@playwright/test';
import { BTC_LONG_EDIT, cell, collectErrors, openDemo, STRICT_CSP } from './support';

test('smoke: the table renders, mark prices move, no console errors, strict CSP holds', async ({ page }) => {
  const errors = collectErrors(page);
  await page.route('/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
  });
  await openDemo(page);

  await expect(page).toHaveTitle(/Adjust Margin/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adjust Margin kit');
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Positions' })).toBeVisible();
  // 8 positions, edit buttons on the 5 isolated ones only.
  await expect(page.getByRole('table', { name: 'Positions' }).getByRole('rowheader')).toHaveCount(8);
  await expect(page.getByRole('button', { name: /^Edit margin for / })).toHaveCount(5);
  await expect(page.getByRole('button', { name: BTC_LONG_EDIT })).toBeVisible();
  await expect(page.getByText('Price feed: live, 1 Hz')).toBeVisible();

  // The walk runs at 1 Hz: the BTCUSDT mark price changes by itself.
  const mark = cell(page, 'BTCUSDT', 'mark');
  const first = await mark.textContent();
  expect(first).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
  await expect.poll(() => mark.textContent(), { timeout: 5_000 }).not.toBe(first);

  expect(errors).toEqual([]);
});
