import { expect, test, type Page } from '@playwright/test';
import { cell, openDemo, pauseFeed } from './support';

// Each row of the positions table is its own grid over one column template (so a row whose price
// moves is laid out alone, and rows off screen are skipped). These checks hold the template to what
// a table promises: columns line up from the header down, and no figure is cut.

interface CellBox {
  left: number;
  right: number;
  fits: boolean;
  text: string;
}

/** Every row's cells (header row first): edges, and whether the content fits the cell. */
async function cellBoxes(page: Page): Promise<CellBox[][]> {
  return page.getByRole('table', { name: 'Positions' }).evaluate((table) =>
    [...table.querySelectorAll('tr')].map((tr) =>
      [...tr.children].map((c) => {
        const r = c.getBoundingClientRect();
        const el = c as HTMLElement;
        return { left: r.left, right: r.right, fits: el.scrollWidth <= el.clientWidth, text: el.textContent ?? '' };
      }),
    ),
  );
}

// 760 px: still a table (its box is over 640 px), narrower than its columns, so it scrolls inside its
// frame. Narrower boxes show cards (test/e2e/mobile-table.spec.ts).
for (const width of [1280, 760]) {
  test(`columns line up from the header down and every figure shows whole, ${width} px wide`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openDemo(page);
    await pauseFeed(page);
    // A price far from the snapshot's: the live PnL and margin grow by digits after the template
    // was made, and their columns must follow.
    const form = page.getByRole('group', { name: 'Mark price', exact: true });
    await expect(form.getByRole('combobox', { name: 'Symbol' })).toHaveValue('BTCUSDT');
    await form.getByRole('textbox', { name: 'New mark price' }).fill('18500000.00');
    await form.getByRole('button', { name: 'Set mark price' }).click();
    await expect(cell(page, 'BTCUSDT', 'pnl')).toHaveText('+9,220,000.00 USDT'); // 0.5 × (18,500,000 − 60,000)
    const rows = await cellBoxes(page);
    expect(rows.length).toBe(9);
    const [header, ...body] = rows;
    expect(header).toHaveLength(9);
    for (const cells of body) {
      expect(cells).toHaveLength(9);
      cells.forEach((c, i) => {
        expect.soft(Math.abs(c.left - header![i]!.left), `column ${i} of "${cells[0]!.text}"`).toBeLessThan(0.5);
        expect.soft(Math.abs(c.right - header![i]!.right), `column ${i} of "${cells[0]!.text}"`).toBeLessThan(0.5);
        expect.soft(c.fits, `"${c.text}" fits its cell`).toBe(true);
      });
    }
    for (const [i, h] of header!.entries()) expect.soft(h.fits, `header ${i} "${h.text}" fits`).toBe(true);
    const wrap = page.locator('.amk-table-wrap');
    const scrolls = await wrap.evaluate((w) => w.scrollWidth > w.clientWidth);
    // Wide enough for the table: no sideways scroll. Narrower: the table scrolls sideways inside its
    // frame, and each row (its border included) spans the whole table.
    expect(scrolls).toBe(width < 1000);
    const widths = await page
      .getByRole('table', { name: 'Positions' })
      .evaluate((t) => [
        t.getBoundingClientRect().width,
        ...[...t.querySelectorAll('tr')].map((r) => r.getBoundingClientRect().width),
      ]);
    for (const w of widths.slice(1)) expect(Math.abs(w - widths[0]!)).toBeLessThan(0.5);
  });
}
