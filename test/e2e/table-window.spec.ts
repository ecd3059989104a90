import { expect, test } from '@playwright/test';
import { defaultScenarioJson, scenarioHash } from './scenarioLink';

/** Positions in the long account: the demo's BTCUSDT long copied to P0USDT … P149USDT. */
const COUNT = 150;

/** The demo's scenario with 150 isolated longs, each on its own market (the table windows from 100 rows). */
async function longAccount(page: import('@playwright/test').Page): Promise<string> {
  const scenario = await defaultScenarioJson(page);
  const state = scenario.state as {
    account: { positions: Record<string, unknown>[] };
    markets: Record<string, Record<string, unknown>>;
  };
  const btc = state.account.positions.find((p) => p.symbol === 'BTCUSDT' && p.marginType === 'isolated')!;
  const market = state.markets.BTCUSDT!;
  const positions = Array.from({ length: COUNT }, (_, i) => ({ ...btc, symbol: `P${i}USDT`, baseAsset: `P${i}` }));
  const markets = Object.fromEntries(positions.map((p) => [p.symbol, { ...market }]));
  return `/${scenarioHash({
    ...scenario,
    running: false,
    state: { ...state, account: { ...state.account, positions }, markets },
  })}`;
}

test('a 150-position table: every row counted for assistive technology, rows near the viewport in the DOM, Tab and scrolling reach the last', async ({
  page,
}) => {
  const url = await longAccount(page);
  // A fresh load (not a hash change, which asks before replacing the scenario).
  await page.goto('about:blank');
  await page.goto(url);
  const table = page.getByRole('table', { name: 'Positions' });
  await expect(table.getByRole('rowheader', { name: 'P0USDT', exact: true })).toBeVisible();
  // The whole table's row count (positions and the header), and only some rows in the DOM.
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  const rendered = await table.getByRole('row').count();
  expect(rendered).toBeLessThan(COUNT / 2);
  await expect(
    table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'P3USDT', exact: true }) }),
  ).toHaveAttribute('aria-rowindex', '5');

  // Keyboard: Tab from one [Edit] to the next goes on past the rows first rendered.
  await page.getByRole('button', { name: 'Edit margin for P0USDT Long' }).focus();
  for (let i = 1; i <= rendered + 5; i++) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: `Edit margin for P${i}USDT Long` })).toBeFocused();
  }

  // Scrolling to the end brings the last row, with its place in the table.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const last = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `P${COUNT - 1}USDT` }) });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-rowindex', String(COUNT + 1));
  await expect(table.getByRole('rowheader', { name: 'P0USDT', exact: true })).toHaveCount(0);

  // The last row [Edit] opens its dialog; closing it returns focus there.
  const edit = page.getByRole('button', { name: `Edit margin for P${COUNT - 1}USDT Long` });
  await edit.click();
  const dialog = page.getByRole('dialog', { name: 'Adjust Margin' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(edit).toBeFocused();
});
