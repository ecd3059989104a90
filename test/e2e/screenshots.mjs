// Screenshots of the demo page for docs/screenshots/*.png (the README shows demo-dark.png).
// `npx vite build && node test/e2e/screenshots.mjs`: serves dist/ on a free 127.0.0.1 port of its
// own (DEMO_URL points it at a demo served elsewhere instead). The feed is paused and the scenario
// fixed, so shots repeat.
import { mkdirSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const server = process.env.DEMO_URL
  ? null
  : await preview({
      configFile: false,
      logLevel: 'warn',
      preview: { host: '127.0.0.1', port: 0, open: false },
      build: { outDir: 'dist' },
    });
const BASE = process.env.DEMO_URL ?? server?.resolvedUrls?.local?.[0];
if (!BASE) throw new Error('vite preview gave no URL');
const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});

async function page(viewport, theme) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const p = await context.newPage();
  p.on('console', (m) => m.type() === 'error' && console.error('console error:', m.text()));
  await p.goto(BASE);
  await p.getByRole('button', { name: 'Pause feed' }).click();
  if (theme === 'light') await p.getByRole('radio', { name: 'Light' }).check();
  // Three deterministic ticks (the walk is seeded), then back to the top.
  for (let i = 0; i < 3; i += 1) await p.getByRole('button', { name: 'Step' }).click();
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.mouse.move(0, 0);
  await p.getByRole('button', { name: /^Edit margin for BTCUSDT/ }).waitFor();
  return { p, context };
}

async function shot(p, name, options = {}) {
  const path = `${OUT}/${name}.png`;
  await p.screenshot({ path, ...options });
  console.log(`${path}  ${(statSync(path).size / 1024).toFixed(0)} KB`);
}

async function openDialog(p, mode, amount) {
  await p.getByRole('button', { name: /^Edit margin for BTCUSDT/ }).click();
  const dialog = p.getByRole('dialog', { name: 'Adjust Margin' });
  await dialog.getByText(/^Max addable/).waitFor();
  if (mode === 'Remove') await dialog.getByRole('radio', { name: 'Remove' }).check();
  await dialog.getByRole('textbox', { name: 'Amount' }).fill(amount);
  await dialog.getByRole('textbox', { name: 'Amount' }).blur();
  return dialog;
}

// The positions table at the top of the viewport (on a phone the account summary comes first).
const showTable = (p) =>
  p
    .getByRole('table')
    .first()
    .evaluate((table) => table.scrollIntoView({ block: 'start' }));

const desktop = { width: 1280, height: 800 };
for (const theme of ['dark', 'light']) {
  const { p, context } = await page(desktop, theme);
  await shot(p, `demo-${theme}`);
  await openDialog(p, 'Add', '500');
  await shot(p, `dialog-add-${theme}`);
  await p.keyboard.press('Escape');
  await openDialog(p, 'Remove', '250');
  await shot(p, `dialog-remove-${theme}`);
  await context.close();
}

// Phones: the positions as cards, the dialog as a bottom sheet, both themes.
const phone = { width: 390, height: 844 };
for (const theme of ['dark', 'light']) {
  const { p, context } = await page(phone, theme);
  await showTable(p);
  await shot(p, `mobile-cards-${theme}`);
  await openDialog(p, 'Remove', '250');
  await shot(p, `mobile-sheet-${theme}`);
  await context.close();
}

// Arabic: the layout mirrored (right to left), desktop and phone.
for (const viewport of [desktop, phone]) {
  const { p, context } = await page(viewport, 'dark');
  await p.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  const suffix = viewport === desktop ? 'desktop' : 'mobile';
  if (viewport === phone) await showTable(p);
  await shot(p, `rtl-ar-table-${suffix}`);
  await p
    .getByRole('button', { name: /BTCUSDT/ })
    .first()
    .click();
  await p.getByRole('dialog').getByRole('textbox').first().fill('250');
  await shot(p, `rtl-ar-dialog-${suffix}`);
  await context.close();
}

await browser.close();
await server?.close();
