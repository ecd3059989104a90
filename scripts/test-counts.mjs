// The counts of the summary line of scripts/test.mjs, read from each runner's JSON report: null
// when the report is missing. A failure outside any test (a file that failed to load) is printed
// and counted as a failed test, never lost in a passing count.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** Where a runner reports failures outside any test, each counts as one failed test. */
function reportOutside(label, what, places) {
  if (places.length) console.log(`=== ${label}: ${what}, each counted as 1 failed test:\n  ${places.join('\n  ')}`);
}

/**
 * Failed tests are the failed assertions, plus one for each test file Vitest marks failed without a
 * failed test in it: a file that failed to load (syntax error, import that does not resolve, error
 * thrown at its top level: Vitest then knows none of its tests) or whose beforeAll/afterAll threw.
 */
export function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const broken = r.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((t) => t.status === 'failed'),
  );
  reportOutside(
    'vitest',
    'test files failed outside their tests',
    broken.map((f) => `${relative(process.cwd(), f.name)}: ${(f.message ?? '').split('\n')[0]}`),
  );
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + broken.length,
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

/**
 * Failed tests are the unexpected results, plus one for each place named by Playwright's top-level
 * errors: a spec file that failed to load (Playwright then runs no test at all) counts once however
 * many errors it raised; an error outside any file (the web server, the config) counts once each.
 */
export function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const places = [
    ...new Set(
      (r.errors ?? []).map((e) =>
        e.location ? relative(process.cwd(), e.location.file) : (e.message ?? 'error').split('\n')[0],
      ),
    ),
  ];
  reportOutside('playwright', 'errors outside any test (no test ran if a spec file failed to load)', places);
  const s = r.stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected + places.length, skipped: s.skipped };
}
