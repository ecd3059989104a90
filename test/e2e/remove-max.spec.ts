import { expect, test } from '@playwright/test';
import { amountOf, cell, closeReceipt, CONFIRM, exactLimitOf, openBtcDialog, openDemo, pauseFeed } from './support';

test('remove margin with Max; Max follows the price as the feed steps', async ({ page }) => {
  await openDemo(page);
  await pauseFeed(page);
  const margin = cell(page, 'BTCUSDT', 'margin');

  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  await expect(d.getByText(/^Max removable:/)).toBeVisible();
  await d.getByRole('button', { name: 'Max' }).click();
  await expect(d.getByRole('button', { name: 'Max' })).toHaveAttribute('aria-pressed', 'true');
  await expect(d.getByText('Follows the live max as the price moves')).toBeVisible();

  const amount = d.getByRole('textbox', { name: 'Amount' });
  const first = await amount.inputValue();
  expect(first).toMatch(/^\d+(\.\d+)?$/);
  // The amount is the live max removable: its exact value (the line shows it in cents, rounded down).
  const line = d.getByText(/^Max removable:/);
  expect((await exactLimitOf(line)).toString()).toBe(amountOf(first).toString());
  expect(amountOf(await line.textContent()).toString()).toBe(amountOf(first).toDecimalPlaces(2, 1).toString());

  // The page behind the modal dialog is inert: step the playground's feed with its shortcut.
  await expect
    .poll(
      async () => {
        await page.keyboard.press('Alt+Shift+S');
        return amount.inputValue();
      },
      { timeout: 5_000 },
    )
    .not.toBe(first);
  await expect(d.getByText('Follows the live max as the price moves')).toBeVisible();
  const followed = await amount.inputValue();
  expect((await exactLimitOf(line)).toString()).toBe(amountOf(followed).toString());

  const before = amountOf(await margin.textContent());
  await d.getByRole('button', { name: CONFIRM }).click();
  await closeReceipt(page, /^Removed [\d,.]+ USDT from BTCUSDT Long/);
  // The table shows USDT margin in cents, rounded down: it falls by the amount within a cent.
  const expected = before.minus(followed);
  await expect
    .poll(async () =>
      amountOf(await margin.textContent())
        .minus(expected)
        .abs()
        .lt('0.01'),
    )
    .toBe(true);
});
