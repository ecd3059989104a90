import { expect, test } from '@playwright/test';
import { amountOf, BTC_LONG_EDIT, cell, closeReceipt, CONFIRM, openBtcDialog, openDemo, pauseFeed } from './support';

test('add margin from the table: the receipt names the side, Done closes, focus returns, margin updates', async ({
  page,
}) => {
  await openDemo(page);
  await pauseFeed(page); // the margin includes unrealized PnL: hold the price still to compare
  const margin = cell(page, 'BTCUSDT', 'margin');
  const before = amountOf(await margin.textContent());

  const d = await openBtcDialog(page);
  await expect(d.getByRole('radio', { name: 'Add' })).toBeChecked();
  await expect(d.getByRole('textbox', { name: 'Amount' })).toBeFocused();
  await d.getByRole('textbox', { name: 'Amount' }).fill('125.5');
  await expect(d.getByText(/^Max addable:/)).toBeVisible();
  await d.getByRole('button', { name: CONFIRM }).click();

  await closeReceipt(page, /^Added 125\.50 USDT to BTCUSDT Long/);
  await expect(page.getByRole('button', { name: BTC_LONG_EDIT })).toBeFocused();
  await expect.poll(async () => amountOf(await margin.textContent()).toString()).toBe(before.plus('125.5').toString());
});
