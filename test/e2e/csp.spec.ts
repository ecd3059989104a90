import { expect, test, type Page } from '@playwright/test';
import { closeReceipt, collectErrors, CONFIRM, dialog, openBtcDialog, openDemo, requestsSent } from './support';

// The Content-Security-Policy the built demo ships in its own index.html (a <meta> before any
// script), checked as shipped: nothing is added by the test. A `securitypolicyviolation` listener
// installed before any page script records every violation while the whole dialog is exercised;
// then probes show the policy is in force (inline script, inline style, style attribute, eval).

interface Violation {
  directive: string;
  blockedURI: string;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);

/** The policy's directives: name → sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

test('the built index.html ships a strict CSP before any script', async ({ request }) => {
  const response = await request.get('/');
  expect(response.headers()['content-security-policy']).toBeUndefined(); // the meta is the only policy
  const html = await response.text();
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/g)];
  expect(metas).toHaveLength(1);
  const [meta] = metas;
  expect(meta!.index).toBeLessThan(html.indexOf('<script')); // in force before the first script loads

  const policy = directives(meta![1]!);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  // No escape hatch anywhere: no inline, no eval, no hashes or nonces, no wildcard script or style.
  expect(meta![1]).not.toMatch(/unsafe-|'nonce-|'sha\d+-|strict-dynamic|\*/);
  for (const d of ['script-src-elem', 'script-src-attr', 'style-src-elem', 'style-src-attr']) {
    expect(policy.has(d)).toBe(false); // none of these could loosen script-src or style-src
  }
  // The built page holds no inline script or style of its own.
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\sstyle=/);
});

test('under the shipped CSP the whole flow runs with no violation and no console error; the policy is in force', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    const list: { directive: string; blockedURI: string }[] = [];
    (window as unknown as { __cspViolations: typeof list }).__cspViolations = list;
    document.addEventListener(
      'securitypolicyviolation',
      (e) => list.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI }),
      true,
    );
  });

  await openDemo(page);

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
  await d.getByRole('button', { name: CONFIRM }).click();
  await closeReceipt(page, /^Added 12\.50 USDT to BTCUSDT Long/);
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

  // The policy is in force: each probe is blocked and reported, once. They run in a task of the
  // page's own (a timer): code evaluated through the DevTools protocol may eval regardless of CSP.
  await page.evaluate(() => {
    setTimeout(() => {
      const w = window as unknown as { __probe?: string; __probes?: Record<string, string> };
      const s = document.createElement('script');
      s.textContent = 'window.__probe = "inline script ran";';
      document.body.append(s);
      const style = document.createElement('style');
      style.textContent = '#csp-style-probe { margin-left: 7px; }';
      document.head.append(style);
      const holder = document.createElement('div');
      holder.innerHTML = '<div id="csp-style-probe"></div><div id="csp-attr-probe" style="margin-left: 7px"></div>';
      document.body.append(holder);
      let evalResult: string;
      try {
        evalResult = String(eval('"eval ran"'));
      } catch (e) {
        evalResult = e instanceof EvalError ? 'blocked' : 'other error';
      }
      w.__probes = {
        inlineScript: w.__probe ?? 'blocked',
        styleElement: getComputedStyle(document.getElementById('csp-style-probe')!).marginLeft,
        styleAttribute: getComputedStyle(document.getElementById('csp-attr-probe')!).marginLeft,
        eval: evalResult,
      };
    }, 0);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __probes?: Record<string, string> }).__probes))
    .toEqual({ inlineScript: 'blocked', styleElement: '0px', styleAttribute: '0px', eval: 'blocked' });
  await expect
    .poll(async () => (await violations(page)).map((v) => `${v.directive} ${v.blockedURI}`).sort())
    .toEqual(['script-src eval', 'script-src-elem inline', 'style-src-attr inline', 'style-src-elem inline']);
});
