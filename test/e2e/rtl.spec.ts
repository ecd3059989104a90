import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDemo, pauseFeed, row } from './support';

// axe over the whole page is slow on a loaded machine.
test.describe.configure({ timeout: 120_000 });

/** The demo in Arabic: the Language switch of Appearance. */
async function arabic(page: Page): Promise<void> {
  await openDemo(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(page.getByRole('table', { name: 'المراكز' })).toBeVisible();
}

const EDIT_BTC_LONG = 'تعديل هامش BTCUSDT طويل';
const dialog = (page: Page) => page.getByRole('dialog', { name: 'تعديل الهامش' });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return { left: b.x, right: b.x + b.width, center: b.x + b.width / 2 };
}

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
  }));
}

test('Arabic: the table, the dialog and its amount field are mirrored, and Add works by Arabic names', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await arabic(page);
  await pauseFeed(page);
  const table = page.getByRole('table', { name: 'المراكز' });
  await expect(page.locator('.amk-positions, .amk-table-wrap').first()).toHaveAttribute('dir', 'rtl');

  // The first column (symbol) is on the right, the side column to its left.
  const btc = row(page, 'BTCUSDT');
  const symbol = await box(btc.getByRole('rowheader'));
  const side = await box(btc.getByRole('cell').first());
  const tableBox = await box(table);
  expect(symbol.left).toBeGreaterThan(side.right - 1);
  expect(tableBox.right - symbol.right).toBeLessThan(40);
  const symbolHeader = await box(table.getByRole('columnheader', { name: 'الرمز' }));
  expect(symbolHeader.center).toBeGreaterThan(tableBox.center);

  await page.getByRole('button', { name: EDIT_BTC_LONG }).click();
  const d = dialog(page);
  await expect(d).toBeVisible();
  await expect(d).toHaveAttribute('dir', 'rtl');
  const panel = await box(d);
  // The close button is on the left, the title on the right.
  const close = await box(d.getByRole('button', { name: 'إغلاق' }));
  expect(close.center).toBeLessThan(panel.center);
  const title = await box(d.getByRole('heading', { name: 'تعديل الهامش' }));
  expect(title.right).toBeGreaterThan(panel.center);

  // The amount field: its unit inside the field on the left (the text starts on the right), Max at the left end.
  const amount = d.getByRole('textbox', { name: 'المبلغ' });
  const field = d.locator('.amk-field').filter({ has: page.getByRole('textbox', { name: 'المبلغ' }) });
  const input = await box(amount);
  const unit = await box(field.locator('.amk-suffix'));
  await expect(field.locator('.amk-suffix')).toHaveText('USDT');
  expect(unit.center).toBeLessThan(input.center);
  const max = await box(d.getByRole('button', { name: 'الحد الأقصى' }));
  const quarter = await box(d.getByRole('button', { name: '25%' }));
  expect(max.center).toBeLessThan(quarter.center);

  // Add 100 USDT through the Arabic names.
  await expect(d.getByRole('radio', { name: 'إضافة' })).toBeChecked();
  await amount.fill('100');
  const confirm = d.getByRole('button', { name: /^إضافة 100(\.00)? USDT$/ });
  await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
  // "before → after" reads from the right: the margin now on the right, after it on the left.
  const margin = d.locator('.amk-figure').filter({ has: page.getByText('الهامش', { exact: true }) });
  const now = await box(margin.locator('.amk-num').first());
  const next = await box(margin.locator('.amk-next'));
  expect(next.right).toBeLessThan(now.left);
  await confirm.click();
  await expect(d.getByRole('status').filter({ hasText: /^تمت إضافة 100(\.00)? USDT إلى BTCUSDT طويل/ })).toBeVisible();
  const done = d.getByRole('button', { name: 'تم' });
  await expect(done).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(d).toBeHidden();
});

test('Arabic: Remove → Max fills an amount the field accepts, and Confirm is enabled with it', async ({ page }) => {
  await arabic(page);
  await pauseFeed(page);
  await page.getByRole('button', { name: EDIT_BTC_LONG }).click();
  const d = dialog(page);
  await d.getByRole('radio', { name: 'إزالة' }).check();
  await d.getByRole('button', { name: 'الحد الأقصى' }).click();
  const amount = d.getByRole('textbox', { name: 'المبلغ' });
  await expect(amount).toHaveValue(/^\d+(\.\d+)?$/);
  await expect(amount).toHaveAttribute('aria-invalid', 'false');
  await expect(d.getByRole('button', { name: /^إزالة \S+ USDT$/ })).not.toHaveAttribute('aria-disabled', 'true');
});

for (const theme of ['dark', 'light'] as const) {
  test(`axe (ar, ${theme}): the page and the open dialog (Add and Remove) have no violations`, async ({ page }) => {
    await arabic(page);
    if (theme === 'light') await page.getByRole('radio', { name: 'Light' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-amk-theme', theme);
    expect(await violations(page), 'page').toEqual([]);
    await page.getByRole('button', { name: EDIT_BTC_LONG }).click();
    const d = dialog(page);
    await d.getByRole('textbox', { name: 'المبلغ' }).fill('1');
    await expect(d.getByRole('button', { name: /^إضافة 1(\.00)? USDT$/ })).not.toHaveAttribute('aria-disabled', 'true');
    expect(await violations(page), 'Add').toEqual([]);
    await d.getByRole('radio', { name: 'إزالة' }).check();
    await d.getByRole('button', { name: 'لماذا؟' }).click();
    expect(await violations(page), 'Remove').toEqual([]);
  });
}

test('the language is kept in the scenario link: a reload shows the page in Arabic again', async ({ page }) => {
  await arabic(page);
  await expect(page).toHaveURL(/#scenario=[\w-]+$/);
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('ar');
  await expect(page.getByRole('table', { name: 'المراكز' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Number locale' })).toHaveValue('ar');
});

for (const size of [
  { name: '390×844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: '200 % zoom (640×400 CSS px)', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
]) {
  test.describe(`Arabic at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test('the cards and the bottom sheet are mirrored, and Edit and Confirm are in view', async ({ page }) => {
      await arabic(page);
      await pauseFeed(page);
      const table = page.getByRole('table', { name: 'المراكز' });
      const btc = row(page, 'BTCUSDT');
      await btc.scrollIntoViewIfNeeded();
      // A card: the symbol at its right edge, the first field (side) in the right-hand column.
      const card = await box(btc);
      const symbol = await box(btc.getByRole('rowheader'));
      const side = await box(btc.getByRole('cell').first());
      expect(card.right - symbol.right).toBeLessThan(40);
      expect(side.center).toBeGreaterThan(card.center);
      const tableBox = await box(table);
      expect(tableBox.right).toBeLessThanOrEqual(size.viewport.width + 0.5);

      await page.getByRole('button', { name: EDIT_BTC_LONG }).click();
      const d = dialog(page);
      await expect(d).toHaveAttribute('dir', 'rtl');
      const panel = await box(d);
      expect(panel.left).toBeLessThan(1);
      expect(panel.right).toBeGreaterThan(size.viewport.width - 1);
      const close = await box(d.getByRole('button', { name: 'إغلاق' }));
      expect(close.center).toBeLessThan(panel.center);
      const title = await box(d.getByRole('heading', { name: 'تعديل الهامش' }));
      expect(title.right).toBeGreaterThan(panel.center);
      const max = await box(d.getByRole('button', { name: 'الحد الأقصى' }));
      const quarter = await box(d.getByRole('button', { name: '25%' }));
      expect(max.center).toBeLessThan(quarter.center);
      await d.getByRole('textbox', { name: 'المبلغ' }).fill('100');
      const confirm = await d.getByRole('button', { name: /^إضافة 100(\.00)? USDT$/ }).boundingBox();
      expect(confirm).not.toBeNull();
      expect(confirm!.y + confirm!.height).toBeLessThanOrEqual(size.viewport.height + 0.5);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.viewport.width);
    });
  });
}
