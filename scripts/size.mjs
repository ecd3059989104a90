// What each package entry adds to an app that already has react, react-dom, @tanstack/react-query
// and decimal.js: each entry bundled on its own (those four external), minified as an app build
// minifies (identifiers and whitespace), then gzipped with node's zlib at its default level.
// Also the stylesheet, as published (its imports inlined), and what a typical app ships: one that imports
// only MarginSourceProvider and PositionsTable from the main entry, its bundler dropping every export it
// does not use (the package is `sideEffects: false` but for its CSS). Prints a table; exits 1 when an
// entry is over its budget.
//
//   node scripts/size.mjs           table, exit 1 over budget
//   node scripts/size.mjs --json    one JSON line (used by scripts/bench/run.mjs)
//   node scripts/size.mjs --modules what each module of each entry (and of the typical app) weighs,
//                                   minified and gzipped alone (largest first): where to look for savings
//
// Nothing is written to disk (Vite's `write: false`). Sizes are deterministic for a given source.
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, minify } from 'vite';
import { publishedCss } from './css-bundle.mjs';

/** The typical app's entry: the main entry's provider and table, nothing else of it. */
const TYPICAL_APP = 'virtual:typical-app';

/** Budgets in bytes, gzipped. */
// The main entry grew from 15.5 to 21.6 KB when snapshots came to be checked where they enter
// (checkSnapshot is the largest module), the session, the error boundaries and the per-kind failure
// sentences arrived, then to 31.3 KB (headless 15.6) with the pending state and receipt, Max with
// headroom, the target liquidation price, the risk figures, the account summary and Transfer out,
// then to 33.3 KB (headless 15.9) with the table's columns and cards, the fixed display precision and
// exact limits, the bottom sheet and right-to-left text (2026-12-01 afternoon).
// Issue 15's evening (2026-12-01): a size pass took 108 B off the main entry and 106 B off headless
// (a linear regular expression for the snapshot checks' canonical decimals, plain parameters, the
// bidi controls as one character class, no module-level side effect in format and checkSnapshot) and
// 16 B off the stylesheet; the performance work of the same evening (the dialog's live figures in a
// layout root, the table's row window, live cells written outside React, the derived headroom) added
// about 900 B to the main entry and to the typical app: 35,280 B and 31,320 B measured at 16:10 UTC,
// headless 16,240 B. Folding the messages' repeated sentences into shared phrases was tried and costs bytes
// (gzip already stores a repeat as a back-reference): +61 B.
// Issue 15 asks for 16 and 8 KB: not met. The session alone (snapshot checks, live engine, mark
// prices) is about 9 KB. These budgets hold what is shipped today plus a little room (about 1.3 %
// for the main entry, the typical app and headless, a few hundred bytes for the small entries), so
// growth is seen (`--modules` lists where the bytes are; the table prints bytes).
const BUDGETS = {
  'src/index.ts': 34.9 * 1024,
  'src/headless.ts': 16.1 * 1024,
  // 7,111 and 7,819 B measured.
  'src/simulated.ts': 7.25 * 1024,
  'src/binance.ts': 7.9 * 1024,
  // A locale is its catalogue only (its types import nothing at run time): 4,105 and 4,371 B measured.
  'src/locales/zh-CN.ts': 4.25 * 1024,
  'src/locales/ar.ts': 4.5 * 1024,
  // Issue 15's target, 4 KB (4,096 B): met at 4,085 B. It was 4,214 B after the afternoon's table
  // cards, bottom sheet and right-to-left rules and 4,259 B with the evening's containment rules; the
  // night's pass shared the two outcome toasts' rule, folded rules the stylesheets repeated (muted
  // labels, link buttons, disabled and busy buttons, paragraph margins, focus rings the root's rule
  // draws), and dropped the font stack's fallbacks behind system-ui and those for lh and dvh.
  // Minification is not it (lightningcss already merges what it safely can; esbuild's minifier and
  // lightningcss with browser targets both give more bytes).
  'src/ui/adjust-margin.css': 4 * 1024,
  // What an app importing only MarginSourceProvider and PositionsTable ships (the table opens the
  // dialog; the account summary, Transfer out and the unused hooks are dropped): 27.8 KB when this
  // row came, 29.5 KB after the afternoon's table and dialog work, 31,320 B after the evening's
  // performance work; the budget is that and a little room.
  [TYPICAL_APP]: 31 * 1024,
};
const NAMES = {
  'src/index.ts': 'adjust-margin-kit',
  'src/headless.ts': 'adjust-margin-kit/headless',
  'src/simulated.ts': 'adjust-margin-kit/simulated',
  'src/binance.ts': 'adjust-margin-kit/binance',
  'src/locales/zh-CN.ts': 'adjust-margin-kit/locales/zh-CN',
  'src/locales/ar.ts': 'adjust-margin-kit/locales/ar',
  'src/ui/adjust-margin.css': 'adjust-margin-kit/styles.css',
};
const PEERS = /^(react|react-dom|@tanstack\/react-query|decimal\.js)(\/|$)/;

const TYPICAL_APP_CODE = `export { MarginSourceProvider, PositionsTable } from '${process.cwd()}/src/index.ts';`;
const typicalApp = {
  name: 'typical-app',
  resolveId: (id) => (id === TYPICAL_APP ? `\0${TYPICAL_APP}` : null),
  load: (id) => (id === `\0${TYPICAL_APP}` ? TYPICAL_APP_CODE : null),
};

async function bundle(input, { minified = true } = {}) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    plugins: [react(), typicalApp],
    build: {
      write: false,
      minify: minified,
      modulePreload: false,
      reportCompressedSize: false,
      // An app build (not lib mode, whose ES output keeps whitespace): what an app's bundler ships.
      rolldownOptions: {
        input,
        preserveEntrySignatures: 'strict',
        external: (id) => PEERS.test(id),
        output: { format: 'es' },
      },
    },
  });
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
  const imports = new Set(chunks.flatMap((c) => c.imports.filter((i) => PEERS.test(i))));
  const code = chunks.map((c) => c.code).join('\n');
  return { code, imports: [...imports].sort(), chunks };
}

const gzip = (text) => gzipSync(Buffer.from(text)).length;

export async function measureSizes() {
  const rows = [];
  const locales = ['src/locales/zh-CN.ts', 'src/locales/ar.ts'];
  for (const entry of ['src/index.ts', 'src/headless.ts', 'src/simulated.ts', 'src/binance.ts', ...locales]) {
    const { code, imports } = await bundle(entry);
    rows.push({
      entry,
      name: NAMES[entry],
      min: Buffer.byteLength(code),
      gzip: gzip(code),
      budget: BUDGETS[entry],
      external: imports,
    });
  }
  const typical = await bundle(TYPICAL_APP);
  rows.push({
    entry: TYPICAL_APP,
    name: "import { MarginSourceProvider, PositionsTable } from 'adjust-margin-kit'",
    min: Buffer.byteLength(typical.code),
    gzip: gzip(typical.code),
    budget: BUDGETS[TYPICAL_APP],
    external: typical.imports,
    note: 'a typical app, tree-shaken',
  });
  // All entries in one app: shared code counted once.
  const all = await bundle(['src/index.ts', 'src/headless.ts', 'src/simulated.ts', 'src/binance.ts']);
  const css = publishedCss('src/ui/adjust-margin.css');
  rows.push({
    entry: 'src/ui/adjust-margin.css',
    name: NAMES['src/ui/adjust-margin.css'],
    min: Buffer.byteLength(css),
    gzip: gzip(css),
    budget: BUDGETS['src/ui/adjust-margin.css'],
    external: [],
    note: 'as shipped (minified)',
  });
  return { rows, allEntries: { min: Buffer.byteLength(all.code), gzip: gzip(all.code) } };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Each module of an entry's bundle, minified and gzipped on its own (sums exceed the bundle's). */
async function moduleSizes(entry) {
  const { chunks } = await bundle(entry, { minified: false });
  const rows = [];
  for (const chunk of chunks) {
    for (const [id, m] of Object.entries(chunk.modules)) {
      const code = (await minify('module.js', m.code ?? '')).code;
      rows.push({ module: id.replace(`${process.cwd()}/`, ''), min: Buffer.byteLength(code), gzip: gzip(code) });
    }
  }
  return rows.sort((a, b) => b.gzip - a.gzip);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain && process.argv.includes('--modules')) {
  for (const entry of ['src/index.ts', 'src/headless.ts', TYPICAL_APP]) {
    const rows = await moduleSizes(entry);
    const name = NAMES[entry] ?? 'a typical app (MarginSourceProvider and PositionsTable)';
    console.log(`\n${name}: ${rows.length} modules, each minified and gzipped alone`);
    console.table(rows.slice(0, 25).map((r) => ({ module: r.module, minified: kb(r.min), gzip: kb(r.gzip) })));
  }
  process.exit(0);
}
if (isMain) {
  const { rows, allEntries } = await measureSizes();
  const over = rows.filter((r) => r.gzip > r.budget);
  // The headless entry runs without React: bundled on its own, it imports none of the React peers.
  const headless = rows.find((r) => r.entry === 'src/headless.ts');
  const reactImports = headless.external.filter((i) => i !== 'decimal.js');
  if (reactImports.length) {
    console.error(`adjust-margin-kit/headless imports ${reactImports.join(', ')}: it must import no React peer`);
    over.push({ name: 'adjust-margin-kit/headless (imports React)' });
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ rows, allEntries, over: over.map((r) => r.name) })}\n`);
  } else {
    // KB to read at a glance; bytes to see a change of a few dozen (a saving, or growth under the budget).
    const table = rows.map((r) => ({
      entry: r.name,
      minified: kb(r.min),
      gzip: kb(r.gzip),
      'gzip B': r.gzip,
      budget: kb(r.budget),
      'budget B': Math.floor(r.budget),
      '': r.gzip > r.budget ? 'OVER' : 'ok',
    }));
    table.push({
      entry: 'all JS entries together',
      minified: kb(allEntries.min),
      gzip: kb(allEntries.gzip),
      'gzip B': allEntries.gzip,
      budget: '',
      'budget B': '',
      '': '',
    });
    console.table(table);
    console.log(
      'External (not counted): react, react-dom, @tanstack/react-query, decimal.js. gzip: node zlib, default level.',
    );
    if (over.length) console.error(`Over budget: ${over.map((r) => r.name).join(', ')}`);
  }
  process.exit(over.length ? 1 : 0);
}
