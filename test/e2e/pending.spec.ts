import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  amountOf,
  announcement,
  cell,
  closeReceipt,
  CONFIRM,
  dialog,
  openBtcDialog,
  openDemo,
  pauseFeed,
  requestsSent,
  setTiming,
} from './support';

/** Chooses when the simulated exchange delivers an accepted adjustment's account update. */
async function setAccountUpdate(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Account update arrives' }).selectOption({ label });
}

/** The dialog's margin figure: "Margin <now> → <after>". */
function marginFigure(d: Locator): Locator {
  return d.locator('.amk-figure', { has: d.page().locator('dt', { hasText: /^Margin$/ }) });
}

/** The amounts in a figure's text as written, in order: ["4,000.00 USDT", "4,100.00 USDT"]. */
async function amountsIn(figure: Locator): Promise<string[]> {
  const text = (await figure.textContent()) ?? '';
  return [...text.matchAll(/\d[\d,]*\.\d+ USDT/g)].map((m) => m[0]);
}

test('pending is frozen and honest: read-only controls, Confirm names the request, reopening shows it', async ({
  page,
}) => {
  await openDemo(page);
  await pauseFeed(page);
  await setTiming(page, { latencyMs: 2500 });
  const d = await openBtcDialog(page);
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill('100');
  const confirm = d.getByRole('button', { name: CONFIRM });
  await expect(confirm).toHaveText('Add 100.00 USDT');
  const box = await d.boundingBox();
  await confirm.click();

  await expect(confirm).toHaveText('Adding 100.00 USDT…');
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await expect(confirm).toHaveAccessibleDescription(/Waiting for the exchange’s answer/);
  await expect(amount).toHaveAttribute('readonly', '');
  await expect(amount).toHaveAttribute('aria-readonly', 'true');
  const remove = d.getByRole('radio', { name: 'Remove' });
  await expect(remove).toHaveAttribute('aria-disabled', 'true');
  await expect(d.getByRole('button', { name: 'Max' })).toHaveAttribute('aria-disabled', 'true');
  // No layout jump: the dialog keeps its size.
  expect(await d.boundingBox()).toEqual(box);

  // Nothing can be changed while it is in flight; the controls stay focusable.
  await remove.click({ force: true });
  await expect(d.getByRole('radio', { name: 'Add' })).toBeChecked();
  await amount.focus();
  await expect(amount).toBeFocused();
  await page.keyboard.type('5');
  await expect(amount).toHaveValue('100');
  await d.getByRole('button', { name: 'Max' }).click({ force: true });
  await expect(amount).toHaveValue('100');
  // Confirm is still reachable by keyboard and says why; pressing it sends nothing more.
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeFocused();
  await expect(confirm).toHaveAccessibleDescription(/Waiting for the exchange’s answer/);
  expect(await requestsSent(page)).toBe(1);

  // Close during pending, reopen: the same request, still pending.
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
  const again = await openBtcDialog(page);
  await expect(again.getByRole('button', { name: CONFIRM })).toHaveText('Adding 100.00 USDT…');
  await expect(again.getByRole('textbox', { name: 'Amount' })).toHaveValue('100');
  await closeReceipt(page, /^Added 100\.00 USDT to BTCUSDT Long/);
  expect(await requestsSent(page)).toBe(1);
});

test('Esc during pending: the request goes on and its outcome is announced, on a narrow screen too', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDemo(page);
  await pauseFeed(page);
  await setTiming(page, { latencyMs: 1500 });
  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  await d.getByRole('textbox', { name: 'Amount' }).fill('20');
  await d.getByRole('button', { name: CONFIRM }).click();
  await expect(d.getByRole('button', { name: CONFIRM })).toHaveText('Removing 20.00 USDT…');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  const outcome = announcement(page, /^Removed 20\.00 USDT from BTCUSDT Long · margin [\d,.]+ USDT → [\d,.]+ USDT · /);
  await expect(outcome).toBeVisible({ timeout: 5_000 });
  await expect(outcome).toBeInViewport({ ratio: 1 });
});

for (const order of ['One latency before the reply', 'One latency after the reply'] as const) {
  test(`no double count when the account update comes ${order.toLowerCase().replace('one latency ', '')}`, async ({
    page,
  }) => {
    await openDemo(page);
    await pauseFeed(page); // the margin includes unrealized PnL: hold the price still
    await setAccountUpdate(page, order);
    await setTiming(page, { latencyMs: 1500 });
    const tableMargin = cell(page, 'BTCUSDT', 'margin');
    const before = amountOf(await tableMargin.textContent());

    const d = await openBtcDialog(page);
    await d.getByRole('textbox', { name: 'Amount' }).fill('100');
    const [now, after] = await amountsIn(marginFigure(d));
    expect(amountOf(now!).minus(amountOf(after!)).abs().toString()).toBe('100');
    await d.getByRole('button', { name: CONFIRM }).click();
    await expect(d.getByRole('button', { name: CONFIRM })).toHaveText('Adding 100.00 USDT…');

    if (order === 'One latency before the reply') {
      // The update already holds the +100: the table shows it, the pending dialog still shows now → now + 100.
      await expect
        .poll(async () =>
          amountOf(await tableMargin.textContent())
            .minus(before)
            .toString(),
        )
        .toBe('100');
      await expect(d.getByRole('button', { name: CONFIRM })).toHaveText('Adding 100.00 USDT…');
      expect(await amountsIn(marginFigure(d))).toEqual([now, after]);
    }
    const receipt = d.getByRole('status').filter({ hasText: /^Added 100\.00 USDT to BTCUSDT Long/ });
    await expect(receipt).toBeVisible({ timeout: 5_000 });
    const margin = receipt.getByText(/^margin /);
    const expected = `margin ${now} → ${after}`;
    await expect(margin).toHaveText(expected);
    // After the reply the update (if it was still to come) lands: the receipt still counts the +100 once.
    await expect
      .poll(async () =>
        amountOf(await tableMargin.textContent())
          .minus(before)
          .toString(),
      )
      .toBe('100');
    await expect(margin).toHaveText(expected);
    await closeReceipt(page, /^Added 100\.00 USDT to BTCUSDT Long/);
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the receipt names the side and sits in the viewport at ${viewport.width}×${viewport.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openDemo(page);
    await pauseFeed(page);
    await page.getByRole('button', { name: /^Edit margin for ETHUSDT Short$/ }).click();
    const d = dialog(page);
    await expect(d.getByText(/^Max addable:/)).toBeVisible();
    await d.getByRole('radio', { name: 'Remove' }).check();
    await d.getByRole('textbox', { name: 'Amount' }).fill('20');
    await d.getByRole('button', { name: CONFIRM }).click();
    const receipt = d.getByRole('status').filter({
      hasText: /^Removed 20\.00 USDT from ETHUSDT Short.*margin [\d,.]+ USDT → [\d,.]+ USDT.*est\. liq\. price/,
    });
    await expect(receipt).toBeInViewport({ ratio: 1 });
    await expect(d.getByRole('button', { name: 'Done' })).toBeInViewport({ ratio: 1 });
    await closeReceipt(page, /^Removed 20\.00 USDT from ETHUSDT Short/);
  });
}
