import { expect, test, type Page } from '@playwright/test';
import crafted from '../fixtures/hostile-links.json' with { type: 'json' };
import { BTC_LONG_EDIT, cell, collectErrors, openDemo } from './support';
import { defaultScenarioJson, hashOfJson, loadBanner, scenarioHash, type ScenarioJson } from './scenarioLink';

// The crafted links of issue 16 (test/fixtures/hostile-links.json), each opened in a fresh page:
// a link the demo refuses gets a banner with a sentence of the demo's own and at most ~40 escaped
// characters of the bad value, and the default scenario; a link it applies shows no banner; a link
// the kit owns (its snapshot check) must not blank the page. Every page keeps working.

type Value = unknown;
interface Edit {
  set?: (string | number)[];
  value?: Value;
  renameMarket?: string;
  to?: Value;
  addMarkets?: number;
  nest?: number;
  raw?: Value;
  json?: string;
}
interface Crafted {
  name: string;
  issue: string;
  edit: Edit;
  expect: { result: 'refused' | 'applied' | 'kit'; says?: string; quotes?: string; absent?: string };
}

/** A fixture value: JSON as it is, or built: {repeat, times}, {concat: [...]}. */
function build(v: Value): Value {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as { repeat?: string; times?: number; concat?: Value[] };
  if (o.repeat !== undefined) return o.repeat.repeat(o.times!);
  if (o.concat !== undefined) return o.concat.map(build).join('');
  return v;
}

/** Replaces `from` by `to` as an own key of `o`, in place in the key order ("__proto__" stays a key). */
function renameKey(o: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k === from ? to : k, v]));
}

/** The #scenario= hash of a crafted link, from the demo's own default scenario. */
function hashOf(base: ScenarioJson, edit: Edit): string {
  if (edit.raw !== undefined) return `#scenario=${build(edit.raw) as string}`;
  if (edit.json !== undefined) return hashOfJson(edit.json);
  const s = structuredClone(base);
  const state = s.state as Record<string, unknown>;
  const account = state.account as { positions: Record<string, unknown>[] };
  if (edit.set) {
    let target: Record<string | number, unknown> = s;
    for (const key of edit.set.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[edit.set.at(-1)!] = build(edit.value);
  }
  if (edit.renameMarket !== undefined) {
    const to = build(edit.to) as string;
    state.markets = renameKey(state.markets as Record<string, unknown>, edit.renameMarket, to);
    for (const p of account.positions) if (p.symbol === edit.renameMarket) p.symbol = to;
  }
  if (edit.addMarkets !== undefined) {
    const markets = state.markets as Record<string, unknown>;
    for (let i = 0; i < edit.addMarkets; i++) {
      markets[`I${i}`] = { markPrice: '1', pricePrecision: 0, maxStepTicks: 1 };
    }
  }
  if (edit.nest !== undefined) {
    const deep = `${'{"x":'.repeat(edit.nest)}"leaf"${'}'.repeat(edit.nest)}`;
    return hashOfJson(JSON.stringify(s).replace('"positions":[{', `"extra":${deep},"positions":[{"extra":${deep},`));
  }
  return scenarioHash(s);
}

/** Controls, bidi controls and other format characters: the banner shows none of them raw. */
const RAW_UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** What a raw JavaScript error would show. */
const RAW_ERROR = /TypeError|RangeError|SyntaxError|Cannot read|is not a function|undefined|Invalid simulated state/;

/** The page is not blank and the demo works: the table, the playground, the feed button answers. */
async function expectWorkingPage(page: Page): Promise<void> {
  await expect(page.getByText('Part of the demo page could not be shown.')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Positions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Playground' })).toBeVisible();
  const feed = page.getByRole('button', { name: /^(Pause|Resume) feed$/ });
  const before = await feed.textContent();
  await feed.click();
  await expect(feed).not.toHaveText(before!);
}

let base: ScenarioJson;
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  base = await defaultScenarioJson(page);
  await page.close();
});

for (const link of crafted.links as Crafted[]) {
  test(`crafted link, ${link.expect.result}: ${link.name}`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(`/${hashOf(base, link.edit)}`);
    const banner = loadBanner(page);
    if (link.expect.result === 'refused') {
      await expect(banner).toBeVisible();
      const text = (await banner.locator('p').textContent())!;
      const quote = link.expect.quotes === undefined ? '' : `: “${link.expect.quotes}”`;
      expect(text).toBe(
        `The scenario in the link could not be loaded: ${link.expect.says}${quote}. Showing the default scenario.`,
      );
      expect(text).not.toMatch(RAW_UNSAFE);
      expect(text).not.toMatch(RAW_ERROR);
      if (link.expect.absent) expect(text).not.toContain(link.expect.absent);
      // The default scenario, live.
      await expect(page.getByRole('button', { name: BTC_LONG_EDIT })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'USDT cross wallet' })).toHaveValue('10000');
    } else if (link.expect.result === 'applied') {
      await expect(page.getByRole('button', { name: BTC_LONG_EDIT })).toBeVisible();
      await expect(banner).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Resume feed' })).toBeVisible(); // the link's own "paused"
    } else {
      await expect(page.getByRole('heading', { name: 'Account', exact: true })).toBeVisible();
    }
    await expectWorkingPage(page);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    if (link.expect.result !== 'kit') expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
}

test('?throttleMs=99999 is capped at 5000 ms: a 50 Hz feed still shows a new price within 7 s', async ({ page }) => {
  const scenario = structuredClone(base);
  Object.assign(scenario, { running: true });
  (scenario.state as Record<string, unknown>).rateHz = 50;
  await openDemo(page, `/?throttleMs=99999${scenarioHash(scenario)}`);
  const mark = cell(page, 'BTCUSDT', 'mark');
  const first = await mark.textContent();
  // Uncapped, the price on screen would hold for 100 s; BTCUSDT moves up to 1000 ticks per step.
  await expect(mark).not.toHaveText(first!, { timeout: 7000 });
});
