import { expect, test, type Page } from '@playwright/test';
import { announcement, collectErrors, dialog, openBtcDialog, openDemo, requestsSent, STRICT_CSP } from './support';

// The built demo under a strict Content-Security-Policy, sent as a response header: no
// 'unsafe-inline', no 'unsafe-eval'. A `securitypolicyviolation` listener installed before any page
// script records every violation while the whole dialog is exercised.

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);

test('strict CSP header: the whole flow runs with no violation and no console error', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    const list: { directive: string; blockedURI: string; sample: string }[] = [];
    (window as unknown as { __cspViolations: typeof list }).__cspViolations = list;
    document.addEventListener(
      'securitypolicyviolation',
      (e) => list.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample }),
      true,
    );
  });
  let served = 0;
  await page.route('/', async (route) => {
    const response = await route.fetch();
    served += 1;
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
  });

  await openDemo(page);
  expect(served).toBe(1); // the document really came with the header

  // Open, type, switch modes, open "Why?", back to Add, confirm.
  const d = await openBtcDialog(page);
  const amount = d.getByRole('textbox', { name: 'Amount' });
  await amount.fill('12.5');
  await d.getByRole('radio', { name: 'Remove' }).check();
  await expect(d.getByText(/^Max removable:/)).toBeVisible();
  const why = d.getByRole('button', { name: 'Why?' });
  await why.click();
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  await d.getByRole('button', { name: 'Max' }).click();
  await d.getByRole('radio', { name: 'Add' }).check();
  await amount.fill('12.5');
  await d.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(announcement(page, /^Added 12\.5 USDT to BTCUSDT\.$/)).toBeVisible();
  expect(await requestsSent(page)).toBe(1);

  // Theme and locale switches restyle everything (custom properties, no injected styles).
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-amk-theme', 'light');
  await page.getByRole('combobox', { name: 'Number locale' }).selectOption('de');
  await openBtcDialog(page);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();

  await page.waitForTimeout(200); // violation events are queued as tasks
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);

  // The check can fail: an inline <script> injected now is blocked and reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__cspProbe = 1;';
    document.body.append(s);
  });
  await expect.poll(async () => (await violations(page)).length).toBe(1);
  const [probe] = await violations(page);
  expect(probe).toMatchObject({ directive: 'script-src-elem', blockedURI: 'inline' });
  expect(await page.evaluate(() => (window as unknown as { __cspProbe?: number }).__cspProbe)).toBeUndefined();
  // Chromium also logs it as a console error: that one, and nothing else.
  await expect.poll(() => errors.length).toBe(1);
  expect(errors[0]).toMatch(/Content Security Policy/);
});
