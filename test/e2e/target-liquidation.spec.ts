import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Decimal from 'decimal.js';
import { amountOf, cell, dialog, openDemo, pauseFeed } from './support';

/**
 * Types a target liquidation price halfway between the one now and an end of the slider's range
 * (`toward` 'max' or 'min'), on the symbol's price grid, and confirms the amount it gives.
 * Returns the target.
 */
async function confirmTarget(page: Page, edit: RegExp, toward: 'min' | 'max', decimals: number): Promise<Decimal> {
  await page.getByRole('button', { name: edit }).click();
  const d = dialog(page);
  await expect(d.getByText(/^Max addable:/)).toBeVisible();
  const slider = d.getByRole('slider', { name: 'Liquidation price after' });
  const now = new Decimal((await slider.getAttribute('aria-valuenow'))!);
  const end = new Decimal((await slider.getAttribute(`aria-value${toward}`))!);
  const target = now.plus(end).div(2).toDecimalPlaces(decimals, Decimal.ROUND_DOWN);

  await d.getByRole('radio', { name: 'Target liq. price' }).check();
  await d.getByRole('textbox', { name: 'Target liquidation price' }).fill(target.toFixed());
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await expect(amount).toHaveValue(/^\d+(\.\d+)?$/);
  const confirm = d.getByRole('button', { name: /^(Add|Remove) [\d,.]+ / });
  await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
  await confirm.click();
  await expect(d.getByRole('button', { name: /^(Add|Remove) / })).toHaveCount(0);
  return target;
}

/** The liquidation price a position row shows, once it has changed from `before`. */
async function newLiquidationPrice(liq: Locator, before: string): Promise<Decimal> {
  await expect(liq).not.toHaveText(before);
  return amountOf(await liq.textContent());
}

test.beforeEach(async ({ page }) => {
  await openDemo(page);
  await pauseFeed(page); // the target is checked against the mark: hold it still
});

test('USDⓈ-M long: a target nearer the mark removes margin; the table shows that liquidation price', async ({
  page,
}) => {
  const liq = cell(page, 'BTCUSDT', 'liq');
  const before = (await liq.textContent())!;
  const target = await confirmTarget(page, /^Edit margin for BTCUSDT Long$/, 'max', 2);
  // The table shows a long's liquidation price rounded up to 0.01 (toward the mark). The solver's
  // removal is rounded down to the 8-decimal grid, so the true price is at most the target and
  // above it minus what 0.00000001 USDT moves it (about 2e-8): the table reads the target itself.
  expect((await newLiquidationPrice(liq, before)).toFixed(2)).toBe(target.toFixed(2));
});

test('COIN-M short: a target farther from the mark adds coin; the table shows that liquidation price', async ({
  page,
}) => {
  const liq = cell(page, 'BTCUSD_PERP', 'liq');
  const before = (await liq.textContent())!;
  const target = await confirmTarget(page, /^Edit margin for BTCUSD_PERP Short$/, 'max', 1);
  // A short's price shows rounded down to 0.1 (toward the mark); the add is rounded up to 8 decimals
  // of BTC, so the true price is at or just above the target: the table reads the target itself.
  expect((await newLiquidationPrice(liq, before)).toFixed(1)).toBe(target.toFixed(1));
});

test('dragging the ladder\'s "after" marker sets the target liquidation price', async ({ page }) => {
  await page.getByRole('button', { name: /^Edit margin for BTCUSDT Long$/ }).click();
  const d = dialog(page);
  await expect(d.getByText(/^Max addable:/)).toBeVisible();
  const slider = d.getByRole('slider', { name: 'Liquidation price after' });
  const now = new Decimal((await slider.getAttribute('aria-valuenow'))!);
  // As a person would: the dialog's body scrolled until the ladder shows above Confirm's footer.
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 30, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  // Lower for a long is farther from the mark: the target mode leads, and the amount to add follows.
  await expect(d.getByRole('radio', { name: 'Target liq. price' })).toBeChecked();
  const target = new Decimal(await d.getByRole('textbox', { name: 'Target liquidation price' }).inputValue());
  expect(target.lt(now)).toBe(true);
  expect(target.decimalPlaces()).toBeLessThanOrEqual(2);
  await expect(slider).toHaveAttribute('aria-valuenow', target.toFixed());
  await expect(d.getByRole('radio', { name: 'Add' })).toBeChecked();
  await expect(d.getByRole('textbox', { name: 'Amount' })).toHaveValue(/^\d+(\.\d+)?$/);
});

for (const theme of ['dark', 'light'] as const) {
  test(`axe (${theme}): target mode, its error with Use closest, and the slider have no violations`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    if (theme === 'light') await page.getByRole('radio', { name: 'Light' }).check();
    await page.getByRole('button', { name: /^Edit margin for BTCUSDT Long$/ }).click();
    const d = dialog(page);
    await expect(d.getByText(/^Max addable:/)).toBeVisible();
    await d.getByRole('textbox', { name: 'Target liquidation price' }).fill('1000');
    await expect(d.getByRole('button', { name: 'Use closest' })).toBeVisible();
    await d.getByRole('slider', { name: 'Liquidation price after' }).focus();
    const results = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
