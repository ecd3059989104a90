import { expect, test, type Page } from '@playwright/test';
import { defaultScenarioJson, loadBanner, scenarioHash } from './scenarioLink';
import { BTC_LONG_EDIT, collectErrors, openDemo } from './support';

// Markup or script in a shared link's names never runs: the link is refused and the banner quotes
// the name as plain text. And a render fault anywhere in the page is caught by the page root.

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
  const scenario = (await defaultScenarioJson(page)) as unknown as Scenario;
  const { account, markets } = scenario.state;
  const btc = account.positions.find((p) => p.symbol === 'BTCUSDT' && p.positionSide === 'LONG')!;
  btc.symbol = SYMBOL;
  btc.marginAsset = ASSET;
  markets[SYMBOL] = markets.BTCUSDT;
  account.assets.push({ asset: ASSET, crossWalletBalance: '5000' });
  const eth = account.positions.find((p) => p.symbol === 'ETHUSDT' && p.positionSide === 'SHORT')!;
  eth.symbol = SHORT_SYMBOL;
  markets[SHORT_SYMBOL] = markets.ETHUSDT;
  return `/${scenarioHash(scenario)}`;
}

/** Nothing the payloads could have created: no img/iframe/object/svg/inline script, no on* attribute. */
function injectedElements(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'iframe', 'object', 'embed'].includes(tag)) found.push(tag);
      if (tag === 'svg' && el.getAttribute('aria-hidden') !== 'true') found.push('svg');
      if (tag === 'script' && !el.hasAttribute('src')) found.push('inline script');
      for (const a of Array.from(el.attributes)) if (a.name.startsWith('on')) found.push(`${tag}[${a.name}]`);
    }
    return found;
  });
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

test('markup in a link’s names is refused; the banner quotes it as literal text and nothing runs', async ({ page }) => {
  const url = await hostileScenarioUrl(page);
  await page.goto('about:blank');
  const errors = collectErrors(page); // an <img src=x> that rendered would log a failed load
  await page.goto(url);
  const banner = loadBanner(page);
  // Assets are read first: the fourth asset is the <script> name.
  await expect(banner.locator('p')).toHaveText(
    `The scenario in the link could not be loaded: asset 4: asset is not a name (letters, digits, _ - / : . only): “${ASSET}”. Showing the default scenario.`,
  );
  await expect(banner.locator('bdi')).toHaveText(ASSET);
  await expect(page.getByRole('button', { name: BTC_LONG_EDIT })).toBeVisible(); // the default scenario

  await page.waitForTimeout(300); // an error event of a stray <img> fires asynchronously
  expect(await injectedElements(page)).toEqual([]);
  expect(await pwned(page)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('a render fault in the page is caught by its root: a short message, Retry, and the default scenario', async ({
  page,
}) => {
  // A fault the page cannot cause by itself: `trim` throws for one text, typed into a playground
  // field that is checked while it renders. Only this test's page has it.
  await page.addInitScript(() => {
    const trim = String.prototype.trim;
    String.prototype.trim = function (this: string) {
      if (String(this) === 'render-fault') throw new Error('injected render fault');
      return trim.call(this);
    };
  });
  const errors = collectErrors(page);
  await openDemo(page);
  await page.getByRole('button', { name: 'Pause feed' }).click();
  const hash = new URL(page.url()).hash;

  const notice = page.getByRole('alert').filter({ hasText: 'Part of the demo page could not be shown.' });
  await page.getByRole('textbox', { name: 'New mark price' }).fill('render-fault');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveText('Part of the demo page could not be shown.RetryOpen the default scenario');
  await expect(page.getByRole('heading', { name: 'Adjust Margin kit' })).toBeVisible(); // not blank

  // Retry renders the page again, with the scenario as it was (paused).
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: BTC_LONG_EDIT })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume feed' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe(hash);

  // "Open the default scenario" leaves the link: the page loads again, running.
  await page.getByRole('textbox', { name: 'New mark price' }).fill('render-fault');
  await notice.getByRole('button', { name: 'Open the default scenario' }).click();
  await expect(page.getByRole('button', { name: 'Pause feed' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');

  // React reports the caught fault on the console; nothing escaped as an uncaught error.
  expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  expect(errors.some((e) => e.includes('injected render fault'))).toBe(true);
});
