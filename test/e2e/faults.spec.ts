import { expect, test, type Locator, type Page } from '@playwright/test';
import type Decimal from 'decimal.js';
import {
  amountOf,
  exactLimitOf,
  announcement,
  cell,
  closeReceipt,
  collectErrors,
  CONFIRM,
  diagnostics,
  dialog,
  injectFailure,
  openBtcDialog,
  openDemo,
  pauseFeed,
  requestsSent,
  setTiming,
} from './support';

// Fault injection on the built demo. Every test checks three things: nothing is sent that should
// not be (the playground's "Requests sent" counter wraps the exchange's adjustMargin), nothing the
// user typed is lost (the Amount field), and the user is told clearly what happened.

/** Waits until the exchange has received exactly `n` adjustments. */
async function expectRequests(page: Page, n: number) {
  await expect.poll(() => requestsSent(page), { timeout: 3_000 }).toBe(n);
}

/** Binance codes the playground offers, with the sentence a person should read (not the bare code). */
const REJECTIONS: readonly { code: number; mode: 'Add' | 'Remove'; message: string }[] = [
  { code: -4050, mode: 'Add', message: 'Not enough available balance in the cross wallet to add this amount.' },
  { code: -4051, mode: 'Remove', message: 'The amount is more than can be removed now; the limit moved' },
  { code: -4054, mode: 'Add', message: 'The position is closed; there is no margin to adjust.' },
  // Both are the kind invalidAmount: one sentence, and the exchange's own words as the detail.
  { code: -4055, mode: 'Add', message: 'The exchange did not accept this amount.' },
  { code: -1111, mode: 'Add', message: 'The exchange did not accept this amount.' },
  { code: -2023, mode: 'Remove', message: 'The account is being liquidated; margin cannot be changed now.' },
  { code: -4049, mode: 'Add', message: 'Margin can only be adjusted on an isolated position.' },
];

for (const { code, mode, message } of REJECTIONS) {
  test(`rejected ${code}: dialog stays open, a human message, amount kept, one request; retry succeeds`, async ({
    page,
  }) => {
    await openDemo(page);
    await injectFailure(page, String(code));

    const d = await openBtcDialog(page);
    await d.getByRole('radio', { name: mode }).check();
    const amount = d.getByRole('textbox', { name: 'Amount' });
    await amount.fill('12.5');
    const confirm = d.getByRole('button', { name: CONFIRM });
    await confirm.click();

    const alert = d.getByRole('alert');
    await expect(alert).toContainText(`BTCUSDT Long not adjusted: ${message}`);
    await expect(alert).toContainText(`Exchange (code ${code}):`);
    await expect(alert).toContainText('Your amount is kept; you can try again.');
    expect((await alert.textContent())?.trim()).not.toMatch(/^[^a-z]*-?\d{4}[^a-z]*$/i); // never just the code
    await expect(dialog(page)).toBeVisible();
    await expect(amount).toHaveValue('12.5');
    await expect(d.getByRole('radio', { name: mode })).toBeChecked();
    await expectRequests(page, 1);

    // The injected failure was used by that one adjustment: the retry goes through.
    await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
    await confirm.click();
    const verb = mode === 'Add' ? /^Added 12\.50 USDT to BTCUSDT Long/ : /^Removed 12\.50 USDT from BTCUSDT Long/;
    await closeReceipt(page, verb);
    await expectRequests(page, 2);
  });
}

test('timeout: the result is unknown, check before retrying; amount kept, one request; retry succeeds', async ({
  page,
}) => {
  await openDemo(page);
  await setTiming(page, { timeoutMs: 800 });
  await injectFailure(page, 'timeout');

  const d = await openBtcDialog(page);
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill('12.5');
  const confirm = d.getByRole('button', { name: CONFIRM });
  await confirm.click();
  await expect(confirm).toHaveText('Adding 12.50 USDT…');
  await expect(confirm).toHaveAttribute('aria-busy', 'true');

  const alert = d.getByRole('alert');
  await expect(alert).toContainText('Result unknown for BTCUSDT Long: The exchange did not answer in time.');
  await expect(alert).toContainText('Check the position’s margin before trying again');
  await expect(amount).toHaveValue('12.5');
  await expectRequests(page, 1);

  await confirm.click();
  await closeReceipt(page, /^Added 12\.50 USDT to BTCUSDT Long/);
  await expectRequests(page, 2);
});

test('timeout: the alert does not claim the margin was "Not adjusted" (the outcome is unknown)', async ({ page }) => {
  await openDemo(page);
  await setTiming(page, { timeoutMs: 500 });
  await injectFailure(page, 'timeout');
  const d = await openBtcDialog(page);
  await d.getByRole('textbox', { name: 'Amount' }).fill('12.5');
  await d.getByRole('button', { name: CONFIRM }).click();
  const alert = d.getByRole('alert');
  await expect(alert).toContainText('Check the position’s margin before trying again');
  await expect(alert).toContainText('Result unknown for BTCUSDT Long:');
  await expect(alert).not.toContainText('not adjusted', { timeout: 500 });
});

test('a slow Confirm that succeeds after Esc closed the dialog: no error, one request, margin updated, announced', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openDemo(page);
  await pauseFeed(page); // the margin cell moves with the mark price otherwise
  await setTiming(page, { latencyMs: 1500 });
  const margin = cell(page, 'BTCUSDT', 'margin');
  const before = amountOf(await margin.textContent());

  const d = await openBtcDialog(page);
  await d.getByRole('textbox', { name: 'Amount' }).fill('10');
  const confirm = d.getByRole('button', { name: CONFIRM });
  await confirm.click();
  await expect(confirm).toHaveAttribute('aria-busy', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expectRequests(page, 1);

  await expect(announcement(page, /^Added 10\.00 USDT to BTCUSDT Long · margin /)).toBeVisible({ timeout: 5_000 });
  await expect
    .poll(async () =>
      amountOf(await margin.textContent())
        .minus(before)
        .toNumber(),
    )
    .toBe(10);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(dialog(page)).toBeHidden(); // the late success does not reopen anything
  await page.waitForTimeout(300);
  expect(await requestsSent(page)).toBe(1);
  expect(errors).toEqual([]);
});

test('the mark feed stops: Remove is blocked with the reason, nothing is sent; Add still works', async ({ page }) => {
  await openDemo(page, '/?staleAfterMs=1500');
  await pauseFeed(page);

  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill('10');
  const reason = d.getByText('Removing margin needs a live mark price.', { exact: true });
  await expect(reason).toBeVisible({ timeout: 5_000 });
  const confirm = d.getByRole('button', { name: CONFIRM });
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await expect(confirm).toHaveAccessibleDescription('Removing margin needs a live mark price.');
  await amount.press('Enter'); // implicit submission is blocked too
  await expect(amount).toHaveValue('10');
  expect(await requestsSent(page)).toBe(0);

  await d.getByRole('radio', { name: 'Add' }).check();
  await expect(reason).toBeHidden();
  await expect(amount).toHaveValue('10');
  await confirm.click();
  await closeReceipt(page, /^Added 10\.00 USDT to BTCUSDT Long/);
  await expectRequests(page, 1);
});

test('the stream reconnecting while the dialog is open: Remove blocked, then unblocked; one request', async ({
  page,
}) => {
  await openDemo(page);
  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill('10');
  const confirm = d.getByRole('button', { name: CONFIRM });
  await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');

  await page.keyboard.press('Alt+Shift+O'); // outage on (the page behind the modal is inert)
  const reason = d.getByText('Removing margin needs a live mark price.', { exact: true });
  await expect(reason).toBeVisible();
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await expect(confirm).toHaveAccessibleDescription('Removing margin needs a live mark price.');
  await amount.press('Enter');
  await expect(amount).toHaveValue('10');
  expect(await requestsSent(page)).toBe(0);

  await page.keyboard.press('Alt+Shift+O'); // back live
  await expect(reason).toBeHidden();
  await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
  await expect(amount).toHaveValue('10');
  await confirm.click();
  await closeReceipt(page, /^Removed 10\.00 USDT from BTCUSDT Long/);
  await expectRequests(page, 1);
});

test('the position closed mid-edit: "Position closed", no Confirm, nothing sent', async ({ page }) => {
  await openDemo(page);
  const position = page.getByRole('group', { name: 'Position', exact: true });
  await expect(position.getByRole('combobox', { name: 'Position' })).toHaveValue('BTCUSDT|LONG');

  const d = await openBtcDialog(page);
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill('10');
  await amount.press('Alt+Shift+C'); // the playground closes the selected position: BTCUSDT Long

  const final = d.getByRole('alert');
  await expect(final).toContainText('Position closed');
  await expect(final).toContainText('This position was closed or liquidated. Nothing can be sent.');
  await expect(d.getByRole('button', { name: CONFIRM })).toHaveCount(0);
  await expect(d.getByRole('textbox', { name: 'Amount' })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await d.getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('button', { name: /^Edit margin for BTCUSDT Long$/ })).toHaveCount(0);
  expect(await requestsSent(page)).toBe(0);
});

/** Pauses the walk and enters a BTCUSDT mark price `drop` below the current one (applied by Alt+Shift+M). */
async function prepareMarkDrop(page: Page, drop: number) {
  await pauseFeed(page);
  const mark = amountOf(await cell(page, 'BTCUSDT', 'mark').textContent());
  const form = page.getByRole('group', { name: 'Mark price', exact: true });
  await expect(form.getByRole('combobox', { name: 'Symbol' })).toHaveValue('BTCUSDT');
  await form.getByRole('textbox', { name: 'New mark price' }).fill(mark.minus(drop).toFixed(2));
}

/** The dialog's "Max removable: …" value once it has fallen below `than`: its text and its value. */
async function shrunkMax(d: Locator, than: Decimal) {
  const line = d.getByText(/^Max removable:/);
  await expect.poll(async () => amountOf(await line.textContent()).lt(than)).toBe(true);
  const text = (await line.textContent())!.replace(/^Max removable:\s*/, '');
  return { text, value: amountOf(text) };
}

/** Opens Remove and types an amount just under the live max. Returns the amount typed. */
async function typeJustUnderMax(page: Page) {
  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  const max = amountOf(await d.getByText(/^Max removable:/).textContent());
  expect(max.toNumber()).toBeGreaterThan(100);
  const typed = max.minus(1).toFixed(2);
  await d.getByRole('textbox', { name: 'Amount' }).fill(typed);
  await expect(d.getByRole('button', { name: CONFIRM })).not.toHaveAttribute('aria-disabled', 'true');
  return { d, max, typed };
}

test('the limit shrinks as Confirm is clicked: nothing sent, the new max and "Use new max"; then one request', async ({
  page,
}) => {
  await openDemo(page);
  await prepareMarkDrop(page, 1000);
  const { d, max, typed } = await typeJustUnderMax(page);

  // The price drops in the same task as the click, before React renders it: only the re-check at
  // the click can catch it.
  await page.evaluate(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'M', code: 'KeyM', altKey: true, shiftKey: true }));
    document.querySelector<HTMLButtonElement>('dialog[open] button[type="submit"]')!.click();
  });

  const { text: newMaxText, value: newMax } = await shrunkMax(d, max.minus(1));
  const moved = d.getByText(/^The limit moved while you were typing: the max is now .+\. Nothing was sent\./);
  await expect(moved).toContainText(`the max is now ${newMaxText}.`);
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await expect(amount).toHaveValue(typed);
  expect(await requestsSent(page)).toBe(0);

  await d.getByRole('button', { name: 'Use new max' }).click();
  // The new max fills in exactly; the line and the message show it in cents, rounded down.
  const exactNewMax = await exactLimitOf(d.getByText(/^Max removable:/));
  expect(exactNewMax.toDecimalPlaces(2, 1).eq(newMax)).toBe(true);
  expect(amountOf(await amount.inputValue()).eq(exactNewMax)).toBe(true);
  await d.getByRole('button', { name: CONFIRM }).click();
  await closeReceipt(page, /^Removed [\d,.]+ USDT from BTCUSDT Long/);
  await expectRequests(page, 1);
});

test('the limit shrinks before Confirm: "Enter at most <new max>", Confirm disabled, nothing sent, Max fixes it', async ({
  page,
}) => {
  await openDemo(page);
  await prepareMarkDrop(page, 1000);
  const { d, max, typed } = await typeJustUnderMax(page);

  await page.keyboard.press('Alt+Shift+M');
  const { value: newMax } = await shrunkMax(d, max.minus(1));
  const amount = d.getByRole('textbox', { name: 'Amount' });
  const error = d.getByText(/^Enter at most [\d,.]+ USDT$/);
  await expect(error).toBeVisible();
  // The error names the exact limit; Max (the limit line) keeps 0.1 % of headroom below it.
  expect(amountOf(await error.textContent()).gte(newMax)).toBe(true);
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveValue(typed);
  const confirm = d.getByRole('button', { name: CONFIRM });
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await amount.press('Enter');
  expect(await requestsSent(page)).toBe(0);

  // The fix-it beside the message takes the new max.
  await d.getByRole('button', { name: 'Use max' }).click();
  expect(amountOf(await amount.inputValue()).eq(newMax)).toBe(true);
  await confirm.click();
  await closeReceipt(page, /^Removed [\d,.]+ USDT from BTCUSDT Long/);
  await expectRequests(page, 1);
});

/** Counts the dialog's form submissions from now on (each one is a Confirm attempt). */
async function countSubmits(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __submits: number };
    w.__submits = 0;
    document.addEventListener('submit', () => (w.__submits += 1), true);
  });
  return () => page.evaluate(() => (window as unknown as { __submits: number }).__submits);
}

test('a double click on Confirm sends one request', async ({ page }) => {
  await openDemo(page);
  await setTiming(page, { latencyMs: 600 });
  const d = await openBtcDialog(page);
  await d.getByRole('textbox', { name: 'Amount' }).fill('10');
  const submits = await countSubmits(page);
  await d.getByRole('button', { name: CONFIRM }).dblclick();
  expect(await submits()).toBe(2); // both clicks reached the form while the first was pending
  await closeReceipt(page, /^Added 10\.00 USDT to BTCUSDT Long/);
  await page.waitForTimeout(300); // a queued second request would start right after the first
  expect(await requestsSent(page)).toBe(1);
});

test('a held Enter (auto-repeat) on the amount sends one request', async ({ page }) => {
  await openDemo(page);
  await setTiming(page, { latencyMs: 600 });
  const d = await openBtcDialog(page);
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill('10');
  await amount.focus();
  const submits = await countSubmits(page);
  for (let i = 0; i < 6; i += 1) await page.keyboard.down('Enter'); // after the first: repeat = true
  await page.keyboard.up('Enter');
  expect(await submits()).toBeGreaterThanOrEqual(2); // the repeats did submit the form again
  await closeReceipt(page, /^Added 10\.00 USDT to BTCUSDT Long/);
  await page.waitForTimeout(300);
  expect(await requestsSent(page)).toBe(1);
});

test('50 open/close cycles leave no subscription or timer behind', async ({ page }) => {
  await openDemo(page);
  const edit = page.getByRole('button', { name: /^Edit margin for BTCUSDT Long$/ });
  // The readout is live: the walk's interval is one timer.
  await expect.poll(async () => (await diagnostics(page)).timers).toBe(1);
  await expect.poll(async () => (await diagnostics(page)).subscriptions).toBeGreaterThan(0);
  await page.waitForTimeout(300); // one more refresh of the readout
  const before = await diagnostics(page);

  const d = dialog(page);
  for (let i = 0; i < 50; i += 1) {
    await edit.click();
    await expect(d.getByText(/^Max addable:/)).toBeVisible();
    // The open dialog reads prices through the kit's store: the readout sees its readers.
    if (i === 0) await expect.poll(async () => (await diagnostics(page)).readers).toBeGreaterThan(before.readers);
    await d.getByRole('textbox', { name: 'Amount' }).fill(String(i + 1));
    if (i % 2 === 0) await page.keyboard.press('Escape');
    else await d.getByRole('button', { name: 'Close' }).click();
    await expect(d).toBeHidden();
  }

  await expect.poll(() => diagnostics(page), { timeout: 3_000 }).toEqual(before);
});
