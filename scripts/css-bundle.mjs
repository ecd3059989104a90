// The published stylesheet: src/ui/adjust-margin.css with its `@import './…';` lines replaced by
// the files they name (recursively, each once), so adjust-margin-kit/styles.css is one
// self-contained file, minified by lightningcss (comments and whitespace gone; no syntax lowered,
// no prefixes added). Any other @import (a URL, a package, a media query) is an error.
//
//   node scripts/css-bundle.mjs <entry.css> <out.css>
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { transform } from 'lightningcss';

const IMPORT = /^@import\s+(['"])(\.{1,2}\/[^'"]+\.css)\1\s*;[^\S\n]*\n?/gm;

/** The stylesheet at `entry` with its relative imports inlined. */
function bundleCss(entry, seen = new Set()) {
  const path = resolve(entry);
  if (seen.has(path)) throw new Error(`${path} is imported twice`);
  seen.add(path);
  const inlined = readFileSync(path, 'utf8').replace(IMPORT, (_, _q, spec) =>
    bundleCss(resolve(dirname(path), spec), seen),
  );
  const left = inlined.match(/^\s*@import\b.*$/m);
  if (left) throw new Error(`${path}: only relative imports of .css files can be inlined: ${left[0].trim()}`);
  return inlined.endsWith('\n') ? inlined : `${inlined}\n`;
}

/** The stylesheet as published: `bundleCss(entry)`, minified. */
export function publishedCss(entry) {
  const { code } = transform({ filename: entry, code: Buffer.from(bundleCss(entry)), minify: true });
  return `${code.toString()}\n`;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const [entry, out] = process.argv.slice(2);
  if (!entry || !out) throw new Error('usage: node scripts/css-bundle.mjs <entry.css> <out.css>');
  writeFileSync(out, publishedCss(entry));
}
