import { expect, test, type Locator, type Page } from '@playwright/test';
import { BTC_LONG_EDIT, CONFIRM, injectFailure, openBtcDialog, openDemo } from './support';

/** Where the dialog is a bottom sheet: a phone, and a 1280×800 laptop at 200 % zoom (640×400 CSS px). */
const SHEETS = [
  { name: '390×844 phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: '200 % zoom (1280×800)', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
];

/** Whether the element's box lies wholly inside the viewport: seen without scrolling anything. */
async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const viewport = page.viewportSize()!;
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      if (!box) return 'not rendered';
      const inside =
        box.x >= -0.5 &&
        box.y >= -0.5 &&
        box.x + box.width <= viewport.width + 0.5 &&
        box.y + box.height <= viewport.height + 0.5;
      return inside ? 'inside' : `outside: ${JSON.stringify(box)} in ${viewport.width}×${viewport.height}`;
    })
    .toBe('inside');
}

/** Scrolls the sheet's body to its start or its end (the sheet, not the page, scrolls). */
async function scrollSheet(dialog: Locator, to: 'start' | 'end'): Promise<void> {
  await dialog.evaluate((el, end) => {
    el.scrollTop = end ? el.scrollHeight : 0;
  }, to === 'end');
}

for (const size of SHEETS) {
  test.describe(`the dialog as a bottom sheet at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test('opened from the table: a sheet on the bottom edge, Confirm in view, named and described, focus kept', async ({
      page,
    }) => {
      await openDemo(page);
      const d = await openBtcDialog(page);
      await expect(d).toHaveAccessibleDescription('BTCUSDT Long · isolated · 10×');
      // Full width, on the viewport's bottom edge, at most 90 % of its height.
      const box = (await d.boundingBox())!;
      expect(box.x).toBeCloseTo(0, 0);
      expect(box.width).toBeCloseTo(size.viewport.width, 0);
      expect(box.y + box.height).toBeCloseTo(size.viewport.height, 0);
      expect(box.height).toBeLessThanOrEqual(size.viewport.height * 0.9 + 1);
      // Focus goes to the amount, as on a wide screen; Confirm is in view at either end of the body.
      await expect(d.getByRole('textbox', { name: 'Amount' })).toBeFocused();
      await expectInViewport(page, d.getByRole('button', { name: CONFIRM }));
      await scrollSheet(d, 'end');
      await expectInViewport(page, d.getByRole('button', { name: CONFIRM }));
      // Tab stays inside the sheet, Esc closes it, and focus goes back to Edit.
      for (let i = 0; i < 25; i += 1) await page.keyboard.press('Tab');
      expect(await d.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await expect(d).toBeHidden();
      await expect(page.getByRole('button', { name: BTC_LONG_EDIT })).toBeFocused();
    });

    test('an over-limit amount: its error stays beside Confirm, both in view, wherever the body is scrolled', async ({
      page,
    }) => {
      await openDemo(page);
      const d = await openBtcDialog(page);
      const amount = d.getByRole('textbox', { name: 'Amount' });
      await amount.fill('99999999');
      await expect(amount).toHaveAttribute('aria-invalid', 'true');
      // The field is described by its error (the limit moves with the price: read it by its start).
      await expect(amount).toHaveAccessibleDescription(/^Enter at most /);
      const confirm = d.getByRole('button', { name: CONFIRM });
      await expect(confirm).toHaveAttribute('aria-disabled', 'true');
      for (const to of ['end', 'start'] as const) {
        await scrollSheet(d, to);
        await expectInViewport(page, confirm);
        // Its copy right above Confirm (drawn by CSS from an attribute, hidden from assistive tech).
        const copy = d.locator('[data-text^="Enter at most "]');
        await expect(copy).toBeVisible();
        await expectInViewport(page, copy);
      }
    });

    test('a successful Add shows its receipt inside the viewport', async ({ page }) => {
      await openDemo(page);
      const d = await openBtcDialog(page);
      await d.getByRole('textbox', { name: 'Amount' }).fill('10');
      await scrollSheet(d, 'end');
      await d.getByRole('button', { name: CONFIRM }).click();
      const receipt = d.getByRole('status').filter({ hasText: /^Added 10\.00 USDT to BTCUSDT Long/ });
      await expect(receipt).toBeVisible();
      await expectInViewport(page, receipt);
      await expectInViewport(page, d.getByRole('button', { name: 'Done' }));
      await expect(d.getByRole('button', { name: 'Done' })).toBeFocused();
    });

    test('a failure shows inside the viewport, beside Confirm', async ({ page }) => {
      await openDemo(page);
      await injectFailure(page, '-4051');
      const d = await openBtcDialog(page);
      await d.getByRole('textbox', { name: 'Amount' }).fill('10');
      await d.getByRole('button', { name: CONFIRM }).click();
      const failure = d.getByRole('alert').filter({ hasText: /not adjusted/ });
      await expect(failure).toBeVisible();
      await expectInViewport(page, failure);
      await expectInViewport(page, d.getByRole('button', { name: CONFIRM }));
    });
  });
}

for (const size of [
  { name: '320 px', viewport: { width: 320, height: 700 }, deviceScaleFactor: 2 },
  { name: '200 % zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
]) {
  test.describe(`the dialog reflows at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test('no horizontal scrolling, and every control lies across the viewport', async ({ page }) => {
      await openDemo(page);
      const d = await openBtcDialog(page);
      const overflow = () =>
        d.evaluate((el) => ({
          page: document.documentElement.scrollWidth - window.innerWidth,
          sheet: el.scrollWidth - el.clientWidth,
        }));
      expect(await overflow()).toEqual({ page: 0, sheet: 0 });
      const controls = [
        d.getByRole('radio', { name: 'Add' }),
        d.getByRole('radio', { name: 'Remove' }),
        d.getByRole('textbox', { name: 'Amount' }),
        ...['25%', '50%', '75%', 'Max'].map((name) => d.getByRole('button', { name, exact: true })),
        d.getByRole('slider'),
        d.getByText('Effective leverage'),
        d.getByRole('img', { name: /^Price ladder:/ }),
      ];
      for (const control of controls) {
        await control.scrollIntoViewIfNeeded();
        await expectInViewport(page, control);
      }
      // Over the limit, the longest error and its Use max still fit.
      await d.getByRole('textbox', { name: 'Amount' }).fill('99999999');
      await expectInViewport(page, d.getByRole('button', { name: 'Use max' }));
      expect(await overflow()).toEqual({ page: 0, sheet: 0 });
    });
  });
}
