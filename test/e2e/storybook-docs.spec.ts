import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';

// The built Storybook (`npm run build-storybook`, which `npm test` runs first), served statically:
// its Docs pages render, with the components' prop tables, and its sidebar names stories in words.
const OUT = 'storybook-static';
let server: PreviewServer;
let base: string;

test.beforeAll(async () => {
  if (!existsSync(`${OUT}/index.json`)) throw new Error(`No ${OUT}/: run npm run build-storybook first.`);
  server = await preview({
    configFile: false,
    logLevel: 'silent',
    build: { outDir: OUT },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('No port for the Storybook server');
  base = `http://127.0.0.1:${address.port}`;
});

test.afterAll(async () => {
  await server?.close();
});

/** The story preview frame of a Docs page. */
async function docs(page: import('@playwright/test').Page, id: string) {
  await page.goto(`${base}/iframe.html?viewMode=docs&id=${id}`);
  return page.locator('#storybook-docs');
}

test('the dialog has a Docs page with its description, prop table and stories', async ({ page }) => {
  const root = await docs(page, 'adjust-margin-dialog--docs');
  await expect(root.getByRole('heading', { level: 1 })).toHaveText('Dialog');
  const props = root.getByRole('table').filter({ hasText: 'Description' }).first();
  await expect(props).toBeVisible({ timeout: 20_000 });
  for (const prop of ['symbol', 'positionSide', 'onConfirm', 'staleAfterMs']) {
    await expect(props.getByText(prop, { exact: true })).toBeVisible();
  }
  await expect(root.getByRole('heading', { name: 'Add (USDⓈ-M)' })).toBeVisible({ timeout: 20_000 });
});

test('the table has a Docs page with its prop table', async ({ page }) => {
  const root = await docs(page, 'adjust-margin-positions-table--docs');
  const props = root.getByRole('table').filter({ hasText: 'Description' }).first();
  await expect(props).toBeVisible({ timeout: 20_000 });
  await expect(props.getByText('locale', { exact: true }).first()).toBeVisible();
});

test('the usage page renders', async ({ page }) => {
  const root = await docs(page, 'adjust-margin-usage--docs');
  await expect(root.getByRole('heading', { level: 1, name: 'Using adjust-margin-kit' })).toBeVisible();
  await expect(root.getByText('npm install adjust-margin-kit decimal.js')).toBeVisible();
});

test('stories are named in words, and the sidebar has no onboarding checklist', async ({ page }) => {
  await page.goto(`${base}/?path=/story/adjust-margin-dialog--coin-m`);
  const sidebar = page.getByRole('navigation').first();
  await expect(
    page.getByRole('link', { name: 'Remove (COIN-M)' }).or(page.getByText('Remove (COIN-M)')).first(),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Coin M', { exact: true })).toHaveCount(0);
  await expect(sidebar.getByText(/Get started|Onboarding/i)).toHaveCount(0);
});
