import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Decimal from 'decimal.js';
import { amountOf, cell, openDemo, pauseFeed, setMark } from './support';

/** The summary's group of one margin asset. */
function asset(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Account summary' }).getByRole('group', { name, exact: true });
}

/** The value beside a label in the group's description list. */
function figure(group: Locator, label: string): Locator {
  return group.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}

/**
 * Binance's maximum withdrawal in Cross Margin Mode for the demo's USDT account at SOLUSDT's mark,
 * from the default scenario's inputs: cross wallet 10000; isolated open-order IM 125.4 (BTCUSDT Long)
 * + 40 (ETHUSDT Short) = 165.4; the only cross position SOLUSDT Short −30 at entry 140, leverage 10,
 * bracket MMR 0.01 below a notional of 5000. Rounded down to 8 decimals.
 */
function maxWithdrawable(mark: Decimal): Decimal {
  const notional = mark.times(30);
  const upnl = new Decimal(-30).times(mark.minus(140));
  const walletBound = new Decimal(10000).minus(165.4).minus(notional.times('0.01'));
  const pnlBound = new Decimal(10000).plus(upnl).minus(notional.div(10)).minus(165.4);
  return Decimal.max(0, Decimal.min(walletBound, pnlBound)).toDecimalPlaces(8, Decimal.ROUND_DOWN);
}

/** "9,249.60 USDT" as the summary writes it (en, at least 2 decimals). */
function shown(value: Decimal): string {
  const [int, frac = ''] = value.toFixed().split('.');
  return `${Number(int).toLocaleString('en')}.${frac.padEnd(2, '0')} USDT`;
}

test('"Max withdrawable" in the summary equals the formula for the demo’s account and moves with the mark', async ({
  page,
}) => {
  await openDemo(page);
  await pauseFeed(page);
  const usdt = asset(page, 'USDT');
  await expect(usdt).toBeVisible();
  const mark = amountOf(await cell(page, 'SOLUSDT', 'mark').textContent());
  await expect(figure(usdt, 'Max withdrawable')).toHaveText(shown(maxWithdrawable(mark)));
  await expect(figure(usdt, 'Cross wallet balance')).toHaveText('10,000.00 USDT');

  // SOL up 5: the short loses, so less can leave the wallet (PnL bound binds).
  const up = mark.plus(5);
  await setMark(page, 'SOLUSDT', up.toFixed(2));
  await expect(figure(usdt, 'Max withdrawable')).toHaveText(shown(maxWithdrawable(up)));
  // SOL at 100: the short gains 1200; now the wallet bound binds (10000 − 165.4 − 30).
  await setMark(page, 'SOLUSDT', '100.00');
  expect(maxWithdrawable(new Decimal(100)).toFixed()).toBe('9804.6');
  await expect(figure(usdt, 'Max withdrawable')).toHaveText('9,804.60 USDT');
  // An isolated position's mark does not move it.
  await setMark(page, 'BTCUSDT', '50000.00');
  await expect(figure(usdt, 'Max withdrawable')).toHaveText('9,804.60 USDT');
});

test('Transfer out with Max and Confirm: the wallet falls by exactly that amount', async ({ page }) => {
  await openDemo(page);
  await pauseFeed(page);
  const usdt = asset(page, 'USDT');
  const mark = amountOf(await cell(page, 'SOLUSDT', 'mark').textContent());
  const max = maxWithdrawable(mark);
  await expect(figure(usdt, 'Max withdrawable')).toHaveText(shown(max));

  const transfer = usdt.getByRole('button', { name: 'Transfer' });
  await transfer.click();
  const dialog = page.getByRole('dialog', { name: 'Transfer out' });
  await expect(dialog).toBeVisible();
  const amount = dialog.getByRole('textbox', { name: 'Amount' });
  await expect(amount).toBeFocused();
  await dialog.getByRole('button', { name: 'Max' }).click();
  await expect(amount).toHaveValue(max.toFixed());
  await dialog.getByRole('button', { name: `Transfer ${shown(max)}` }).click();

  const receipt = dialog.getByRole('status').filter({ hasText: `Transferred ${shown(max)} to the spot wallet.` });
  await expect(receipt).toBeVisible();
  const after = new Decimal(10000).minus(max);
  await expect(receipt).toContainText(`cross wallet 10,000.00 USDT → ${shown(after)}`);
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(figure(usdt, 'Cross wallet balance')).toHaveText(shown(after));
  // Nothing more can leave: the rest covers the open orders and the cross position.
  await expect(figure(usdt, 'Max withdrawable')).toHaveText('0.00 USDT');
  await expect(transfer).toBeFocused();
});

for (const theme of ['dark', 'light'] as const) {
  test(`axe (${theme}): the summary and the Transfer out dialog have no violations`, async ({ page }) => {
    test.setTimeout(90_000);
    await openDemo(page);
    await pauseFeed(page);
    if (theme === 'light') await page.getByRole('radio', { name: 'Light' }).check();
    const summary = await new AxeBuilder({ page }).include('.amk-summary').analyze();
    expect(summary.violations.map((v) => v.id)).toEqual([]);
    await asset(page, 'USDT').getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer out' });
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('99999'); // the over-limit error and Use max shown
    await expect(dialog.getByRole('button', { name: 'Use max' })).toBeVisible();
    const open = await new AxeBuilder({ page }).include('dialog[open]').analyze();
    expect(open.violations.map((v) => v.id)).toEqual([]);
  });
}

test('keyboard only: Transfer, the amount, Enter to confirm, Enter on Done', async ({ page }) => {
  await openDemo(page);
  await pauseFeed(page);
  const usdt = asset(page, 'USDT');
  await usdt.getByRole('button', { name: 'Transfer' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Transfer out' });
  await expect(dialog.getByRole('textbox', { name: 'Amount' })).toBeFocused();
  await page.keyboard.type('1000');
  await page.keyboard.press('Enter');
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Transferred 1,000.00 USDT to the spot wallet.' }),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(figure(usdt, 'Cross wallet balance')).toHaveText('9,000.00 USDT');
  await expect(usdt.getByRole('button', { name: 'Transfer' })).toBeFocused();
});
