import { expect, test, type Page } from '@playwright/test';
import { announcement, collectErrors, dialog, openDemo, pauseFeed, requestsSent } from './support';

// Symbols and asset names come from the exchange (or, here, from a shared link): markup or script
// in them must render as plain text, in the table, the dialog, the announcements and the playground.

const SYMBOL = '<img src=x onerror="window.__pwned=1">BTC';
const ASSET = '<script>window.__pwned=2</script>';
const SHORT_SYMBOL = '"><svg onload="window.__pwned=3"></svg>ETH';

interface Scenario {
  state: {
    account: {
      assets: { asset: string; crossWalletBalance: string }[];
      positions: { symbol: string; positionSide: string; marginAsset: string }[];
    };
    markets: Record<string, unknown>;
  };
}

/** The demo's own scenario link, rewritten with hostile names: BTCUSDT Long and ETHUSDT Short. */
async function hostileScenarioUrl(page: Page): Promise<string> {
  await openDemo(page);
  await pauseFeed(page); // writes the scenario into the link
  const url = new URL(page.url());
  const encoded = new URLSearchParams(url.hash.slice(1)).get('scenario')!;
  const scenario = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Scenario;
  const { account, markets } = scenario.state;
  const btc = account.positions.find((p) => p.symbol === 'BTCUSDT' && p.positionSide === 'LONG')!;
  btc.symbol = SYMBOL;
  btc.marginAsset = ASSET;
  markets[SYMBOL] = markets.BTCUSDT;
  account.assets.push({ asset: ASSET, crossWalletBalance: '5000' });
  const eth = account.positions.find((p) => p.symbol === 'ETHUSDT' && p.positionSide === 'SHORT')!;
  eth.symbol = SHORT_SYMBOL;
  markets[SHORT_SYMBOL] = markets.ETHUSDT;
  url.hash = `scenario=${Buffer.from(JSON.stringify(scenario), 'utf8').toString('base64url')}`;
  return url.pathname + url.search + url.hash;
}

/** Nothing the payloads could have created: no img/iframe/object/inline script, no on* attribute. */
function injectedElements(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'iframe', 'object', 'embed'].includes(tag)) found.push(tag);
      if (tag === 'script' && !el.hasAttribute('src')) found.push('inline script');
      for (const a of Array.from(el.attributes)) if (a.name.startsWith('on')) found.push(`${tag}[${a.name}]`);
    }
    return found;
  });
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

test('symbols and asset names with markup render as literal text in the table, dialog and announcement', async ({
  page,
}) => {
  const url = await hostileScenarioUrl(page);
  await page.goto('about:blank');
  const errors = collectErrors(page); // an <img src=x> that rendered would log a failed load
  await page.goto(url);
  const table = page.getByRole('table', { name: 'Positions' });
  await expect(table.getByRole('rowheader', { name: SYMBOL, exact: true })).toBeVisible();
  await expect(page.getByText('The scenario in the link could not be loaded')).toHaveCount(0);

  // The table: the literal names, nothing parsed out of them.
  await expect(table.getByRole('rowheader', { name: SHORT_SYMBOL, exact: true })).toHaveText(SHORT_SYMBOL);
  const btcRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: SYMBOL, exact: true }) });
  await expect(btcRow.getByRole('rowheader')).toHaveText(SYMBOL);
  await expect(btcRow).toContainText(ASSET); // the margin and PnL cells carry the asset name
  expect(await table.locator('img, script, svg:not([aria-hidden="true"])').count()).toBe(0);

  // The dialog: title line, amount suffix and the limit lines.
  await page.getByRole('button', { name: `Edit margin for ${SYMBOL} Long`, exact: true }).click();
  const d = dialog(page);
  await expect(d).toBeVisible();
  await expect(d.locator('.amk-symbol')).toHaveText(SYMBOL);
  await expect(d.getByText(/^Max addable:/)).toContainText(ASSET);
  await d.getByRole('textbox', { name: 'Amount' }).fill('10');
  await expect(d.locator('.amk-suffix')).toHaveText(ASSET);
  expect(await d.locator('img, script').count()).toBe(0);
  await d.getByRole('button', { name: 'Confirm' }).click();
  await expect(d).toBeHidden();
  await expect(announcement(page, /^Added 10 /)).toHaveText(`Added 10 ${ASSET} to ${SYMBOL}.`);
  expect(await requestsSent(page)).toBe(1);

  // The playground lists them as text too (position and symbol pickers, wallet label).
  await expect(page.getByRole('combobox', { name: 'Position', exact: true })).toContainText(`${SYMBOL} Long`);
  await expect(page.getByRole('textbox', { name: `${ASSET} cross wallet`, exact: true })).toBeVisible();

  await page.waitForTimeout(300); // an error event of a stray <img> fires asynchronously
  expect(await injectedElements(page)).toEqual([]);
  expect(await pwned(page)).toBeUndefined();
  expect(errors).toEqual([]);
});
