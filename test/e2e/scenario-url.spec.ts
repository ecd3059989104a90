import { expect, test, type Browser, type Page } from '@playwright/test';
import { defaultScenarioJson, loadBanner, scenarioHash, scenarioOf } from './scenarioLink';
import { amountOf, cell, collectErrors, openDemo } from './support';

test('the scenario lives in the URL: an edit survives a reload', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Pause feed' }).click();
  await expect(page).toHaveURL(/#scenario=[\w-]+$/);

  const position = page.getByRole('group', { name: 'Position', exact: true });
  await position.getByRole('combobox', { name: 'Position' }).selectOption({ label: 'BTCUSDT Long · isolated' });
  await position.getByRole('textbox', { name: 'Isolated wallet' }).fill('4321.5');
  await position.getByRole('button', { name: 'Apply to position' }).click();
  await page.getByRole('radio', { name: 'Light' }).check();
  const margin = amountOf(await cell(page, 'BTCUSDT', 'margin').textContent());
  await page.getByRole('combobox', { name: 'Number locale' }).selectOption('de');
  const url = page.url();
  expect(url).toMatch(/#scenario=[\w-]+$/);

  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Resume feed' })).toBeVisible(); // still paused
  await expect(page.getByRole('textbox', { name: 'Isolated wallet' })).toHaveValue('4321.5');
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-amk-theme', 'light');
  await expect(page.getByRole('combobox', { name: 'Number locale' })).toHaveValue('de');
  // The same margin, now in German number format (paused, so the mark price is the same).
  const format = new Intl.NumberFormat('de', { minimumFractionDigits: 2, maximumFractionDigits: 8 })
    .format as unknown as (v: string) => string;
  const de = format(margin.toFixed());
  await expect(cell(page, 'BTCUSDT', 'margin')).toHaveText(`${de} USDT`);
});

test('a broken scenario link falls back to the default scenario with a note', async ({ page }) => {
  await page.goto('/#scenario=not-a-scenario');
  await expect(
    page.getByRole('alert').filter({ hasText: 'The scenario in the link could not be loaded' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Edit margin for BTCUSDT/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'USDT cross wallet' })).toHaveValue('10000');
});

// A link opened in the same tab (pasted into the address bar, or Back/Forward): `hashchange`.

/** The default scenario's link with the USDT cross wallet set to `usdt`, light theme, paused. */
async function otherScenarioHash(browser: Browser, usdt: string): Promise<string> {
  const page = await browser.newPage();
  const s = await defaultScenarioJson(page);
  await page.close();
  const state = s.state as { account: { assets: { asset: string; crossWalletBalance: string }[] } };
  state.account.assets.find((a) => a.asset === 'USDT')!.crossWalletBalance = usdt;
  return scenarioHash({ ...s, theme: 'light', running: false });
}

const openInTab = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

test('a link opened in the same tab is applied at once when nothing was edited; later edits build on it', async ({
  page,
  browser,
}) => {
  const link = await otherScenarioHash(browser, '4321');
  await openDemo(page);
  await openInTab(page, link);
  await expect(page.getByRole('textbox', { name: 'USDT cross wallet' })).toHaveValue('4321');
  await expect(page.locator('html')).toHaveAttribute('data-amk-theme', 'light');
  await expect(page.getByRole('button', { name: 'Resume feed' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // The next edit writes the new scenario, not the old one, back into the link.
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'USDT cross wallet' })).toHaveValue('4321');
  await expect(page.locator('html')).toHaveAttribute('data-amk-theme', 'dark');
});

test('with edits, a new link asks first: Keep leaves the edits and the link; Open replaces them', async ({
  page,
  browser,
}) => {
  const link = await otherScenarioHash(browser, '7777');
  await openDemo(page);
  const position = page.getByRole('group', { name: 'Position', exact: true });
  await position.getByRole('combobox', { name: 'Position' }).selectOption({ label: 'BTCUSDT Long · isolated' });
  await position.getByRole('textbox', { name: 'Isolated wallet' }).fill('4321.5');
  await position.getByRole('button', { name: 'Apply to position' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'BTCUSDT Long updated.' })).toBeVisible();

  await openInTab(page, link);
  const prompt = page.getByRole('alertdialog', { name: 'Open the new scenario link?' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toHaveAccessibleDescription('It replaces the current scenario and the edits made to it.');
  await expect(prompt.getByRole('button', { name: 'Open the new scenario' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'USDT cross wallet' })).toHaveValue('10000'); // nothing replaced yet

  await prompt.getByRole('button', { name: 'Keep the current scenario' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(position.getByRole('textbox', { name: 'Isolated wallet' })).toHaveValue('4321.5');
  // The address bar holds the current scenario again, edit included.
  const kept = scenarioOf(page.url()).state as { account: { positions: { symbol: string; isolatedWallet: string }[] } };
  expect(kept.account.positions.find((p) => p.symbol === 'BTCUSDT')!.isolatedWallet).toBe('4321.5');

  await openInTab(page, link);
  await prompt.getByRole('button', { name: 'Open the new scenario' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'USDT cross wallet' })).toHaveValue('7777');
  await expect(position.getByRole('textbox', { name: 'Isolated wallet' })).toHaveValue('3000');
  await expect(page.locator('html')).toHaveAttribute('data-amk-theme', 'light');
});

test('a broken link opened later keeps the current scenario, says so, and the link is the current one again', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByRole('radio', { name: 'Light' }).check();
  await openInTab(page, '#scenario=not-a-scenario');
  await expect(loadBanner(page)).toHaveText(
    'The scenario in the link could not be loaded: the link is not a readable scenario. Showing the current scenario.Dismiss',
  );
  await expect(page.locator('html')).toHaveAttribute('data-amk-theme', 'light');
  expect(scenarioOf(page.url()).theme).toBe('light');
});

test('saving works at a path beginning "//": only the hash is replaced, on the same origin', async ({
  page,
  baseURL,
}) => {
  const errors = collectErrors(page);
  await openDemo(page, `${baseURL}//evil.example/demo?staleAfterMs=5000`);
  await page.getByRole('button', { name: 'Pause feed' }).click();
  await expect(page.getByRole('button', { name: 'Resume feed' })).toBeVisible();
  const url = new URL(page.url());
  expect([url.origin, url.pathname, url.search]).toEqual([baseURL, '//evil.example/demo', '?staleAfterMs=5000']);
  expect(scenarioOf(page.url()).running).toBe(false);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^(Link copied|Could not copy)/ })).toBeVisible();
  expect(errors).toEqual([]);
});
