import { expect, test } from '@playwright/test';
import { BTC_LONG_EDIT, amountOf, announcement, cell, dialog, openBtcDialog, openDemo, pauseFeed } from './support';

test('add margin from the table: dialog closes, focus returns, margin updates, announced', async ({ page }) => {
  await openDemo(page);
  await pauseFeed(page); // the margin includes unrealized PnL: hold the price still to compare
  const margin = cell(page, 'BTCUSDT', 'margin');
  const before = amountOf(await margin.textContent());

  const d = await openBtcDialog(page);
  await expect(d.getByRole('radio', { name: 'Add' })).toBeChecked();
  await expect(d.getByRole('textbox', { name: 'Amount' })).toBeFocused();
  await d.getByRole('textbox', { name: 'Amount' }).fill('125.5');
  await expect(d.getByText(/^Max addable:/)).toBeVisible();
  await d.getByRole('button', { name: 'Confirm' }).click();

  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('button', { name: BTC_LONG_EDIT })).toBeFocused();
  await expect(announcement(page, /^Added 125\.5 USDT to BTCUSDT\.$/)).toBeVisible();
  await expect.poll(async () => amountOf(await margin.textContent()).toString()).toBe(before.plus('125.5').toString());
});
