import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dialog, openDemo, pauseFeed } from './support';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const theme of ['dark', 'light'] as const) {
  test(`axe (${theme}): the stale dialog (dimmed figures) and the removal warning have no violations`, async ({
    page,
  }) => {
    await openDemo(page);
    await pauseFeed(page);
    if (theme === 'light') await page.getByRole('radio', { name: 'Light' }).check();
    await page.getByRole('checkbox', { name: 'Feed outage (reconnecting)' }).check();

    await page.getByRole('button', { name: 'Edit margin for BTCUSDT Long' }).click();
    const d = dialog(page);
    await d.getByRole('radio', { name: 'Remove' }).check();
    await d.getByRole('textbox', { name: 'Amount' }).fill('100');
    await expect(d.getByRole('status').filter({ hasText: /^Stale: the price feed is reconnecting/ })).toBeVisible();
    expect(await violations(page), 'stale').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(d).toBeHidden();

    await page.keyboard.press('Alt+Shift+O'); // the feed back live
    await page.getByRole('button', { name: 'Edit margin for ETHUSDT Long' }).click();
    await d.getByRole('radio', { name: 'Remove' }).check();
    await d.getByRole('button', { name: 'Max' }).click();
    await expect(d.getByRole('checkbox', { name: /^I understand/ })).toBeVisible();
    expect(await violations(page), 'removal warning').toEqual([]);
  });
}
