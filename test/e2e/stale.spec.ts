import { expect, test } from '@playwright/test';
import { announcement, dialog, openBtcDialog, openDemo, pauseFeed } from './support';

test('a stale mark price blocks Remove with the reason; Add still works', async ({ page }) => {
  await openDemo(page, '/?staleAfterMs=2000');
  await pauseFeed(page);

  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  await d.getByRole('textbox', { name: 'Amount' }).fill('10');
  const reason = d.getByText(/^The mark price is \d+ s old: removing margin needs a fresh price\.$/);
  await expect(reason).toBeVisible({ timeout: 5_000 });
  const confirm = d.getByRole('button', { name: 'Confirm' });
  await expect(confirm).toBeDisabled();
  await expect(confirm).toHaveAccessibleDescription(/removing margin needs a fresh price/);

  await d.getByRole('radio', { name: 'Add' }).check();
  await expect(reason).toBeHidden();
  await expect(d.getByRole('textbox', { name: 'Amount' })).toHaveValue('10');
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(dialog(page)).toBeHidden();
  await expect(announcement(page, /^Added 10 USDT to BTCUSDT\.$/)).toBeVisible();
});

test('a feed outage while the dialog is open blocks Remove at once; back live unblocks it', async ({ page }) => {
  await openDemo(page);
  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  await d.getByRole('textbox', { name: 'Amount' }).fill('10');
  const confirm = d.getByRole('button', { name: 'Confirm' });
  await expect(confirm).toBeEnabled();

  // The page is inert behind the modal dialog: the playground's shortcut toggles the outage.
  await page.keyboard.press('Alt+Shift+O');
  // The kit words this "The mark price is N s old…" while it knows the last tick's time; its own
  // `reconnecting` message shows only before the first tick.
  const reason = d.getByText(/removing margin needs a (fresh|live) price\.$/);
  await expect(reason).toBeVisible();
  await expect(confirm).toBeDisabled();

  await page.keyboard.press('Alt+Shift+O');
  await expect(reason).toBeHidden();
  await expect(confirm).toBeEnabled();
});

test('a feed outage that began before the dialog opened blocks Remove', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('checkbox', { name: 'Feed outage (reconnecting)' }).check();
  await expect(page.getByText('Price feed: Feed outage: reconnecting')).toBeVisible();

  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  await d.getByRole('textbox', { name: 'Amount' }).fill('10');
  await expect(d.getByText(/removing margin needs a (fresh|live) price\.$/)).toBeVisible({ timeout: 2_000 });
  await expect(d.getByRole('button', { name: 'Confirm' })).toBeDisabled({ timeout: 1_000 });
});
