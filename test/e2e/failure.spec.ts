import { expect, test } from '@playwright/test';
import { closeReceipt, CONFIRM, dialog, openBtcDialog, openDemo } from './support';

test('an injected -4051 keeps the dialog open with the message and the amount; retry succeeds', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('combobox', { name: 'Failure' }).selectOption('-4051');
  await page.getByRole('button', { name: 'Inject failure' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Injected: Reject -4051/ })).toBeVisible();

  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill('20');
  await d.getByRole('button', { name: CONFIRM }).click();

  const alert = d.getByRole('alert');
  await expect(alert).toContainText('BTCUSDT Long not adjusted: The amount is more than can be removed now');
  await expect(alert).toContainText('Your amount is kept; you can try again.');
  await expect(dialog(page)).toBeVisible();
  await expect(amount).toHaveValue('20');
  await expect(d.getByRole('radio', { name: 'Remove' })).toBeChecked();

  await d.getByRole('button', { name: CONFIRM }).click();
  await closeReceipt(page, /^Removed 20\.00 USDT from BTCUSDT Long/);
});
