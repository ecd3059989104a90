// After `tsc -p tsconfig.build.json`: the emitted .d.ts files import "./core/decimal" and the like,
// which resolve under the bundler setting but not under Node's ESM rules (node16/nodenext), where
// an import needs its ".js" (or "/index.js"). Rewrites each relative specifier to the file it names.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist-lib/types');
let rewritten = 0;

function target(fromDir, spec) {
  const base = resolve(fromDir, spec);
  if (existsSync(`${base}.d.ts`)) return `${spec}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${spec}/index.js`;
  throw new Error(`${spec} (from ${fromDir}) names no declaration file`);
}

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.d.ts')) {
      const code = readFileSync(path, 'utf8');
      const next = code.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]*?)\2/g, (m, lead, q, spec) => {
        if (/\.(js|css)$/.test(spec)) return m;
        rewritten += 1;
        return `${lead}${q}${target(dirname(path), spec)}${q}`;
      });
      if (next !== code) writeFileSync(path, next);
    }
  }
}

walk(root);
console.log(`dts-extensions: ${rewritten} relative imports now name their .js file`);
