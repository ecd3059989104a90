import { expect, test, type Page } from '@playwright/test';
import { cell, openDemo } from './support';

// Live figures re-render at most once per `throttleMs` (MarginSourceProvider; the demo takes
// `?throttleMs=`), however fast the feed ticks. Counted on screen: the BTCUSDT mark price, sampled
// on every animation frame for 3 s while the simulated feed walks at 50 Hz.

async function distinctMarksShown(page: Page, seconds: number): Promise<number> {
  await page.getByRole('slider', { name: 'Rate' }).fill('50');
  await expect(page.getByText('Price feed: live, 50 Hz')).toBeVisible();
  // On screen (setting the rate scrolls the page to the slider): only rows on screen are written on every tick.
  await cell(page, 'BTCUSDT', 'mark').scrollIntoViewIfNeeded();
  const mark = await cell(page, 'BTCUSDT', 'mark').elementHandle();
  return page.evaluate(
    ([el, ms]) =>
      new Promise<number>((resolve) => {
        const seen: string[] = [];
        const end = performance.now() + ms;
        const frame = () => {
          const text = el!.textContent ?? '';
          if (seen[seen.length - 1] !== text) seen.push(text);
          if (performance.now() < end) requestAnimationFrame(frame);
          else resolve(seen.length);
        };
        requestAnimationFrame(frame);
      }),
    [mark, seconds * 1000] as const,
  );
}

test('at ?throttleMs=1000 a 50 Hz feed changes the shown price at most about once a second', async ({ page }) => {
  await openDemo(page, '/?throttleMs=1000');
  const shown = await distinctMarksShown(page, 3);
  // 3 s at one render a second: the price in place at the start, then at most 4 changes.
  expect(shown).toBeGreaterThanOrEqual(2);
  expect(shown).toBeLessThanOrEqual(5);
});

test('at the default (200 ms) the same feed is shown about five times a second', async ({ page }) => {
  await openDemo(page);
  const shown = await distinctMarksShown(page, 3);
  // At most 5 renders a second (plus the start); a walk step of 0 ticks leaves a few equal.
  expect(shown).toBeGreaterThanOrEqual(8);
  expect(shown).toBeLessThanOrEqual(17);
});
