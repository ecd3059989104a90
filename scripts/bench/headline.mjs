// The headline figures of BENCHMARKS.md, each beside the previous run's value (read from the raw JSON
// at the end of the BENCHMARKS.md being replaced), its floor where there is one (the same thing without
// the kit), the issue's target, and the command that reproduces it.
import { existsSync, readFileSync } from 'node:fs';

const msv = (v) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
const count = (v) => (Number.isFinite(v) ? String(v) : 'n/a');
const times = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const kb = (v) => (Number.isFinite(v) ? `${(v / 1024).toFixed(1)} KB` : 'n/a');
const pct = (v) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} %` : 'n/a');
const fps = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} fps` : 'n/a');

/** A section's result, or undefined (older runs lack newer sections). */
const at = (r, ...path) => path.reduce((o, k) => (o == null ? undefined : o[k]), r);
const sizeOf = (r, name) => r?.size?.rows?.find((row) => row.name === name)?.gzip;

/**
 * Every headline figure: `get` reads it from a run's results (this run's or a previous one's raw
 * JSON), `floor` the same page or thing without the kit where there is one.
 */
export const HEADLINES = [
  {
    label: 'live engine, one all-market tick over 1,000 positions (Node), median',
    command: 'npm run bench -- core',
    format: msv,
    get: (r) => at(r, 'core', 'tick')?.find((k) => k.name === 'tick: live engine (applyMarks + read all)')?.p50,
    floor: (r) => at(r, 'core', 'tick')?.find((k) => k.name === 'tick: recompute everything (core functions)')?.p50,
    floorLabel: 'recompute everything',
    target: '≤ 10 ms',
  },
  {
    label: 'typing: input → next frame, dialog ÷ bare controlled input, median',
    command: 'npm run bench -- typing',
    format: times,
    get: (r) => at(r, 'typing', 'ratio', 'frame'),
    target: '≤ 1.2×',
  },
  {
    label: 'typing: input → next frame in the dialog, median',
    command: 'npm run bench -- typing',
    format: msv,
    get: (r) => at(r, 'typing', 'dialog', 'frame', 'median'),
    floor: (r) => at(r, 'typing', 'bare', 'frame', 'median'),
    floorLabel: 'bare input',
  },
  {
    label: "ticks, 50 Hz × 200 rows, dialog open, every tick (`throttleMs` 0): the kit's share per tick",
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) => at(r, 'ticks', 'everyTick', 'kit', 'perTickMs'),
    floor: (r) => at(r, 'ticks', 'floor', 'busy', 'perTickMs'),
    floorLabel: 'page without the kit, per tick',
    target: '≤ 2 ms',
  },
  {
    label: "ticks, every tick: the kit's share per tick, CPU time (trace thread time; steadier on a shared machine)",
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) => at(r, 'ticks', 'everyTick', 'kit', 'cpuPerTickMs'),
    floor: (r) => at(r, 'ticks', 'floor', 'busy', 'cpuPerTickMs'),
    floorLabel: 'page without the kit, per tick',
  },
  {
    label: "ticks, the table alone on every tick (no dialog): the kit's share per tick, CPU time",
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) => at(r, 'ticks', 'tableOnly', 'kit', 'cpuPerTickMs'),
    floor: (r) => at(r, 'ticks', 'floor', 'busy', 'cpuPerTickMs'),
    floorLabel: 'page without the kit, per tick',
  },
  {
    label: 'ticks, every tick: long tasks',
    command: 'npm run bench -- ticks',
    format: count,
    get: (r) => at(r, 'ticks', 'everyTick', 'longTasks'),
    floor: (r) => at(r, 'ticks', 'floor', 'longTasks'),
    floorLabel: 'page without the kit',
    target: '0',
  },
  {
    label: 'ticks, every tick: display delay (tick → the next frame after the DOM changed), median',
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) =>
      at(r, 'ticks', 'everyTick', 'frameDelayMs', 'median') ?? at(r, 'ticks', 'everyTick', 'displayDelayMs', 'median'),
    target: '≤ 16.7 ms (one frame)',
  },
  {
    label: "ticks, default throttle: the kit's share per tick",
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) => at(r, 'ticks', 'production', 'kit', 'perTickMs'),
    floor: (r) => at(r, 'ticks', 'floor', 'busy', 'perTickMs'),
    floorLabel: 'page without the kit, per tick',
  },
  {
    label: 'ticks, default throttle: display delay (tick → next frame after the DOM changed), median',
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) =>
      at(r, 'ticks', 'production', 'frameDelayMs', 'median') ??
      at(r, 'ticks', 'production', 'displayDelayMs', 'median'),
  },
  {
    label: '1,000 positions, one all-market tick a second: main-thread time per tick (engine included)',
    command: 'npm run bench -- large',
    format: msv,
    get: (r) => at(r, 'large', 'kit', 'busy', 'perTickMs'),
    floor: (r) => at(r, 'large', 'floor', 'busy', 'perTickMs'),
    floorLabel: 'page without the kit, per tick',
    target: '≤ 10 ms',
  },
  {
    label: '1,000 positions: long tasks during ticks and scrolling',
    command: 'npm run bench -- large',
    format: count,
    get: (r) => at(r, 'large', 'kit', 'longTasks'),
    floor: (r) => at(r, 'large', 'floor', 'longTasks'),
    floorLabel: 'page without the kit',
    target: '0',
  },
  {
    label: '1,000 positions: scrolling the table while ticks arrive, frame rate',
    command: 'npm run bench -- large',
    format: fps,
    get: (r) => at(r, 'large', 'kit', 'scroll', 'fps'),
    target: '60 fps',
  },
  {
    label: '1,000 positions: scrolling, longest frame',
    command: 'npm run bench -- large',
    format: msv,
    get: (r) => at(r, 'large', 'kit', 'scroll', 'worstGapMs'),
    target: '≤ 50 ms',
  },
  {
    label: 'memory: JS heap after forced GC, end vs after the first minute',
    command: 'npm run bench -- memory',
    format: pct,
    get: (r) => at(r, 'memory', 'heapGrowth'),
    target: '≤ +10 %',
  },
  {
    label: 'memory: detached DOM nodes at the end, minus the baseline',
    command: 'npm run bench -- memory',
    format: count,
    get: (r) => at(r, 'memory', 'detachedGrowth'),
    target: '0',
  },
  {
    label: 'size: `adjust-margin-kit` (main entry), gzip',
    command: 'node scripts/size.mjs',
    format: kb,
    get: (r) => sizeOf(r, 'adjust-margin-kit'),
    target: '≤ 16 KB',
  },
  {
    label: 'size: `adjust-margin-kit/headless`, gzip',
    command: 'node scripts/size.mjs',
    format: kb,
    get: (r) => sizeOf(r, 'adjust-margin-kit/headless'),
    target: '≤ 8 KB',
  },
  {
    label: 'size: a typical app (`MarginSourceProvider` and `PositionsTable` only, tree-shaken), gzip',
    command: 'node scripts/size.mjs',
    format: kb,
    get: (r) => sizeOf(r, "import { MarginSourceProvider, PositionsTable } from 'adjust-margin-kit'"),
  },
  {
    label: 'size: `adjust-margin-kit/styles.css`, gzip',
    command: 'node scripts/size.mjs',
    format: kb,
    get: (r) => sizeOf(r, 'adjust-margin-kit/styles.css'),
    target: '≤ 4 KB',
  },
];

/** The raw JSON of a BENCHMARKS.md (its last ```json block), or null when there is none. */
export function readPrevious(file) {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/```json\n([\s\S]*?)\n```/g)];
  if (!blocks.length) return null;
  try {
    return JSON.parse(blocks[blocks.length - 1][1]);
  } catch {
    return null;
  }
}

/** One row per headline figure measured in this run. */
export function headlineRows(results, previous) {
  return HEADLINES.filter((h) => h.get(results) !== undefined).map((h) => {
    const prev = previous ? h.get(previous) : undefined;
    const floor = h.floor?.(results);
    return {
      label: h.label,
      now: h.format(h.get(results)),
      previous: prev === undefined ? '—' : h.format(prev),
      floor: floor === undefined ? '' : `${h.format(floor)} (${h.floorLabel})`,
      target: h.target ?? '',
      command: h.command,
    };
  });
}

/** The headline table in Markdown. */
export function headlineMarkdown(results, previous) {
  const date = previous?.machine?.date ?? 'none';
  return [
    `| figure | this run | previous run (${date}) | floor (without the kit) | target (issue 15) | command |`,
    '|---|---|---|---|---|---|',
    ...headlineRows(results, previous).map(
      (r) => `| ${r.label} | **${r.now}** | ${r.previous} | ${r.floor} | ${r.target} | \`${r.command}\` |`,
    ),
  ];
}

/** The headline figures on the console, each beside the previous run's. */
export function printHeadlines(results, previous, log) {
  const rows = headlineRows(results, previous);
  if (!rows.length) return;
  log(`\n== headline figures (previous run: ${previous?.machine?.date ?? 'none'})`);
  for (const r of rows)
    log(
      `  ${r.label}: ${r.now} (previous ${r.previous}${r.floor ? `; floor ${r.floor}` : ''}${r.target ? `; target ${r.target}` : ''})  [${r.command}]`,
    );
}
