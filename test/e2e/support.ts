import { expect, type Locator, type Page } from '@playwright/test';
import Decimal from 'decimal.js';

/** The hedge-mode BTCUSDT Long row's edit button ("Edit margin for BTCUSDT Long"). */
export const BTC_LONG_EDIT = /^Edit margin for BTCUSDT Long$/;

/** Console errors and uncaught exceptions of a page, collected from the start. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Opens the demo (optionally with a query/hash) and waits for the table's rows. */
export async function openDemo(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('button', { name: BTC_LONG_EDIT })).toBeVisible();
}

/** Pauses the random walk from the playground. */
export async function pauseFeed(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause feed' }).click();
  await expect(page.getByRole('button', { name: 'Resume feed' })).toBeVisible();
}

/** Sets a symbol's mark price from the playground's Mark price form and waits for the table to show it. */
export async function setMark(page: Page, symbol: string, price: string): Promise<void> {
  const form = page.getByRole('group', { name: 'Mark price', exact: true });
  await form.getByRole('combobox', { name: 'Symbol' }).selectOption(symbol);
  await form.getByRole('textbox', { name: 'New mark price' }).fill(price);
  await form.getByRole('button', { name: 'Set mark price' }).click();
  await expect.poll(async () => amountOf(await cell(page, symbol, 'mark').textContent()).eq(price)).toBe(true);
}

/** A table row by its symbol row header, e.g. the BTCUSDT row. */
export function row(page: Page, symbol: string, nth = 0): Locator {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: symbol, exact: true }) })
    .nth(nth);
}

/** Cells of a position row after the row header: side, size, entry, mark, liq, margin, mode, PnL. */
export const COL = { side: 0, size: 1, entry: 2, mark: 3, liq: 4, margin: 5, mode: 6, pnl: 7 } as const;

export function cell(page: Page, symbol: string, col: keyof typeof COL, nth = 0): Locator {
  return row(page, symbol, nth).getByRole('cell').nth(COL[col]);
}

/** "3,997.305 USDT" (en) → Decimal 3997.305. */
export function amountOf(text: string | null): Decimal {
  const m = (text ?? '').match(/[−-]?[\d,]+(\.\d+)?/);
  if (!m) throw new Error(`no amount in ${JSON.stringify(text)}`);
  return new Decimal(m[0].replace(/,/g, '').replace('−', '-'));
}

/**
 * The exact limit of a limit line ("Max removable: 869.21 USDT", shown in cents): its figure's title
 * ("Exact: 869.21388900 USDT, what Max fills in"), the value Max fills in.
 */
export async function exactLimitOf(line: Locator): Promise<Decimal> {
  return amountOf(await line.locator('strong').getAttribute('title'));
}

/** The Adjust Margin dialog. */
export function dialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Adjust Margin' });
}

/** Opens the dialog from the BTCUSDT Long row and waits for its live limits. */
export async function openBtcDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: BTC_LONG_EDIT }).click();
  const d = dialog(page);
  await expect(d).toBeVisible();
  await expect(d.getByText(/^Max addable:/)).toBeVisible();
  return d;
}

/**
 * The dialog's Confirm button names the action and the amount ("Add 12.50 USDT", "Remove margin";
 * in flight "Adding 12.50 USDT…").
 */
export const CONFIRM = /^(Add|Remove|Adding|Removing) /;

/**
 * After an accepted adjustment: the dialog shows the receipt (its status region) matching `text`
 * with Done focused; Enter on Done closes the dialog.
 */
export async function closeReceipt(page: Page, text: RegExp): Promise<void> {
  const d = dialog(page);
  await expect(d.getByRole('status').filter({ hasText: text })).toBeVisible();
  const done = d.getByRole('button', { name: 'Done' });
  await expect(done).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(d).toBeHidden();
}

/** The status line of the table (outcomes announced while no dialog shows them). */
export function announcement(page: Page, text: RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/** The playground's diagnostics readout ("Subscriptions: N · Timers: N · Kit readers: N · Requests sent: N"). */
export function diagnosticsOutput(page: Page): Locator {
  return page.locator('output[aria-label="Diagnostics"]');
}

export interface Diagnostics {
  subscriptions: number;
  timers: number;
  readers: number;
  requests: number;
}

/** Reads the diagnostics readout (the page may be inert behind the dialog: read its text, not its role). */
export async function diagnostics(page: Page): Promise<Diagnostics> {
  const text = (await diagnosticsOutput(page).textContent()) ?? '';
  const m = text.match(/Subscriptions: (\d+) · Timers: (\d+) · Kit readers: (\d+) · Requests\s+sent: (\d+)/);
  if (!m) throw new Error(`no diagnostics in ${JSON.stringify(text)}`);
  return { subscriptions: Number(m[1]), timers: Number(m[2]), readers: Number(m[3]), requests: Number(m[4]) };
}

/** How many adjustments the simulated exchange has received since the page loaded. */
export async function requestsSent(page: Page): Promise<number> {
  return (await diagnostics(page)).requests;
}

/** Queues a failure for the next adjustment from the playground ("-4051", "timeout", "network"). */
export async function injectFailure(page: Page, value: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Failure' }).selectOption(value);
  await page.getByRole('button', { name: 'Inject failure' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Injected: / })).toBeVisible();
}

/** Sets the exchange's latency and the length of an injected timeout (ms) from the playground. */
export async function setTiming(page: Page, t: { latencyMs?: number; timeoutMs?: number }): Promise<void> {
  if (t.latencyMs !== undefined) await page.getByRole('textbox', { name: 'Latency (ms)' }).fill(String(t.latencyMs));
  if (t.timeoutMs !== undefined) await page.getByRole('textbox', { name: 'Timeout (ms)' }).fill(String(t.timeoutMs));
}

/**
 * A strict Content-Security-Policy for the demo page: no inline script or style may run, no
 * 'unsafe-inline', no 'unsafe-eval'. Tests send it as a response header.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
