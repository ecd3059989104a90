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

test('a row off screen follows a 50 Hz feed about once a second, its new figures shown in frames that show the rows on screen changing', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 480 });
  await openDemo(page);
  await page.getByRole('slider', { name: 'Rate' }).fill('50');
  await expect(page.getByText('Price feed: live, 50 Hz')).toBeVisible();
  const table = page.getByRole('table', { name: 'Positions' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  // The first position's row just above the viewport, the rows after it on screen.
  const first = await rows.first().elementHandle();
  await page.evaluate((r) => window.scrollBy(0, r!.getBoundingClientRect().bottom + 4), first);
  await expect(rows.nth(1)).toBeInViewport();
  await expect(rows.first()).not.toBeInViewport();
  // Past the scroll's own catch-up, each frame: did the row off screen change, did a row on screen?
  const seen = await page.evaluate(
    ([off, ms]) =>
      new Promise<{ offChanges: number; offAlone: number; onChanges: number }>((resolve) => {
        const body = off!.parentElement!;
        const onScreen = () =>
          [...body.children].filter((r) => {
            const b = r.getBoundingClientRect();
            return r !== off && b.bottom > 0 && b.top < window.innerHeight;
          });
        const texts = () => ({
          off: off!.textContent,
          on: onScreen()
            .map((r) => r.textContent)
            .join('|'),
        });
        let last = texts();
        const counts = { offChanges: 0, offAlone: 0, onChanges: 0 };
        const start = performance.now();
        const frame = () => {
          const now = texts();
          const offChanged = now.off !== last.off;
          const onChanged = now.on !== last.on;
          if (performance.now() - start > 300) {
            if (offChanged) counts.offChanges++;
            if (offChanged && !onChanged) counts.offAlone++;
            if (onChanged) counts.onChanges++;
          }
          last = now;
          if (performance.now() - start < ms + 300) requestAnimationFrame(frame);
          else resolve(counts);
        };
        requestAnimationFrame(frame);
      }),
    [first, 3000] as const,
  );
  // The rows on screen change about 5 times a second (the default throttle); the row off screen
  // about once a second (never left stale), and never in a frame of its own.
  expect(seen.onChanges).toBeGreaterThanOrEqual(8);
  expect(seen.offChanges).toBeGreaterThanOrEqual(2);
  expect(seen.offChanges).toBeLessThanOrEqual(4);
  expect(seen.offAlone).toBe(0);
});
