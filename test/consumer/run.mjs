#!/usr/bin/env node
/**
 * Consumer test: the kit as an integrator gets it from npm.
 *
 *   npm run build → npm pack → copy test/consumer/app (a plain Vite + React app with the README's
 *   integrator examples) to a temp dir → npm install the tarball + the peers at the repo's versions →
 *   tsc --noEmit against the PUBLISHED .d.ts → vite build → vite preview on a free 127.0.0.1 port →
 *   Chromium: the table renders, [Edit] opens the dialog named "Adjust Margin", the published CSS applies.
 *
 * Fails (exit 1, printing what failed) when an export, a type, a dependency/peer dependency or the
 * stylesheet is missing from the tarball.
 *
 * Usage: node test/consumer/run.mjs [--no-build] [--keep] [--break=KIND]
 *   --no-build   use the dist-lib/ already built
 *   --keep       keep the temp dir (printed) for inspection
 *   --break=KIND sabotage the packed tarball to prove the test catches it (the run must then FAIL):
 *                css | type-export | types-file | js-export | peer | dep
 * Env: CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../../scripts/chromium.mjs';
import { freePort } from '../../scripts/free-port.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATE = join(ROOT, 'test/consumer/app');
const PEERS = ['react', 'react-dom', '@tanstack/react-query'];
const APP_TOOLS = ['vite', '@vitejs/plugin-react', 'typescript', '@types/react', '@types/react-dom'];
const SABOTAGES = ['css', 'type-export', 'types-file', 'js-export', 'peer', 'dep'];

const argv = process.argv.slice(2);
const opts = {
  build: !argv.includes('--no-build'),
  keep: argv.includes('--keep'),
  sabotage: argv.find((a) => a.startsWith('--break='))?.slice('--break='.length),
};
if (opts.sabotage && !SABOTAGES.includes(opts.sabotage)) {
  console.error(`--break must be one of ${SABOTAGES.join(', ')}`);
  process.exit(2);
}

const t0 = Date.now();
const failures = [];
let tmp;
let server;
let browserContext;

class StepError extends Error {}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const tail = (text, lines = 40) =>
  text
    .replace(/\x1b\[[0-9;]*m/g, '') // eslint-disable-line no-control-regex
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .join('\n');

function fail(what, detail = '') {
  failures.push(detail ? `${what}\n${detail}` : what);
  console.log(`  ✗ ${what}`);
}

/** Env for child npm/node processes: without the outer `npm run`'s package/lifecycle variables. */
function childEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  for (const key of Object.keys(env)) {
    if (/^npm_(package|lifecycle|config_local_prefix|config_prefix|command|execpath|node_execpath)/i.test(key))
      delete env[key];
  }
  delete env.INIT_CWD;
  return env;
}

function run(label, cmd, args, { cwd = ROOT, env = {} } = {}) {
  const start = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: childEnv(env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) {
    fail(`${label} (exit ${r.status ?? r.signal})`, tail(output));
    throw new StepError(label);
  }
  console.log(`  ✓ ${label} (${secs(Date.now() - start)})`);
  return output;
}

async function step(label, fn) {
  const start = Date.now();
  try {
    await fn();
    console.log(`  ✓ ${label} (${secs(Date.now() - start)})`);
  } catch (error) {
    if (error instanceof StepError) throw error;
    fail(label, error instanceof Error ? error.message : String(error));
    throw new StepError(label);
  }
}

function repoVersion(name) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function waitForHttp(url, ms) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    if (server?.exitCode != null) throw new Error(`vite preview exited (${server.exitCode}):\n${tail(server.log)}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${ms} ms (${last})`);
}

/** `#abc` / `#aabbcc` → `rgb(r, g, b)`, as getComputedStyle reports colours. */
function hexToRgb(token) {
  let hex = token.trim().replace(/^#/, '');
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return `(not a hex colour: ${token})`;
  return `rgb(${[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
}

/** Bare package names a built file imports (`react/jsx-runtime` → `react`). */
function bareImports(code) {
  const names = new Set();
  const statements = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']/gm, // import … from "x" / export … from "x"
    /^\s*import\s*["']([^"']+)["']/gm, // import "x"
    /\bimport\(\s*["']([^"']+)["']\s*\)/g, // import("x")
  ];
  for (const m of statements.flatMap((re) => [...code.matchAll(re)])) {
    const spec = m[1];
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
    names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return names;
}

/** Breaks the extracted package on purpose (see --break). */
function sabotage(pkgDir, kind) {
  const edit = (rel, fn) => {
    const file = join(pkgDir, rel);
    const before = readFileSync(file, 'utf8');
    const after = fn(before);
    if (after === before) throw new Error(`--break=${kind}: nothing to change in ${rel}`);
    writeFileSync(file, after);
  };
  const pkgJson = (fn) => edit('package.json', (s) => JSON.stringify(fn(JSON.parse(s)), null, 2));
  switch (kind) {
    case 'css':
      rmSync(join(pkgDir, 'dist-lib/adjust-margin.css'));
      return 'deleted dist-lib/adjust-margin.css';
    case 'types-file':
      rmSync(join(pkgDir, 'dist-lib/types/simulated.d.ts'));
      return 'deleted dist-lib/types/simulated.d.ts';
    case 'type-export':
      edit('dist-lib/types/index.d.ts', (s) => s.replace(/^export \{ AdjustMarginDialog, .*$/m, ''));
      return 'removed the AdjustMarginDialog export line from dist-lib/types/index.d.ts';
    case 'js-export':
      edit('dist-lib/index.js', (s) => s.replace(/\b[\w$]+ as PositionsTable,\s*/, ''));
      return 'removed PositionsTable from the export list of dist-lib/index.js';
    case 'peer':
      pkgJson((p) => {
        delete p.peerDependencies['@tanstack/react-query'];
        return p;
      });
      return 'removed @tanstack/react-query from peerDependencies';
    case 'dep':
      pkgJson((p) => {
        delete p.dependencies['decimal.js'];
        return p;
      });
      return 'removed decimal.js from dependencies';
  }
  throw new Error(kind);
}

function cleanup() {
  if (server && server.exitCode == null) server.kill('SIGTERM');
  if (tmp && !opts.keep) rmSync(tmp, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

async function main() {
  console.log(`consumer test${opts.sabotage ? ` (--break=${opts.sabotage}: this run must FAIL)` : ''}`);

  // 1. Build the library.
  if (opts.build) run('npm run build', 'npm', ['run', 'build']);
  const indexJs = join(ROOT, 'dist-lib/index.js');
  if (!existsSync(indexJs)) {
    fail('dist-lib/index.js is missing (run without --no-build)');
    throw new StepError('build');
  }
  if (!/^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*['"]use client['"]/.test(readFileSync(indexJs, 'utf8'))) {
    const msg =
      "dist-lib/index.js does not start with a 'use client' directive (the bundler dropped the module directives)";
    fail(msg);
  }

  // 2. Pack it, as `npm publish` would.
  tmp = mkdtempSync(join(tmpdir(), 'amk-consumer-'));
  const packDir = join(tmp, 'pack');
  mkdirSync(packDir);
  const packOut = run('npm pack', 'npm', ['pack', '--json', '--pack-destination', packDir]);
  const packed = JSON.parse(packOut.slice(packOut.indexOf('[')))[0];
  let tarball = join(packDir, packed.filename);

  if (opts.sabotage) {
    const x = join(packDir, 'x');
    run('extract tarball', 'tar', ['-xzf', tarball, '-C', packDir, '--one-top-level=x']);
    console.log(`  ! sabotage: ${sabotage(join(x, 'package'), opts.sabotage)}`);
    tarball = join(packDir, 'broken.tgz');
    run('repack broken tarball', 'tar', ['-czf', tarball, '-C', x, 'package']);
  }

  // 3. A throwaway app from the template, with the tarball and the peers at the repo's versions.
  const app = join(tmp, 'app');
  cpSync(TEMPLATE, app, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src) });
  await step('the template suppresses no type error', () => {
    for (const file of readdirSync(join(app, 'src'))) {
      if (/@ts-nocheck|@ts-ignore|@ts-expect-error/.test(readFileSync(join(app, 'src', file), 'utf8')))
        throw new Error(`src/${file} suppresses type errors`);
    }
  });
  const specs = [...PEERS, ...APP_TOOLS].map((name) => `${name}@${repoVersion(name)}`);
  run(
    `npm install (tarball + ${specs.length} packages)`,
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...specs],
    { cwd: app },
  );

  const installed = join(app, 'node_modules/adjust-margin-kit');
  await step('the installed package holds every exports target', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const missing = [];
    for (const [sub, target] of Object.entries(pkg.exports ?? {})) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
        if (!existsSync(join(installed, file))) missing.push(`${sub} → ${file}`);
      }
    }
    for (const sub of ['.', './simulated', './binance', './locales/zh-CN', './locales/ar', './styles.css'])
      if (!pkg.exports?.[sub]) missing.push(`exports["${sub}"]`);
    if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
  });
  await step('every bare import of the built files is a dependency or peer dependency', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const problems = [];
    for (const file of readdirSync(join(installed, 'dist-lib')).filter((f) => f.endsWith('.js'))) {
      for (const name of bareImports(readFileSync(join(installed, 'dist-lib', file), 'utf8'))) {
        if (!declared.has(name)) problems.push(`dist-lib/${file} imports "${name}"`);
      }
    }
    for (const name of PEERS) if (!pkg.peerDependencies?.[name]) problems.push(`peerDependencies lacks ${name}`);
    if (problems.length) throw new Error(`undeclared: ${problems.join('; ')}`);
  });
  run('npm ls (peers satisfied)', 'npm', ['ls', 'adjust-margin-kit', 'decimal.js', ...PEERS], { cwd: app });

  // 4. Type-check against the published .d.ts, build, serve.
  run(
    'tsc --noEmit (published types)',
    process.execPath,
    [join(app, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', app],
    {
      cwd: app,
    },
  );
  const vite = join(app, 'node_modules/vite/bin/vite.js');
  run('vite build', process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: app });
  await step('the app bundle carries the published stylesheet', () => {
    const assets = join(app, 'dist/assets');
    const css = readdirSync(assets).filter((f) => f.endsWith('.css'));
    if (!css.some((f) => readFileSync(join(assets, f), 'utf8').includes('--amk-bg'))) {
      throw new Error(`no CSS asset with --amk-bg in dist/assets (${css.join(', ') || 'no .css at all'})`);
    }
  });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  await step(`vite preview on ${url}`, async () => {
    server = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: app,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.log = '';
    server.stdout.on('data', (d) => (server.log += d));
    server.stderr.on('data', (d) => (server.log += d));
    await waitForHttp(url, 20_000);
  });

  // 5. Render it in Chromium.
  const require = createRequire(join(ROOT, 'package.json'));
  const { chromium } = require('playwright-core');
  const profile = join(tmp, 'chromium-profile');
  await step('Chromium: launch', async () => {
    browserContext = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  const page = browserContext.pages()[0] ?? (await browserContext.newPage());
  page.setDefaultTimeout(15_000);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console.error: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && pageErrors.push(`HTTP ${r.status()} ${r.url()}`));

  const check = async (label, fn) => {
    try {
      await step(label, fn);
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
    }
  };
  await page.goto(url);
  await check('Chromium: every entry loaded', async () => {
    const text = (await page.getByTestId('entries').textContent({ timeout: 15_000 })) ?? '';
    if (text.replace(/\s+/g, ' ').trim() !== 'index:function simulated:function binance:true') {
      throw new Error(`entries line reads "${text}"`);
    }
  });
  await check('Chromium: the positions table renders with rows', async () => {
    const table = page.getByRole('table', { name: 'Consumer positions' });
    await table
      .getByRole('row', { name: /BTCUSDT/ })
      .first()
      .waitFor();
    await page.getByTestId('limits').filter({ hasText: 'limits: ready' }).waitFor();
  });
  await check('Chromium: [Edit] opens the dialog "Adjust Margin"', async () => {
    await page.getByRole('button', { name: /^Edit margin for BTCUSDT/ }).click();
    await page.getByRole('dialog', { name: 'Adjust Margin' }).waitFor();
  });
  await check('Chromium: the published stylesheet applies (dialog background = --amk-bg)', async () => {
    const style = await page.getByRole('dialog', { name: 'Adjust Margin' }).evaluate((el) => {
      const cs = getComputedStyle(el);
      return { bg: cs.backgroundColor, token: cs.getPropertyValue('--amk-bg').trim() };
    });
    if (!style.token) throw new Error('--amk-bg is not defined on the dialog: the stylesheet did not load');
    const expected = hexToRgb(style.token);
    if (style.bg !== expected)
      throw new Error(`dialog background ${style.bg}, expected ${expected} (--amk-bg ${style.token})`);
  });
  await check('Chromium: Esc closes it', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });
  await check("Chromium: the app's own controlled dialog opens in the light theme", async () => {
    await page.getByRole('button', { name: 'My own edit button' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adjust Margin' });
    await dialog.getByRole('button', { name: 'Schließen' }).waitFor();
    const { bg, token } = await dialog.evaluate((el) => ({
      bg: getComputedStyle(el).backgroundColor,
      token: getComputedStyle(el).getPropertyValue('--amk-bg').trim(),
    }));
    if (!token || bg !== hexToRgb(token) || bg !== 'rgb(255, 255, 255)') {
      throw new Error(`light dialog: --amk-bg "${token}", background ${bg}; expected white from --amk-bg`);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
  if (pageErrors.length) fail('Chromium: errors on the page', pageErrors.slice(0, 10).join('\n'));
}

try {
  await main();
} catch (error) {
  if (!(error instanceof StepError)) fail('unexpected error', error?.stack ?? String(error));
} finally {
  await browserContext?.close().catch(() => {});
  cleanup();
}

if (opts.keep && tmp) console.log(`  kept ${tmp}`);
console.log('');
if (failures.length) {
  console.log(`consumer test FAILED in ${secs(Date.now() - t0)}:`);
  for (const f of failures) console.log(`- ${f.replace(/\n/g, '\n    ')}`);
  process.exit(1);
}
console.log(`consumer test passed in ${secs(Date.now() - t0)}`);
