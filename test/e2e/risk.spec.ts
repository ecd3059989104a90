import { expect, test } from '@playwright/test';
import { dialog, openDemo, pauseFeed, requestsSent } from './support';

const ACKNOWLEDGE = 'I understand the position may be liquidated after a small price move';
const REASON = 'To remove this much, first tick “I understand” above.';

/**
 * The demo's ETHUSDT Long (4 ETH at 3,050.25, 20×, wallet 700; bracket 1 %, cum 35), mark near
 * 3,100: Max removable is bound by the initial margin (5 % of the notional), so removing it leaves
 * the liquidation price (WB + 35 − 12,201) / (0.04 − 4) about 4.3 % under the mark, inside the
 * default 5 %: the removal needs "I understand…". A quarter of it stays far enough away.
 */
test('a removal near liquidation waits for "I understand…" (keyboard), then sends once; a new amount unticks it', async ({
  page,
}) => {
  await openDemo(page);
  await pauseFeed(page);
  await page.getByRole('button', { name: 'Edit margin for ETHUSDT Long' }).click();
  const d = dialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  await expect(d.getByText(/^Max removable:/)).toContainText(/\d/);

  // The risk figures, before → after.
  await d.getByRole('button', { name: '25%' }).click();
  await expect(
    d
      .getByRole('term')
      .filter({ hasText: /^Margin ratio$/ })
      .locator('xpath=..'),
  ).toContainText('→');
  await expect(
    d
      .getByRole('term')
      .filter({ hasText: /^Mark to liq\. price$/ })
      .locator('xpath=..'),
  ).toContainText('→');
  await expect(d.getByRole('checkbox', { name: ACKNOWLEDGE })).toHaveCount(0);

  await d.getByRole('button', { name: 'Max' }).click();
  const warning = d.getByRole('status').filter({ hasText: /^Close to liquidation: after this removal/ });
  await expect(warning).toContainText(/is \d\.\d\d% from the mark price \(within 5%\)\.$/);
  const box = d.getByRole('checkbox', { name: ACKNOWLEDGE });
  await expect(box).not.toBeChecked();
  const confirm = d.getByRole('button', { name: /^Remove \d/ });
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await expect(confirm).toHaveAccessibleDescription(REASON);
  // Pressing it (it stays focusable) or Enter in the field sends nothing.
  await confirm.focus();
  await page.keyboard.press('Enter');
  await d.getByRole('textbox', { name: 'Amount' }).press('Enter');
  expect(await requestsSent(page)).toBe(0);

  // Ticked, then the amount changes: unticked again.
  await box.check();
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill((await amount.inputValue()).slice(0, -1));
  await expect(warning).toBeVisible();
  await expect(box).not.toBeChecked();

  // Keyboard only: Tab to the box, Space, Tab on to Confirm, Enter.
  await d.getByRole('button', { name: 'Max' }).click();
  await amount.focus();
  for (let i = 0; i < 30 && !(await box.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(box).toBeFocused();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => requestsSent(page)).toBe(1);
});
