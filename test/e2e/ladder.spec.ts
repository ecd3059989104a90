import { expect, test, type Locator, type Page } from '@playwright/test';
import { amountOf, cell, dialog, openBtcDialog, openDemo, pauseFeed, setMark } from './support';

/** A laptop, a phone, and a 1280×800 laptop at 200 % zoom (640×400 CSS px). */
const SIZES = [
  { name: '1280×800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '390×844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: '200 % zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
];

/** Every pair of the ladder's labels whose drawn boxes intersect, and any label outside the ladder. */
async function collisions(ladder: Locator): Promise<string[]> {
  return ladder.evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    const found: string[] = [];
    for (const [i, a] of boxes.entries()) {
      if (a.r.left < frame.left - 0.5 || a.r.right > frame.right + 0.5) found.push(`${a.text} outside the ladder`);
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.r.right <= b.r.left + 0.5 ||
          b.r.right <= a.r.left + 0.5 ||
          a.r.bottom <= b.r.top + 0.5 ||
          b.r.bottom <= a.r.top + 0.5;
        if (!apart) found.push(`${a.text} × ${b.text}`);
      }
    }
    return found;
  });
}

async function ladderWith(page: Page, amount: string): Promise<Locator> {
  const d = await openBtcDialog(page);
  await d.getByRole('textbox', { name: 'Amount' }).fill(amount);
  const ladder = d.getByRole('img', { name: /^Price ladder:/ });
  await expect(ladder.locator('text')).toHaveCount(4);
  return ladder;
}

for (const size of SIZES) {
  test.describe(`the price ladder's labels at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test.beforeEach(async ({ page }) => {
      await openDemo(page);
      await pauseFeed(page);
    });

    test('mark price equal to the entry price, liquidation after next to the one now: no label overlaps', async ({
      page,
    }) => {
      const entry = (await cell(page, 'BTCUSDT', 'entry').textContent())!.replace(/,/g, '');
      await setMark(page, 'BTCUSDT', entry);
      expect(await collisions(await ladderWith(page, '1'))).toEqual([]);
      await expect(dialog(page)).toBeVisible();
    });

    test('mark price next to the liquidation price, both liquidation prices beside it: no label overlaps', async ({
      page,
    }) => {
      const liq = amountOf(await cell(page, 'BTCUSDT', 'liq').textContent());
      await setMark(page, 'BTCUSDT', liq.plus(60).toFixed(2));
      expect(await collisions(await ladderWith(page, '2'))).toEqual([]);
    });
  });
}
