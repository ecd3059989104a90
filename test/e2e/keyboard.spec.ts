import { expect, test, type Page } from '@playwright/test';
import { BTC_LONG_EDIT, closeReceipt, dialog, openBtcDialog, openDemo } from './support';

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

/** Where focus is: in the open dialog, on something else in the page, or outside the page (browser UI). */
const focusPlace = (page: Page) =>
  page.evaluate(() => {
    const open = document.querySelector('dialog[open]');
    const a = document.activeElement;
    if (open && a && open.contains(a)) return 'dialog';
    if (!document.hasFocus()) return 'browser';
    return `page: ${a?.outerHTML.slice(0, 80) ?? 'null'}`;
  });

test('keyboard only: Tab to Edit, Enter opens, type, arrows switch mode, Enter confirms, Esc closes', async ({
  page,
}) => {
  await openDemo(page);
  const edit = page.getByRole('button', { name: BTC_LONG_EDIT });

  // Tab from the top of the page to the first Edit button.
  for (let i = 0; i < 20 && !BTC_LONG_EDIT.test(await focusedLabel(page)); i += 1) await page.keyboard.press('Tab');
  await expect(edit).toBeFocused();

  // Enter opens; focus in Amount.
  await page.keyboard.press('Enter');
  const d = dialog(page);
  await expect(d).toBeVisible();
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await expect(amount).toBeFocused();
  await page.keyboard.type('15');

  // Shift+Tab to the mode radios, an arrow key switches to Remove, Tab back to Amount.
  await page.keyboard.press('Shift+Tab');
  await expect(d.getByRole('radio', { name: 'Add' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(d.getByRole('radio', { name: 'Remove' })).toBeChecked();
  await expect(d.getByRole('radio', { name: 'Remove' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(amount).toBeFocused();
  await expect(amount).toHaveValue('15');
  await expect(d.getByText(/^Max removable:/)).toBeVisible();

  // Enter confirms; the dialog closes and focus returns to Edit.
  await page.keyboard.press('Enter');
  await closeReceipt(page, /^Removed 15\.00 USDT from BTCUSDT Long/);
  await expect(edit).toBeFocused();

  // Enter opens it again, Esc closes it, focus returns to Edit.
  await page.keyboard.press('Enter');
  await expect(d).toBeVisible();
  await expect(amount).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
  await expect(edit).toBeFocused();
});

test('keyboard: Tab never reaches the page behind the open dialog', async ({ page }) => {
  await openDemo(page);
  const d = await openBtcDialog(page);
  const seen = new Set<string>();
  for (const key of [...Array<string>(36).fill('Tab'), ...Array<string>(18).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    const place = await focusPlace(page);
    expect(place, `${key} moved focus to ${place}`).not.toMatch(/^page/);
    if (place === 'dialog') {
      seen.add(
        await page.evaluate(() => {
          const a = document.activeElement as HTMLElement;
          return `${a.tagName}:${a.getAttribute('aria-label') ?? ''}:${(a as HTMLInputElement).value ?? ''}:${a.textContent ?? ''}`;
        }),
      );
    }
  }
  expect(seen.size).toBeGreaterThanOrEqual(7); // all the way round: Close, radio, Amount, 25%, 50%, 75%, Max
  await expect(d).toBeVisible();
});

test('keyboard: focus never leaves the open dialog (document.activeElement stays inside)', async ({ page }) => {
  await openDemo(page);
  await openBtcDialog(page);
  for (const key of [...Array<string>(36).fill('Tab'), ...Array<string>(18).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await focusPlace(page), `${key} left the dialog`).toBe('dialog');
  }
});
