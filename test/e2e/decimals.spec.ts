import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, dialog, openBtcDialog, openDemo, pauseFeed, row } from './support';

/**
 * Display precision holds from tick to tick: with the dialog open on Remove and then on Add, the
 * feed is stepped 20 times and every figure shown (the limit, the figures before → after, the
 * mark price, and the table's cells of the row) keeps its number of decimals on every tick.
 */

const VIEWPORTS = [
  { name: '1280×800', viewport: { width: 1280, height: 800 } },
  { name: '390×844', viewport: { width: 390, height: 844 } },
  // A 1280×800 laptop at 200 % zoom lays out in 640×400 CSS px.
  { name: '200 % zoom (640×400 CSS px)', viewport: { width: 640, height: 400 } },
] as const;

const TICKS = 20;

/** Fraction digits of a figure written in en ("62,000.10 USDT" → 2, "10×" → 0); null for "—". */
function decimalsOf(text: string): number | null {
  if (!/\d/.test(text)) return null;
  return /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
}

/**
 * Every figure the test follows, by a name, with its text now, read in one go (the figures re-render
 * on every tick): the limit, each figure now and after, the mark price, the BTCUSDT row's cells with digits.
 */
async function figures(page: Page, d: Locator): Promise<Record<string, string>> {
  const inDialog = await d.evaluate((root) => {
    const out: Record<string, string> = {};
    const text = (e: Element | null | undefined) => e?.textContent ?? '';
    out.limit = text(root.querySelector('.amk-limit-line strong'));
    for (const figure of root.querySelectorAll('.amk-figure')) {
      const label = text(figure.querySelector('dt'));
      figure.querySelectorAll('dd .amk-num').forEach((n, j) => {
        out[`${label} ${j === 0 ? 'now' : 'after'}`] = text(n);
      });
    }
    out.mark = text(root.querySelector('.amk-mark .amk-num'));
    return out;
  });
  const cells = await row(page, 'BTCUSDT')
    .getByRole('cell')
    .evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
  cells.forEach((text, i) => {
    if (/\d/.test(text)) inDialog[`table cell ${i}`] = text;
  });
  return inDialog;
}

/** Steps the feed once (its keyboard shortcut: the page behind the modal dialog is inert) and waits for the dialog's mark price to move. */
async function step(page: Page, d: Locator): Promise<void> {
  const mark = d.locator('.amk-mark .amk-num');
  const before = await mark.textContent();
  await page.keyboard.press('Alt+Shift+KeyS');
  await expect(mark).not.toHaveText(before ?? '');
}

/** Opens the dialog in `mode` with a small valid amount (so "after" figures show), then steps 20 times. */
async function followTicks(page: Page, mode: 'Add' | 'Remove'): Promise<Record<string, string>[]> {
  const d = await openBtcDialog(page);
  await d.getByRole('radio', { name: mode }).check();
  await d.getByRole('textbox', { name: 'Amount' }).fill('10');
  await expect(d.getByRole('button', { name: `${mode} 10.00 USDT` })).toBeVisible();
  const seen = [await figures(page, d)];
  for (let i = 0; i < TICKS; i += 1) {
    await step(page, d);
    seen.push(await figures(page, d));
  }
  await d.getByRole('button', { name: 'Close' }).click();
  await expect(dialog(page)).toBeHidden();
  return seen;
}

/** For each figure, the decimals it was shown with on each tick: one count per figure. */
function decimalsByFigure(seen: Record<string, string>[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const key of Object.keys(seen[0]!)) {
    const counts = new Set(seen.map((s) => decimalsOf(s[key] ?? '')).filter((n): n is number => n !== null));
    out[key] = [...counts];
  }
  return out;
}

for (const { name, viewport } of VIEWPORTS) {
  test(`every figure keeps its decimals over ${TICKS} ticks, on Remove then Add, at ${name}`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors = collectErrors(page);
    await page.setViewportSize(viewport);
    // Every tick re-renders the figures (no throttle), and a steady trend moves every price on each
    // step by one tick: the exact figures then change in their far decimals (a limit by fractions of a cent).
    await openDemo(page, '/?throttleMs=0');
    await pauseFeed(page);
    await page.getByRole('combobox', { name: 'Trend' }).selectOption({ label: 'Steady down' });
    await page.getByRole('combobox', { name: 'Ticks per step' }).selectOption({ label: '1' });

    for (const mode of ['Remove', 'Add'] as const) {
      const seen = await followTicks(page, mode);
      const first = seen[0]!;
      // The figures the issue names are all there: the limit, margin before → after, liq. price, mark, the row's cells.
      expect(Object.keys(first)).toEqual(
        expect.arrayContaining(['limit', 'Margin now', 'Margin after', 'Est. liq. price now', 'mark']),
      );
      expect(Object.keys(first).filter((k) => k.startsWith('table cell')).length).toBeGreaterThanOrEqual(3);
      // The values did move (the test would prove nothing on a still price).
      expect(new Set(seen.map((s) => s.mark)).size).toBe(TICKS + 1);
      expect(new Set(seen.map((s) => s.limit)).size).toBeGreaterThan(1);
      const decimals = decimalsByFigure(seen);
      for (const [figure, counts] of Object.entries(decimals)) {
        expect(counts, `${mode}: ${figure} was shown as ${seen.map((s) => s[figure]).join(' | ')}`).toHaveLength(1);
      }
      // USDT in cents, BTCUSDT prices at its 2 decimals.
      expect(decimals.limit).toEqual([2]);
      expect(decimals['Margin now']).toEqual([2]);
      expect(decimals.mark).toEqual([2]);
    }
    expect(errors).toEqual([]);
  });
}
