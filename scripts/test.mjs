// The one test command: type check, unit + component tests (jsdom), Storybook stories as tests
// (Chromium), the browser tests against the built demo page (Playwright, Chromium), then the
// package checks (publint, attw, knip, the size budget, the consumer app). Lint and formatting
// are checks too.
// Ends with one plain line "N passed, N failed" over every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH as CHROMIUM } from './chromium.mjs';
import { playwrightCounts, vitestCounts } from './test-counts.mjs';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

/** A step that is not a test runner counts as one check: passed or failed. */
function check(label, cmd, args, env) {
  if (run(label, cmd, args, env)) passed += 1;
  else failed += 1;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get update', 'apt-get', ['update', '-qq'], env);
    run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], env);
    if (existsSync(CHROMIUM)) return true;
  }
  console.error(
    `\nChromium is needed at ${CHROMIUM} for the browser tests.\n` +
      `Install it as root with: apt-get update && apt-get install -y chromium\n` +
      `or point CHROMIUM_PATH at a Chromium binary.`,
  );
  return false;
}

function tally(label, ok, counts) {
  if (!counts) {
    console.log(`=== ${label}: no results file, counted as 1 failed`);
    failed += 1;
    return;
  }
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  // A runner that exits non-zero without a failed test (a crash, an unhandled error) still fails the run.
  if (!ok && counts.failed === 0) failed += 1;
}

const browser = ensureChromium();

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
check('format', 'npx', ['prettier', '--check', '.']);

const projects = browser ? [] : ['--project', 'unit'];
const vitestJson = join(OUT, 'vitest.json');
const vitestOk = run(
  'vitest',
  'npx',
  ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  { STORYBOOK_DISABLE_TELEMETRY: '1' },
);
tally('vitest', vitestOk, vitestCounts(vitestJson));

if (browser) {
  check('build demo', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  // The built Storybook, for the Docs pages' browser test (test/e2e/storybook-docs.spec.ts).
  check('build storybook', 'npx', ['storybook', 'build', '-o', 'storybook-static', '--quiet'], {
    STORYBOOK_DISABLE_TELEMETRY: '1',
  });
  const pwJson = join(OUT, 'playwright.json');
  const pwOk = run('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  tally('playwright', pwOk, playwrightCounts(pwJson));
} else {
  failed += 1;
}

// The package as an integrator gets it: hygiene of the packed tarball, then a throwaway app that
// installs it, type-checks against its .d.ts and renders it in Chromium.
check('package check', 'node', ['scripts/package-check.mjs']);
check('size budget', 'node', ['scripts/size.mjs']);
// The README's headless example on the built package, in plain Node: live limits, then one Confirm.
check('headless example', 'node', ['examples/headless/print-limits.mjs', '--ticks', '3']);
if (browser) check('consumer app', 'node', ['test/consumer/run.mjs', '--no-build']);

console.log('');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
