import { expect, test, type Locator, type Page } from '@playwright/test';
import { dialog, openBtcDialog, openDemo, pauseFeed } from './support';

const LIVE = 'Live';
const STALE = 'Stale: no new mark price, the figures may be out of date';
const RECONNECTING = 'Stale: the price feed is reconnecting, the figures may be out of date';
const BLOCKS_REMOVE = 'Removing margin needs a live mark price.';

/** The feed's state line (a status region) in the dialog, and the block of live figures under it. */
function feed(d: Locator) {
  const state = d.getByRole('status').filter({ hasText: /^(Live|Stale: .*)$/ });
  return { state, block: state.locator('xpath=..') };
}

/** The dialog's Confirm button, whatever action and amount it names. */
function confirmButton(d: Locator): Locator {
  return d.getByRole('button', { name: /^(Confirm|Add|Remove)\b/ });
}

/** Every age readout in the dialog ("updated 3 s ago", "12 s old", "just now"). */
async function ageReadouts(d: Locator): Promise<string[]> {
  return ((await d.textContent()) ?? '').match(/\d+ s (ago|old)|just now/g) ?? [];
}

/** The colour of the Margin row's value and of its label ("Margin" before → after). */
async function marginColours(d: Locator) {
  const row = d.getByRole('definition').first();
  const term = d.getByRole('term').first();
  const colour = (l: Locator) => l.evaluate((el) => getComputedStyle(el).color);
  return { value: await colour(row), label: await colour(term) };
}

async function expectDimmed(d: Locator, dimmed: boolean) {
  const { block } = feed(d);
  const ladder = d.getByRole('img', { name: /^Price ladder:/ }).locator('xpath=..');
  if (dimmed) {
    await expect(block).toHaveAttribute('data-stale', 'true');
    await expect(block).toHaveCSS('outline-style', 'dashed');
    await expect(ladder).not.toHaveCSS('opacity', '1');
    // The figures take the muted colour of their labels.
    const c = await marginColours(d);
    expect(c.value).toBe(c.label);
  } else {
    await expect(block).not.toHaveAttribute('data-stale');
    await expect(block).toHaveCSS('outline-style', 'none');
    await expect(ladder).toHaveCSS('opacity', '1');
    const c = await marginColours(d);
    expect(c.value).not.toBe(c.label);
  }
  // The limit line, the figures and the ladder are all inside the block that is dimmed.
  await expect(block.getByText(/^Max (addable|removable):/)).toBeVisible();
  await expect(block.getByRole('term').first()).toBeVisible();
  await expect(block.getByRole('img', { name: /^Price ladder:/ })).toBeVisible();
}

async function openRemove10(page: Page): Promise<Locator> {
  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: 'Remove' }).check();
  await d.getByRole('textbox', { name: 'Amount' }).fill('10');
  return d;
}

test('no tick for staleAfterMs: "Stale: no new mark price", dimmed, one age readout; Remove blocked, Add works', async ({
  page,
}) => {
  await openDemo(page, '/?staleAfterMs=2000');
  await pauseFeed(page);
  const d = await openRemove10(page);
  await expect(feed(d).state).toHaveText(STALE, { timeout: 5_000 });
  await expectDimmed(d, true);
  expect(await ageReadouts(d)).toHaveLength(1);
  const reason = d.getByText(BLOCKS_REMOVE, { exact: true });
  await expect(reason).toBeVisible();
  const confirm = confirmButton(d);
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await expect(confirm).toHaveAccessibleDescription(BLOCKS_REMOVE);

  await d.getByRole('radio', { name: 'Add' }).check();
  await expect(reason).toBeHidden();
  await expect(d.getByRole('textbox', { name: 'Amount' })).toHaveValue('10');
  await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
  // Still stale (Add is not blocked by it), and still labelled so.
  await expect(feed(d).state).toHaveText(STALE);
});

test('a feed outage while the dialog is open: "Stale: … reconnecting" and dimmed at once; back live undims', async ({
  page,
}) => {
  await openDemo(page);
  const d = await openRemove10(page);
  await expect(feed(d).state).toHaveText(LIVE);
  await expectDimmed(d, false);
  await expect(confirmButton(d)).toBeEnabled();

  // The page is inert behind the modal dialog: the playground's shortcut toggles the outage.
  await page.keyboard.press('Alt+Shift+O');
  await expect(feed(d).state).toHaveText(RECONNECTING);
  await expectDimmed(d, true);
  expect(await ageReadouts(d)).toHaveLength(1);
  await expect(d.getByText(BLOCKS_REMOVE, { exact: true })).toBeVisible();
  await expect(confirmButton(d)).toBeDisabled();

  await page.keyboard.press('Alt+Shift+O');
  await expect(feed(d).state).toHaveText(LIVE);
  await expectDimmed(d, false);
  await expect(d.getByText(BLOCKS_REMOVE, { exact: true })).toBeHidden();
  await expect(confirmButton(d)).toBeEnabled();
  expect(await ageReadouts(d)).toHaveLength(1);
});

test('a feed outage that began before the dialog opened: stale and blocked from the first render', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('checkbox', { name: 'Feed outage (reconnecting)' }).check();

  const d = await openRemove10(page);
  await expect(feed(d).state).toHaveText(RECONNECTING);
  await expectDimmed(d, true);
  await expect(d.getByText(BLOCKS_REMOVE, { exact: true })).toBeVisible();
  await expect(confirmButton(d)).toBeDisabled();
  await expect(dialog(page)).toBeVisible();
});
