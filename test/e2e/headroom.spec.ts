import { expect, test } from '@playwright/test';
import { defaultScenarioJson, scenarioHash } from './scenarioLink';
import {
  amountOf,
  exactLimitOf,
  closeReceipt,
  CONFIRM,
  dialog,
  injectFailure,
  openBtcDialog,
  openDemo,
  pauseFeed,
  requestsSent,
} from './support';

test('Max with headroom under a mark walking against the position every 50 ms: 10 rounds, 0 over-limit rejections', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const scenario = await defaultScenarioJson(page);
  const state = scenario.state as Record<string, unknown>;
  // 20 ticks a second (one every 50 ms) and 200 ms of latency each way.
  await openDemo(
    page,
    `/${scenarioHash({ ...scenario, running: true, state: { ...state, rateHz: 20, latencyMs: 200 } })}`,
  );
  // Every tick moves BTCUSDT down 100 ticks ($1.00): against the long. Between a click and the
  // request's arrival (≈ 200 ms of latency plus up to one 200 ms throttle of display lag) that is
  // about $8, well within the default 0.1 % headroom of Max (≈ $62 at 62,000).
  await page.getByRole('combobox', { name: 'Ticks per step' }).selectOption('100');
  await page.getByRole('combobox', { name: 'Trend' }).selectOption({ label: 'Steady down' });

  const rounds = 10;
  for (let round = 0; round < rounds; round += 1) {
    // Put margin back, so there is something to remove.
    let d = await openBtcDialog(page);
    await d.getByRole('textbox', { name: 'Amount' }).fill('300');
    await d.getByRole('button', { name: CONFIRM }).click();
    await closeReceipt(page, /^Added 300\.00 USDT to BTCUSDT Long/);

    d = await openBtcDialog(page);
    await d.getByRole('radio', { name: 'Remove' }).check();
    await expect(d.getByText('Max keeps room for a 0.1% price move')).toBeVisible();
    await d.getByRole('button', { name: 'Max' }).click();
    await expect(d.getByRole('button', { name: CONFIRM })).toHaveText(/^Remove [\d,.]+ USDT$/);
    await d.getByRole('button', { name: CONFIRM }).click();
    // An over-limit rejection would show the alert instead of the receipt.
    await closeReceipt(page, /^Removed [\d,.]+ USDT from BTCUSDT Long/);
  }
  expect(await requestsSent(page)).toBe(2 * rounds);
});

test('after -4051, "Use new max and confirm" sends Max from the freshest limits in one click; the amount is kept until then', async ({
  page,
}) => {
  await openDemo(page);
  await pauseFeed(page);
  await injectFailure(page, '-4051');
  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill('50');
  await d.getByRole('button', { name: CONFIRM }).click();

  const alert = d.getByRole('alert');
  await expect(alert).toContainText('BTCUSDT Long not adjusted');
  await expect(amount).toHaveValue('50');
  const recover = alert.getByRole('button', { name: 'Use new max and confirm' });
  await expect(recover).toBeVisible();
  const max = await exactLimitOf(d.getByText(/^Max removable:/));

  await recover.click();
  const receipt = d.getByRole('status').filter({ hasText: /^Removed [\d,.]+ USDT from BTCUSDT Long/ });
  await expect(receipt).toBeVisible();
  // The price is held still: the freshest Max is the one the dialog showed.
  expect(amountOf(await receipt.textContent()).toString()).toBe(max.toString());
  expect(await requestsSent(page)).toBe(2);
  await d.getByRole('button', { name: 'Done' }).click();
  await expect(dialog(page)).toBeHidden();
});
