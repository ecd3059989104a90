#!/usr/bin/env node
/**
 * Package hygiene of the published tarball: what `npm publish` would upload, checked the way an
 * integrator's tools will see it.
 *
 *   1. npm run build, npm pack (the real tarball, into a temp dir)
 *   2. the exports map has ".", "./simulated", "./binance", the locales, "./styles.css"; every target of it (and
 *      main/module/types) is in the tarball; `sideEffects` is set and keeps the stylesheet
 *   3. publint on the tarball (any error, warning or suggestion fails)
 *   4. attw on the tarball, profile esm-only (the kit is ESM-only on purpose: CJS `require` and
 *      node10 resolution are not supported). "./styles.css" is excluded from attw: it is a CSS file,
 *      not a module with types; its presence is checked in step 2 and its use by test/consumer/run.mjs.
 *   5. knip (knip.json): unused files, exports and dependencies of the whole repo; then
 *      `knip --production`, where only production code counts as a use (the package entries and
 *      src/, marked `!` in knip.json, and the demo): an export of src/ that only tests, stories or
 *      scripts use is reported, since test-only code must not ship. knip skips exports tagged
 *      `@internal` in production mode, so src/ must have none.
 *
 * Usage: node scripts/package-check.mjs [--no-build]. Exit 1 on any finding.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LOCALE_EXPORTS = ['./locales/zh-CN', './locales/ar'];
const REQUIRED_EXPORTS = ['.', './simulated', './binance', ...LOCALE_EXPORTS, './styles.css'];
const require = createRequire(join(ROOT, 'package.json'));
/** The JS file of a dev dependency's bin, run with this Node (no npx, no shell). */
const bin = (manifestPath, name) => {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name]);
};
const ATTW = bin(require.resolve('@arethetypeswrong/cli/package.json'), 'attw');
const KNIP = bin(join(ROOT, 'node_modules/knip/package.json'), 'knip');

const t0 = Date.now();
const findings = [];
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
// eslint-disable-next-line no-control-regex
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();

function finding(what, detail = '') {
  findings.push(detail ? `${what}\n${detail}` : what);
  console.log(`  ✗ ${what}`);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: r.status === 0, status: r.status, output: plain(`${r.stdout ?? ''}${r.stderr ?? ''}`) };
}

/** A tool run: its own output is printed when it finds something. */
function tool(label, cmd, args, judge = (r) => r.ok) {
  const start = Date.now();
  const r = run(cmd, args);
  if (judge(r)) console.log(`  ✓ ${label} (${secs(Date.now() - start)})`);
  else finding(`${label} (exit ${r.status})`, r.output);
  return r;
}

/** Minimal glob for package.json `sideEffects` patterns (`*`, `**`), as bundlers match them. */
function globToRegExp(glob) {
  const body = glob
    .replace(/^\.\//, '')
    .split(/(\*\*\/|\*\*|\*)/)
    .map((part) =>
      part === '**/'
        ? '(?:.*/)?'
        : part === '**'
          ? '.*'
          : part === '*'
            ? '[^/]*'
            : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^(?:.*/)?${body}$`);
}

/** Bare package names a built .js / .d.ts file imports (`react/jsx-runtime` → `react`). */
function bareImports(code) {
  const names = new Set();
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']/gm, // import … from "x" / export … from "x"
    /^\s*import\s*["']([^"']+)["']/gm, // import "x"
    /\bimport\(\s*["']([^"']+)["']\s*\)/g, // import("x"), also as a type in .d.ts
  ];
  for (const m of patterns.flatMap((re) => [...code.matchAll(re)])) {
    const spec = m[1];
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
    names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return names;
}

/** Every file path an exports value points at (conditions and nesting included). */
function targets(value) {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targets);
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

let tmp;
try {
  console.log('package check');
  if (!process.argv.includes('--no-build')) {
    tool('npm run build', 'npm', ['run', 'build']);
    if (findings.length) throw new Error('build failed');
  }

  const indexJs = join(ROOT, 'dist-lib/index.js');
  if (
    existsSync(indexJs) &&
    !/^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*['"]use client['"]/.test(readFileSync(indexJs, 'utf8'))
  ) {
    const msg = "dist-lib/index.js does not start with 'use client' (the bundler dropped the module directives)";
    finding(msg);
  }

  // 1. The tarball.
  tmp = mkdtempSync(join(tmpdir(), 'amk-package-check-'));
  const pack = tool('npm pack', 'npm', ['pack', '--json', '--pack-destination', tmp]);
  if (!pack.ok) throw new Error('pack failed');
  const packed = JSON.parse(pack.output.slice(pack.output.indexOf('[')))[0];
  const tarball = join(tmp, packed.filename);
  const files = new Set(packed.files.map((f) => f.path));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  // 2. Exports map, entry fields, sideEffects.
  {
    const problems = [];
    for (const sub of REQUIRED_EXPORTS) if (!pkg.exports?.[sub]) problems.push(`exports["${sub}"] is missing`);
    const pointed = [
      ...Object.entries(pkg.exports ?? {}).flatMap(([sub, v]) => targets(v).map((t) => [`exports["${sub}"]`, t])),
      ...['main', 'module', 'types'].filter((f) => pkg[f]).map((f) => [f, pkg[f]]),
    ];
    for (const [field, target] of pointed) {
      if (!files.has(target.replace(/^\.\//, ''))) problems.push(`${field} → ${target} is not in the tarball`);
    }
    for (const sub of ['.', './simulated', './binance', ...LOCALE_EXPORTS]) {
      const entry = pkg.exports?.[sub];
      if (entry && (typeof entry !== 'object' || !entry.types))
        problems.push(`exports["${sub}"] has no "types" condition`);
    }
    if (pkg.type !== 'module') problems.push('"type" is not "module"');
    if (pkg.sideEffects === undefined)
      problems.push('"sideEffects" is not set (bundlers cannot tree-shake the entries)');
    else if (pkg.sideEffects === true) problems.push('"sideEffects" is true');
    else if (Array.isArray(pkg.sideEffects)) {
      const css = targets(pkg.exports?.['./styles.css']).map((t) => t.replace(/^\.\//, ''));
      for (const file of css) {
        if (!pkg.sideEffects.some((g) => globToRegExp(g).test(file))) {
          problems.push(
            `"sideEffects" does not list ${file}: a bundler would drop \`import 'adjust-margin-kit/styles.css'\``,
          );
        }
      }
      const js = [...files].filter((f) => f.endsWith('.js') && pkg.sideEffects.some((g) => globToRegExp(g).test(f)));
      if (js.length) problems.push(`"sideEffects" marks JS as side-effectful: ${js.join(', ')}`);
    } else if (pkg.sideEffects === false) {
      problems.push('"sideEffects": false would let a bundler drop `import \'adjust-margin-kit/styles.css\'`');
    }
    const stray = [...files].filter(
      (f) =>
        !/^(dist-lib\/|package\.json$|README\.md$|LICENSE|CHANGELOG\.md$)/i.test(f) ||
        /\.(test|spec|stories)\.|\/demo\//.test(f),
    );
    if (stray.length) problems.push(`unexpected files in the tarball: ${stray.join(', ')}`);
    if (problems.length) finding('exports map, entry fields, sideEffects', problems.map((p) => `- ${p}`).join('\n'));
    else
      console.log(
        `  ✓ exports map, entry fields, sideEffects (${files.size} files, ${(packed.size / 1024).toFixed(1)} kB packed)`,
      );
  }

  // 2b. Every package the built JS and .d.ts files import is declared (else it resolves only by luck of hoisting).
  {
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const problems = [];
    for (const file of [...files].filter((f) => /\.(js|d\.ts)$/.test(f))) {
      for (const name of bareImports(readFileSync(join(ROOT, file), 'utf8'))) {
        if (!declared.has(name)) problems.push(`${file} imports "${name}"`);
      }
    }
    if (problems.length) {
      finding(
        'imports of packages that are neither dependencies nor peerDependencies',
        problems.map((p) => `- ${p}`).join('\n'),
      );
    } else console.log('  ✓ every package imported by dist-lib (JS and .d.ts) is a dependency or peer dependency');
  }

  // 3. publint on the tarball, strict: errors, warnings and suggestions all count.
  {
    const start = Date.now();
    const bytes = readFileSync(tarball);
    const tarballBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const { messages, pkg: linted } = await publint({
      pack: { tarball: tarballBuffer },
      strict: true,
      level: 'suggestion',
    });
    if (messages.length) {
      finding(
        `publint (tarball, strict): ${messages.length} message(s)`,
        messages.map((m) => `- ${m.type}: ${formatMessage(m, linted, { color: false })}`).join('\n'),
      );
    } else console.log(`  ✓ publint (tarball, strict) (${secs(Date.now() - start)})`);
  }

  // 4. attw, ESM-only profile (ignores the node10 and node16-from-CJS resolutions only).
  tool(
    'attw (tarball, --profile esm-only)',
    process.execPath,
    [ATTW, tarball, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', '--no-emoji', '--no-color'],
    (r) => r.ok && !/does not contain types/.test(r.output),
  );

  // 5. knip, then knip in production mode.
  tool('knip (knip.json)', process.execPath, [KNIP, '--no-progress'], (r) => r.ok);
  tool('knip --production (exports of src/ that only tests use)', process.execPath, [
    KNIP,
    '--no-progress',
    '--production',
  ]);
  {
    const tagged = readdirSync(join(ROOT, 'src'), { recursive: true }).filter(
      (f) => /\.tsx?$/.test(f) && readFileSync(join(ROOT, 'src', f), 'utf8').includes('@internal'),
    );
    if (tagged.length)
      finding(
        '@internal in src/ (knip --production does not check such exports)',
        tagged.map((f) => `- src/${f}`).join('\n'),
      );
    else console.log('  ✓ no @internal tag in src/');
  }
} catch (error) {
  if (!findings.length) finding('unexpected error', error?.stack ?? String(error));
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

console.log('');
if (findings.length) {
  console.log(`package check FAILED in ${secs(Date.now() - t0)}:`);
  for (const f of findings) console.log(`- ${f.replace(/\n/g, '\n    ')}`);
  process.exit(1);
}
console.log(`package check passed in ${secs(Date.now() - t0)}`);
