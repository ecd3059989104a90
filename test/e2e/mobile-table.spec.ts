import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { announcement, CONFIRM, dialog, openBtcDialog, openDemo, pauseFeed, row } from './support';

// Below 640 px of its own box the positions table shows each position as a card: every Edit
// reachable with no sideways scroll, every field labelled, still a table to assistive technology.
// 200 % zoom of a 1280 × 800 window is a 640 × 400 CSS-px viewport at device scale 2.

const SCREENS = [
  { name: '390 × 844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
  { name: '200 % zoom of 1280 × 800', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  { name: '360 × 740', viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 },
  { name: '320 × 640', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
];

/** Neither the page nor the table's box scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const [page_, box] = await page.evaluate(() => {
    const wrap = document.querySelector('.amk-table-wrap')!;
    return [
      document.documentElement.scrollWidth <= innerWidth && scrollX === 0,
      wrap.scrollWidth <= wrap.clientWidth && wrap.scrollLeft === 0,
    ];
  });
  expect(page_, 'the page does not scroll sideways').toBe(true);
  expect(box, 'the table does not scroll sideways').toBe(true);
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });

    test('every Edit button comes fully into the viewport by scrolling down, never sideways', async ({ page }) => {
      await openDemo(page);
      await pauseFeed(page);
      await expectNoSidewaysScroll(page);
      const edits = page.getByRole('button', { name: /^Edit margin for / });
      // The demo's isolated positions: BTCUSDT Long, ETHUSDT Long and Short, BTCUSD_PERP, ETHUSD_PERP.
      await expect(edits).toHaveCount(5);
      for (const edit of await edits.all()) {
        await edit.scrollIntoViewIfNeeded();
        await expect(edit).toBeInViewport({ ratio: 1 });
        await expectNoSidewaysScroll(page);
      }
    });

    test('a control below the cards stays where it was scrolled to: no card changes height when first drawn', async ({
      page,
    }) => {
      await openDemo(page);
      // Straight past the cards, none of them drawn yet, to the feed's controls below the table: where
      // it lands, read in the same task, before the next frame draws the cards near the screen.
      const pause = page.getByRole('button', { name: /^(Pause|Resume) feed$/ });
      const top = () => pause.evaluate((b) => Math.round(b.getBoundingClientRect().top));
      const landed = await pause.evaluate((b) => {
        b.scrollIntoView({ block: 'center' });
        return Math.round(b.getBoundingClientRect().top);
      });
      // Long enough for those cards to be drawn (a frame or two).
      await page.waitForTimeout(500);
      expect(await top()).toBe(landed);
    });

    test('a card shows its fields under visible labels that screen readers do not hear twice', async ({ page }) => {
      await openDemo(page);
      await pauseFeed(page);
      const btc = row(page, 'BTCUSDT');
      const fields = await btc.evaluate((tr) =>
        [...tr.querySelectorAll<HTMLElement>('td')].map((td) => {
          const label = getComputedStyle(td, '::before');
          return { label: td.dataset.label, before: label.content, shown: label.display !== 'none' };
        }),
      );
      expect(fields.map((f) => f.label)).toEqual([
        'Side',
        'Size',
        'Entry price',
        'Mark price',
        'Liq. price',
        'Margin',
        'Margin mode',
        'Unrealized PnL',
      ]);
      for (const f of fields) {
        // The label is the column's name, with empty alternative text (CSS content "x" / "").
        expect.soft(f.before, f.label).toMatch(new RegExp(`^"${f.label!.replace('.', '\\.')}" / ""$`));
        expect.soft(f.shown, f.label).toBe(true);
      }
      // Still a table: the cell is named by its content alone; the column headers are there, only not seen.
      await expect(btc.getByRole('cell', { name: 'Long · Hedge', exact: true })).toBeVisible();
      await expect(btc.getByRole('cell', { name: '0.5 BTC', exact: true })).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Margin', exact: true })).toHaveCount(1);
      await expect(page.getByRole('rowheader', { name: 'BTCUSD_PERP' })).toBeVisible();
      await expect(row(page, 'BTCUSD_PERP').getByRole('cell', { name: '20 Cont', exact: true })).toBeVisible();
      // A card is narrower than the viewport and its fields sit inside it.
      const inside = await btc.evaluate((tr) => {
        const card = tr.getBoundingClientRect();
        return [...tr.children].every((c) => {
          const r = c.getBoundingClientRect();
          return (
            r.left >= card.left - 0.5 && r.right <= card.right + 0.5 && (c as HTMLElement).scrollWidth <= c.clientWidth
          );
        });
      });
      expect(inside).toBe(true);
    });

    test('an outcome whose dialog was closed shows inside the viewport and is dismissed by keyboard', async ({
      page,
    }) => {
      await openDemo(page);
      await pauseFeed(page);
      await page.getByRole('textbox', { name: 'Latency (ms)' }).fill('3000');
      const d = await openBtcDialog(page);
      await d.getByRole('textbox', { name: 'Amount' }).fill('20');
      await d.getByRole('button', { name: CONFIRM }).click();
      await page.keyboard.press('Escape');
      await expect(dialog(page)).toBeHidden();
      const outcome = announcement(page, /^Added 20\.00 USDT to BTCUSDT Long · margin /);
      await expect(outcome).toBeVisible({ timeout: 10_000 });
      await expect(outcome).toBeInViewport({ ratio: 1 });
      const dismiss = page.getByRole('button', { name: 'Dismiss', exact: true });
      await expect(dismiss).toBeInViewport({ ratio: 1 });
      // Keyboard only: Tab from where focus is until Dismiss, then Enter.
      for (let i = 0; i < 12 && !(await dismiss.evaluate((b) => b === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      await expect(dismiss).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dismiss).toBeHidden();
      await expect(outcome).toBeHidden();
      await expect(page.locator('.amk-positions-outcome')).toHaveCSS('position', 'static');
    });
  });
}

for (const theme of ['dark', 'light'] as const) {
  test(`axe (${theme}, 390 × 844): the cards and the outcome notice have no violations`, async ({ page }) => {
    test.setTimeout(120_000); // two scans on a loaded machine
    await page.setViewportSize({ width: 390, height: 844 });
    await openDemo(page);
    await pauseFeed(page);
    if (theme === 'light') await page.getByRole('radio', { name: 'Light' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-amk-theme', theme);
    const scan = async () =>
      (await new AxeBuilder({ page }).include('.amk-positions').analyze()).violations.map((v) => ({
        id: v.id,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
    expect(await scan(), 'cards').toEqual([]);
    // Long enough that Esc comes while the request is in flight, even on a loaded machine.
    await page.getByRole('textbox', { name: 'Latency (ms)' }).fill('3000');
    const d = await openBtcDialog(page);
    await d.getByRole('textbox', { name: 'Amount' }).fill('20');
    await d.getByRole('button', { name: CONFIRM }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Dismiss', exact: true })).toBeVisible({ timeout: 10_000 });
    expect(await scan(), 'outcome notice').toEqual([]);
  });
}
