// The headline figures of BENCHMARKS.md, each beside the previous run's value (read from the raw JSON
// at the end of the BENCHMARKS.md being replaced), its floor where there is one (the same thing without
// the kit), the issue's target, and the command that reproduces it.
import { existsSync, readFileSync } from 'node:fs';

import { rangeOf } from './rounds.mjs';

const msv = (v) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
const count = (v) => (Number.isFinite(v) ? String(v) : 'n/a');
const times = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const kb = (v) => (Number.isFinite(v) ? `${(v / 1024).toFixed(1)} KB` : 'n/a');
const pct = (v) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} %` : 'n/a');
const fps = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} fps` : 'n/a');

/** A section's result, or undefined (older runs lack newer sections). */
const at = (r, ...path) => path.reduce((o, k) => (o == null ? undefined : o[k]), r);
const sizeOf = (r, name) => r?.size?.rows?.find((row) => row.name === name)?.gzip;
/** A figure measured in rounds: its spread (median, min, max, n) from `spread` in a run's results. */
const rounds = (r, path, key) => at(r, ...path, 'spread', key) ?? undefined;
const tick = (r, run, key) => rounds(r, ['ticks', run], key);
const ENGINE = 'tick: live engine (applyMarks + read all)';

/**
 * Every headline figure: `get` reads it from a run's results (this run's or a previous one's raw
 * JSON), `floor` the same page or thing without the kit where there is one. A figure measured in
 * rounds also has `range`: its spread over the rounds, shown as "median (min–max)"; `get` falls back
 * to the single figure of a run from before the rounds.
 */
export const HEADLINES = [
  {
    label:
      'live engine, one all-market tick over 1,000 positions (Node): CPU time per tick, median of the interleaved rounds (range: the medians of its 3 blocks)',
    command: 'npm run bench -- core',
    format: msv,
    get: (r) => at(r, 'core', 'paired', 'cpu', 'engine'),
    range: (r) => at(r, 'core', 'paired', 'blocks', 'cpu', 'engine'),
    floor: (r) => at(r, 'core', 'paired', 'cpu', 'recompute'),
    floorLabel: 'recompute everything, CPU',
    target: '≤ 10 ms',
  },
  {
    label: 'live engine, the same tick: wall time, tinybench median (inflated when the machine is busy)',
    command: 'npm run bench -- core',
    format: msv,
    get: (r) => at(r, 'core', 'tick')?.find((k) => k.name === ENGINE)?.p50,
    floor: (r) => at(r, 'core', 'tick')?.find((k) => k.name === 'tick: recompute everything (core functions)')?.p50,
    floorLabel: 'recompute everything',
  },
  {
    label: 'typing: input → next frame, dialog ÷ bare controlled input, median of the rounds',
    command: 'npm run bench -- typing',
    format: times,
    get: (r) => at(r, 'typing', 'ratio', 'rounds', 'median') ?? at(r, 'typing', 'ratio', 'frame'),
    range: (r) => at(r, 'typing', 'ratio', 'rounds'),
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
    get: (r) => tick(r, 'everyTick', 'kitPerTickMs')?.median ?? at(r, 'ticks', 'everyTick', 'kit', 'perTickMs'),
    range: (r) => tick(r, 'everyTick', 'kitPerTickMs'),
    floor: (r) => tick(r, 'floor', 'perTickMs')?.median ?? at(r, 'ticks', 'floor', 'busy', 'perTickMs'),
    floorLabel: 'page without the kit, per tick',
    target: '≤ 2 ms',
  },
  {
    label: "ticks, every tick: the kit's share per tick, CPU time (trace thread time; steadier on a shared machine)",
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) => tick(r, 'everyTick', 'kitCpuPerTickMs')?.median ?? at(r, 'ticks', 'everyTick', 'kit', 'cpuPerTickMs'),
    range: (r) => tick(r, 'everyTick', 'kitCpuPerTickMs'),
    floor: (r) => tick(r, 'floor', 'cpuPerTickMs')?.median ?? at(r, 'ticks', 'floor', 'busy', 'cpuPerTickMs'),
    floorLabel: 'page without the kit, per tick',
  },
  {
    label: "ticks, the table alone on every tick (no dialog): the kit's share per tick, CPU time",
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) => tick(r, 'tableOnly', 'kitCpuPerTickMs')?.median ?? at(r, 'ticks', 'tableOnly', 'kit', 'cpuPerTickMs'),
    range: (r) => tick(r, 'tableOnly', 'kitCpuPerTickMs'),
    floor: (r) => tick(r, 'floor', 'cpuPerTickMs')?.median ?? at(r, 'ticks', 'floor', 'busy', 'cpuPerTickMs'),
    floorLabel: 'page without the kit, per tick',
  },
  {
    label:
      "ticks, every tick: the browser alone showing the kit's text changes (bare writes: a static copy of the kit's page, the texts rewritten by a bare script), share per tick, CPU time: no script goes below it",
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) => tick(r, 'bareWrites', 'kitCpuPerTickMs')?.median,
    range: (r) => tick(r, 'bareWrites', 'kitCpuPerTickMs'),
    floor: (r) => tick(r, 'floor', 'cpuPerTickMs')?.median,
    floorLabel: 'page without the kit, per tick',
  },
  {
    label: 'ticks, every tick: long tasks, all rounds together (range: per round)',
    command: 'npm run bench -- ticks',
    format: count,
    get: (r) => at(r, 'ticks', 'everyTick', 'longTasksAllRounds') ?? at(r, 'ticks', 'everyTick', 'longTasks'),
    range: (r) => tick(r, 'everyTick', 'longTasks'),
    floor: (r) => at(r, 'ticks', 'floor', 'longTasksAllRounds') ?? at(r, 'ticks', 'floor', 'longTasks'),
    floorLabel: 'page without the kit',
    target: '0',
  },
  {
    label: 'ticks, every tick: display delay (tick → the next frame after the DOM changed), median',
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) =>
      tick(r, 'everyTick', 'frameDelayMedianMs')?.median ??
      at(r, 'ticks', 'everyTick', 'frameDelayMs', 'median') ??
      at(r, 'ticks', 'everyTick', 'displayDelayMs', 'median'),
    range: (r) => tick(r, 'everyTick', 'frameDelayMedianMs'),
    target: '≤ 16.7 ms (one frame)',
  },
  {
    label: "ticks, default throttle: the kit's share per tick",
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) => tick(r, 'production', 'kitPerTickMs')?.median ?? at(r, 'ticks', 'production', 'kit', 'perTickMs'),
    range: (r) => tick(r, 'production', 'kitPerTickMs'),
    floor: (r) => tick(r, 'floor', 'perTickMs')?.median ?? at(r, 'ticks', 'floor', 'busy', 'perTickMs'),
    floorLabel: 'page without the kit, per tick',
  },
  {
    label: 'ticks, default throttle: display delay (tick → next frame after the DOM changed), median',
    command: 'npm run bench -- ticks',
    format: msv,
    get: (r) =>
      tick(r, 'production', 'frameDelayMedianMs')?.median ??
      at(r, 'ticks', 'production', 'frameDelayMs', 'median') ??
      at(r, 'ticks', 'production', 'displayDelayMs', 'median'),
    range: (r) => tick(r, 'production', 'frameDelayMedianMs'),
  },
  {
    label:
      "1,000 positions, one all-market tick a second: the kit's share of main-thread time per tick (the kit's page minus the same page without the kit; the engine included), wall",
    command: 'npm run bench -- large',
    format: msv,
    get: (r) => rounds(r, ['large', 'kit'], 'kitPerTickMs')?.median ?? at(r, 'large', 'kit', 'kit', 'perTickMs'),
    range: (r) => rounds(r, ['large', 'kit'], 'kitPerTickMs'),
    floor: (r) => rounds(r, ['large', 'floor'], 'perTickMs')?.median ?? at(r, 'large', 'floor', 'busy', 'perTickMs'),
    floorLabel: 'page without the kit, per tick',
    target: '≤ 10 ms',
  },
  {
    label: "1,000 positions: the kit's share per tick, CPU time (trace thread time)",
    command: 'npm run bench -- large',
    format: msv,
    get: (r) => rounds(r, ['large', 'kit'], 'kitCpuPerTickMs')?.median ?? at(r, 'large', 'kit', 'kit', 'cpuPerTickMs'),
    range: (r) => rounds(r, ['large', 'kit'], 'kitCpuPerTickMs'),
    floor: (r) =>
      rounds(r, ['large', 'floor'], 'cpuPerTickMs')?.median ?? at(r, 'large', 'floor', 'busy', 'cpuPerTickMs'),
    floorLabel: 'page without the kit, per tick',
  },
  {
    label:
      "1,000 positions: the browser alone holding the kit's page and showing its text changes (bare writes, as above), share per tick, wall",
    command: 'npm run bench -- large',
    format: msv,
    get: (r) => rounds(r, ['large', 'bare'], 'kitPerTickMs')?.median,
    range: (r) => rounds(r, ['large', 'bare'], 'kitPerTickMs'),
    floor: (r) => rounds(r, ['large', 'floor'], 'perTickMs')?.median,
    floorLabel: 'page without the kit, per tick',
  },
  {
    label: '1,000 positions: main-thread time per tick of the whole page (the kit and the floor together), wall',
    command: 'npm run bench -- large',
    format: msv,
    get: (r) => rounds(r, ['large', 'kit'], 'perTickMs')?.median ?? at(r, 'large', 'kit', 'busy', 'perTickMs'),
    range: (r) => rounds(r, ['large', 'kit'], 'perTickMs'),
  },
  {
    label: '1,000 positions: long tasks during ticks and scrolling, all rounds together (range: per round)',
    command: 'npm run bench -- large',
    format: count,
    get: (r) => at(r, 'large', 'longTasks', 'total') ?? at(r, 'large', 'kit', 'longTasks'),
    range: (r) => at(r, 'large', 'longTasks', 'perRound'),
    floor: (r) => at(r, 'large', 'floor', 'longTasksAllRounds') ?? at(r, 'large', 'floor', 'longTasks'),
    floorLabel: 'page without the kit',
    target: '0',
  },
  {
    label: '1,000 positions: scrolling the table while ticks arrive, frame rate, median of the rounds',
    command: 'npm run bench -- large',
    format: fps,
    get: (r) => rounds(r, ['large', 'kit', 'scroll'], 'fps')?.median ?? at(r, 'large', 'kit', 'scroll', 'fps'),
    range: (r) => rounds(r, ['large', 'kit', 'scroll'], 'fps'),
    target: '60 fps',
  },
  {
    label: '1,000 positions: scrolling, longest frame of all rounds (range: the longest of each round)',
    command: 'npm run bench -- large',
    format: msv,
    get: (r) => at(r, 'large', 'kit', 'scroll', 'worstGapMs'),
    range: (r) => rounds(r, ['large', 'kit', 'scroll'], 'worstGapMs'),
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
  // The range beside a figure measured in more than one round.
  const range = (h, r) => {
    const s = h.range?.(r);
    return s?.n > 1 ? rangeOf(s, h.format) : '';
  };
  return HEADLINES.filter((h) => h.get(results) !== undefined).map((h) => {
    const prev = previous ? h.get(previous) : undefined;
    const floor = h.floor?.(results);
    return {
      label: h.label,
      now: h.format(h.get(results)),
      nowRange: range(h, results),
      previous: prev === undefined ? '—' : h.format(prev) + (range(h, previous) ? ` (${range(h, previous)})` : ''),
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
      (r) =>
        `| ${r.label} | **${r.now}**${r.nowRange ? ` (${r.nowRange})` : ''} | ${r.previous} | ${r.floor} | ${r.target} | \`${r.command}\` |`,
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
      `  ${r.label}: ${r.now}${r.nowRange ? ` (${r.nowRange})` : ''} (previous ${r.previous}${r.floor ? `; floor ${r.floor}` : ''}${r.target ? `; target ${r.target}` : ''})  [${r.command}]`,
    );
}
