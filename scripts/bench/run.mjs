// `npm run bench`: every figure of BENCHMARKS.md, printed, and BENCHMARKS.md written (after a full run).
//
//   npm run bench                 every section (about 21 minutes, 10 of them the memory run); writes BENCHMARKS.md
//   npm run bench -- core         one or more sections only (printed, BENCHMARKS.md left alone)
//   BENCH_QUICK=1 npm run bench   short runs, to try the harness (figures not meaningful)
//   BENCH_MEMORY_MINUTES=1 npm run bench -- memory   a shorter memory run (the full run takes 10)
//   BENCH_TICK_RUNS=floor,everyTick npm run bench -- ticks   some of the tick runs only (the floor always runs)
//   BENCH_ROUNDS=1 npm run bench -- ticks   rounds of the ticks, large and typing runs (3; 2 with BENCH_QUICK):
//           each headline figure is the median of the rounds, with their range
//   BENCH_QUICK=1 BENCH_MARKDOWN_TO=/tmp/b.md npm run bench   try the report's generator
//   BENCH_TRACE_FILE=/tmp/t.json npm run bench -- ticks   each traced run's Chromium trace kept
//           (/tmp/t-floor-1.json, /tmp/t-everyTick-2.json, ...: run and round; open them in chrome://tracing or Perfetto)
//
// Sections:
//   core    Node + tinybench: the dialog's limits for one position; one all-market tick over 1,000
//           positions, recomputed by the core functions and by the live engine, side by side.
//   typing  Chromium: per keystroke, input event → next frame, in the dialog's amount field and in a
//           bare controlled <input> of the same bench page; and the dialog in the demo page (index.html).
//   ticks   Chromium: 200 positions, the dialog open, mark prices at 50 Hz for 10 s; the floor, the
//           default throttle, every tick, the table alone and the bare writes (the kit's text changes
//           replayed in a static copy of its page: what the browser alone costs) in 3 interleaved rounds.
//   large   Chromium: 1,000 positions on 625 symbols, the dialog open, one all-market tick a second;
//           3 rounds of 15 s of the floor, 15 s of the kit (main-thread time per tick, long tasks) and
//           15 s of the bare writes, then 5 s of scrolling through the table while the ticks go on (frame
//           rate, longest frame).
//   memory  Chromium: 10 minutes at 50 Hz, the dialog opened, edited and closed every 5 s: JS heap
//           after a forced GC at the end against after the first minute; detached DOM nodes.
//   size    scripts/size.mjs: what each entry adds, minified + gzipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import {
  bareWrites,
  captureChangedTexts,
  CHROMIUM,
  CHROMIUM_ARGS,
  launch,
  measureDemoTyping,
  measureMemory,
  measureTicks,
  measureTyping,
} from './browser.mjs';
import { headlineMarkdown, printHeadlines, readPrevious } from './headline.mjs';
import { medianRound, rangeOf, spread, spreads, withRange } from './rounds.mjs';
import { renderFrame } from './traceFrame.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
process.chdir(ROOT);
const CACHE = join(ROOT, 'node_modules/.cache/amk-bench');
const QUICK = process.env.BENCH_QUICK === '1';
const ALL = ['core', 'typing', 'ticks', 'large', 'memory', 'size'];
const FRAME_PNG = 'docs/bench-every-tick-frame.png';
const MEMORY_MINUTES = Number(process.env.BENCH_MEMORY_MINUTES ?? (QUICK ? 1 : 10));
// Rounds of the noisy browser runs (ticks, large, typing): each figure is their median, with the range.
const ROUNDS = Math.max(1, Math.round(Number(process.env.BENCH_ROUNDS ?? (QUICK ? 2 : 3))));
// The 1,000-position section, per round: seconds of ticks traced (floor and kit each), then of scrolling.
const LARGE_SECONDS = 15;
const SCROLL_SECONDS = 5;
const asked = process.argv.slice(2).filter((a) => ALL.includes(a));
const sections = asked.length ? asked : ALL;
const full =
  sections.length === ALL.length && !QUICK && MEMORY_MINUTES === 10 && ROUNDS === 3 && !process.env.BENCH_TICK_RUNS;
// The table's [Edit] button of the BTCUSDT long.
const EDIT = 'Edit margin for BTCUSDT Long';
const started = Date.now();
// The store's default throttle, read from its source (node runs no TypeScript here).
const THROTTLE_MS = Number(
  /DEFAULT_THROTTLE_MS = (\d+)/.exec(readFileSync(join(ROOT, 'src/engine/markPriceStore.ts'), 'utf8'))?.[1],
);

const log = (...a) => console.log(...a);
const ms = (v, d = 2) => (Number.isFinite(v) ? `${v.toFixed(d)} ms` : 'n/a');
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // no nproc: keep Node's count
  }
  let chromium = 'not found';
  try {
    chromium =
      /Chromium\s+[\d.]+/.exec(
        execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
      )?.[0] ?? chromium;
  } catch {
    // no Chromium: the browser sections will say so
  }
  return {
    nproc,
    cpu,
    node: process.version,
    chromium,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

// ---------------------------------------------------------------------------------------------

async function runCore() {
  log('\n== core: building scripts/bench/core.ts for node');
  const outDir = join(CACHE, 'node');
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: 'scripts/bench/core.ts',
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rolldownOptions: { output: { entryFileNames: 'core.mjs', format: 'es' } },
    },
  });
  log('== core: running (tinybench)');
  const r = spawnSync(process.execPath, [join(outDir, 'core.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_QUICK: QUICK ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`core bench exited ${r.status}`);
  const result = JSON.parse(r.stdout.trim().split('\n').pop());
  const t = Object.fromEntries(result.tick.map((k) => [k.name, k]));
  const everything = t['tick: recompute everything (core functions)'];
  const cached = t['tick: recompute, liquidation prices kept per snapshot'];
  const engine = t['tick: live engine (applyMarks + read all)'];
  result.ratio = { everything: everything.p50 / engine.p50, cachedLp: cached.p50 / engine.p50 };
  log('  one position (default scenario, 8 positions):');
  for (const o of result.one) log(`    ${o.name}: median ${ms(o.p50, 3)}, p99 ${ms(o.p99, 3)} (${o.samples} samples)`);
  log(`  one all-market tick, ${result.counts.positions} positions over ${result.counts.symbols} symbols:`);
  for (const k of result.tick) log(`    ${k.name}: median ${ms(k.p50)}, p99 ${ms(k.p99)} (${k.samples} samples)`);
  log(
    `    engine vs recompute everything: ${x(result.ratio.everything)} faster; vs recompute with LP kept: ${x(result.ratio.cachedLp)}`,
  );
  const pr = result.paired;
  log(
    `    interleaved, ${pr.rounds} rounds in ${pr.blocks.n} blocks: engine median ${ms(pr.wall.engine)} wall (blocks' medians ${rangeOf(pr.blocks.wall.engine, ms)}), ${ms(pr.cpu.engine)} CPU (${rangeOf(pr.blocks.cpu.engine, ms)})`,
  );
  log(
    `    interleaved, ${pr.rounds} rounds: recompute everything ${ms(pr.wall.recompute)} wall / ${ms(pr.cpu.recompute)} CPU; engine ${ms(pr.wall.engine)} wall / ${ms(pr.cpu.engine)} CPU; ratio ${x(pr.wall.ratio)} wall, ${x(pr.cpu.ratio)} CPU`,
  );
  return result;
}

async function buildPage(mode) {
  await build({ configFile: join(ROOT, 'scripts/bench/vite.config.mjs'), mode, logLevel: 'warn' });
  return join(CACHE, `page-${mode}`);
}

async function serve(outDir) {
  const server = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    build: { outDir },
  });
  const url = server.resolvedUrls?.local?.[0];
  if (!url) throw new Error('vite preview gave no URL');
  return { url, close: () => server.close() };
}

async function withServer(outDir, fn) {
  const s = await serve(outDir);
  try {
    return await fn(s.url);
  } finally {
    await s.close();
  }
}

async function runTyping(browser) {
  log('\n== typing: building the bench page (production)');
  const page = await buildPage('production');
  const opts = { rounds: Math.max(ROUNDS, 2), cycles: QUICK ? 1 : 5, editButton: EDIT };
  const result = await withServer(page, (url) => measureTyping(browser, `${url}?positions=200`, opts));
  log(
    `  bare <input>:  input → next frame median ${ms(result.bare.frame.median)}, p95 ${ms(result.bare.frame.p95)}; JS work median ${ms(result.bare.work.median)} (${result.bare.n} keys, ${result.bare.check.ok}/${result.bare.check.total} frames showed the key)`,
  );
  log(
    `  dialog amount: input → next frame median ${ms(result.dialog.frame.median)}, p95 ${ms(result.dialog.frame.p95)}; JS work median ${ms(result.dialog.work.median)} (${result.dialog.n} keys, ${result.dialog.check.ok}/${result.dialog.check.total} frames showed the key's validation and preview)`,
  );
  log(
    `  ratio dialog / bare: median ${x(result.ratio.frame)}, p95 ${x(result.ratio.frameP95)}; per round, median (min–max): ${withRange(result.ratio.rounds, x)}`,
  );

  log('== typing: the demo page (index.html)');
  const demoDir = join(CACHE, 'demo');
  const b = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', demoDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      encoding: 'utf8',
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    },
  );
  if (b.status !== 0) {
    result.demo = { skipped: `vite build failed: ${(b.stderr || b.stdout).trim().split('\n').slice(0, 3).join(' ')}` };
  } else {
    try {
      result.demo = await withServer(demoDir, (url) =>
        measureDemoTyping(browser, url, { cycles: QUICK ? 1 : 8, editButton: EDIT }),
      );
    } catch (e) {
      result.demo = { skipped: `not measured: ${String(e.message ?? e).split('\n')[0]}` };
    }
  }
  if (result.demo.skipped) log(`  demo: ${result.demo.skipped}`);
  else
    log(
      `  demo dialog: input → next frame median ${ms(result.demo.dialog.frame.median)}, p95 ${ms(result.demo.dialog.frame.p95)} (${result.demo.dialog.n} keys, ${result.demo.dialog.check.ok}/${result.demo.dialog.check.total} verified)`,
    );
  return result;
}

/** The kit's share of a run: its main-thread time per tick minus the floor run's (same page without the kit). */
function kitShare(run, floor) {
  if (!run.busy || !floor.busy) return null;
  const minus = (a, b) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] ?? 0)]));
  return {
    perTickMs: run.busy.perTickMs - floor.busy.perTickMs,
    perTickByKindMs: minus(run.busy.perTickByKindMs, floor.busy.perTickByKindMs),
    cpuPerTickMs: run.busy.cpuPerTickMs - floor.busy.cpuPerTickMs,
    cpuPerTickByKindMs: minus(run.busy.cpuPerTickByKindMs, floor.busy.cpuPerTickByKindMs),
    perTickByTaskMs: minus(run.busy.perTickByTaskMs, floor.busy.perTickByTaskMs),
    cpuPerTickByTaskMs: minus(run.busy.cpuPerTickByTaskMs, floor.busy.cpuPerTickByTaskMs),
  };
}

/** Key figures of one tick run, for their spread over the rounds. */
function roundFigures(r) {
  return {
    ticks: r.ticks,
    perTickMs: r.busy?.perTickMs,
    cpuPerTickMs: r.busy?.cpuPerTickMs,
    kitPerTickMs: r.kit?.perTickMs,
    kitCpuPerTickMs: r.kit?.cpuPerTickMs,
    busyShare: r.busy?.share,
    longTasks: r.longTasks,
    longestTask: r.longestTask,
    domDelayMedianMs: r.domDelayMs?.median,
    frameDelayMedianMs: r.frameDelayMs?.median,
  };
}

/**
 * A run measured in several rounds, as one result: the median round in full (by the kit's CPU share,
 * or by CPU time for the floor; or the round `shown`), with `rounds` (every round's key figures),
 * `spread` (their median and range), `shownRound` (which round is shown in full) and `longTasksAllRounds`.
 */
function combineRounds(
  rounds,
  shown = medianRound(rounds, (r) => r.kit?.cpuPerTickMs ?? r.busy?.cpuPerTickMs ?? r.ticks),
) {
  const figures = rounds.map(roundFigures);
  shown.rounds = figures;
  shown.spread = spreads(figures);
  shown.shownRound = rounds.indexOf(shown) + 1;
  shown.longTasksAllRounds = rounds.reduce((n, r) => n + r.longTasks, 0);
  return shown;
}

const rangeText = (s, f = ms) => withRange(s, f);

/** The kit's page (the dialog open) recorded for the bare writes over `seconds` of ticks at `hz`. */
async function recordKitPage(browser, url, { hz, seconds }, section) {
  log(`== ${section}: the kit's page copied, and the texts ${seconds} s of ticks at ${hz} Hz change in it`);
  const capture = await captureChangedTexts(browser, url, { hz, seconds, editButton: EDIT });
  log(`  ${capture.paths.length} elements whose text the ticks changed, ${capture.writesPerTick.toFixed(1)} a tick`);
  return capture;
}

async function runTicks(browser) {
  log('\n== ticks: building the bench page (production and profiling)');
  const prod = await buildPage('production');
  const prof = await buildPage('profiling');
  const seconds = QUICK ? 3 : 10;
  const opts = { hz: 50, seconds, idleSeconds: QUICK ? 1 : 2, editButton: EDIT };
  const page = '?positions=200';
  // The runs of one round, in order; `once`: in the first round only (not a headline figure).
  const RUNS = [
    { name: 'floor', what: 'floor (the page without the table and dialog)', query: '&kit=0', dialog: false },
    { name: 'production', what: `the kit at its default throttle (${THROTTLE_MS} ms)`, query: '' },
    { name: 'faster', what: 'the kit at throttleMs 100', query: '&throttleMs=100', once: true },
    { name: 'everyTick', what: 'the kit on every tick (throttleMs 0)', query: '&throttleMs=0' },
    {
      name: 'tableOnly',
      what: 'the table alone on every tick (throttleMs 0, no dialog open)',
      query: '&throttleMs=0',
      dialog: false,
    },
    {
      name: 'bareWrites',
      what: 'the same text changes without the kit (a static copy of the every-tick page, its changed texts rewritten by a bare script on every tick)',
      query: '&kit=0',
      dialog: false,
      bare: true,
    },
  ];
  // BENCH_TICK_RUNS=floor,everyTick: only those runs (trying a change; the floor always runs, the
  // kit's share is measured against it); BENCHMARKS.md needs them all.
  const only = process.env.BENCH_TICK_RUNS?.split(',');
  const want = (name) => name === 'floor' || !only || only.includes(name);
  const rounds = {};
  // The bare writes' recording of the kit's page.
  let capture;
  await withServer(prod, async (url) => {
    if (want('bareWrites'))
      capture = await recordKitPage(browser, `${url}${page}&throttleMs=0`, { hz: 50, seconds: 1 }, 'ticks');
    for (let round = 1; round <= ROUNDS; round++)
      for (const run of RUNS) {
        if (!want(run.name) || (run.once && round > 1)) continue;
        log(`== ticks, round ${round} of ${ROUNDS}: ${run.what}, ${seconds} s at 50 Hz, traced`);
        const r = await measureTicks(browser, `${url}${page}${run.query}`, {
          ...opts,
          editButton: run.dialog === false ? null : EDIT,
          prepare: run.bare ? bareWrites(capture) : undefined,
          trace: `${run.name}-${round}`,
        });
        if (run.name !== 'floor') r.kit = kitShare(r, rounds.floor[round - 1]);
        (rounds[run.name] ??= []).push(r);
      }
  });
  const runs = Object.fromEntries(Object.entries(rounds).map(([name, rs]) => [name, combineRounds(rs)]));
  if (runs.bareWrites) runs.bareWrites.bareWritesPerTick = capture.writesPerTick;
  if (want('profiling')) {
    log(`== ticks: profiling build (react-dom/profiling), default throttle`);
    runs.profiling = await withServer(prof, (url) => measureTicks(browser, `${url}${page}`, { ...opts, trace: false }));
  }
  const frame = runs.everyTick?.frameTimeline;
  if (frame) {
    // A partial run leaves the repo's picture as it is (like BENCHMARKS.md): it draws into the cache.
    const png = full ? join(ROOT, FRAME_PNG) : join(CACHE, 'bench-every-tick-frame.png');
    await renderFrame(
      browser,
      frame,
      `One every-tick frame (throttleMs 0, 50 Hz, 200 positions, dialog open), the median of ${runs.everyTick.ticks} ticks of the median round: the tick's task, then the frame that shows it`,
      png,
    );
    log(`  wrote ${relative(ROOT, png)} (the median every-tick frame of the trace)`);
  }
  const byKind = (o) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ');
  const show = (label, r) => {
    log(
      `  ${label}: ${r.ticks} ticks delivered of ${r.hz * r.seconds} scheduled${r.rounds ? ` (round ${r.shownRound} of ${r.rounds.length}, the median one)` : ''}`,
    );
    if (r.busy)
      log(
        `    main thread busy per tick (trace): ${ms(r.busy.perTickMs)} (${(r.busy.share * 100).toFixed(0)} % of the time): ${byKind(r.busy.perTickByKindMs)} ms`,
      );
    if (r.busy)
      log(
        `    main thread CPU per tick (trace thread time): ${ms(r.busy.cpuPerTickMs)}: ${byKind(r.busy.cpuPerTickByKindMs)} ms`,
      );
    if (r.kit)
      log(
        `    the kit's share (minus the floor): ${ms(r.kit.perTickMs)} per tick wall, ${ms(r.kit.cpuPerTickMs)} CPU: ${byKind(r.kit.cpuPerTickByKindMs)} ms`,
      );
    if (r.spread && r.rounds.length > 1)
      log(
        `    over ${r.rounds.length} rounds, median (min–max): main thread per tick ${rangeText(r.spread.perTickMs)} wall, ${rangeText(r.spread.cpuPerTickMs)} CPU${r.kit ? `; the kit's share ${rangeText(r.spread.kitPerTickMs)} wall, ${rangeText(r.spread.kitCpuPerTickMs)} CPU` : ''}; long tasks ${r.longTasksAllRounds} in all`,
      );
    if (r.domDelayMs)
      log(
        `    display delay, tick → DOM changed: median ${ms(r.domDelayMs.median)}, p95 ${ms(r.domDelayMs.p95)}; tick → next frame after it: median ${ms(r.frameDelayMs?.median)}, p95 ${ms(r.frameDelayMs?.p95)}; DOM changes per tick ${r.domChangesPerTick.toFixed(1)}`,
      );
    log(
      `    long tasks: ${r.longTasks} (longest ${ms(r.longestTask, 0)}); frames: ${r.frames.frames}, late ${r.frames.late}, missed ≈ ${r.frames.missed} (idle window: late ${r.idleFrames.late})`,
    );
    log(
      `    React commits ${r.commits} (${r.commitsPerTick.toFixed(2)} per tick, ${r.ticksWithoutChangeThatCommitted} without a change); rows rendered per tick ${r.rowsRenderedPerTick.toFixed(1)}; Profiler onRender calls: ${r.profilerCommits}`,
    );
  };
  for (const [label, r] of Object.entries(runs)) show(label, r);
  return runs;
}

async function runLarge(browser) {
  log('\n== large: building the bench page (production)');
  const prod = await buildPage('production');
  const seconds = QUICK ? 5 : LARGE_SECONDS;
  const scrollSeconds = QUICK ? 3 : SCROLL_SECONDS;
  const page = '?positions=1000';
  const opts = { hz: 1, seconds, idleSeconds: QUICK ? 1 : 3, editButton: EDIT };
  const rounds = { floor: [], kit: [], bare: [], scroll: [] };
  let capture;
  await withServer(prod, async (url) => {
    capture = await recordKitPage(browser, `${url}${page}`, { hz: 1, seconds: 4.5 }, 'large');
    for (let round = 1; round <= ROUNDS; round++) {
      log(
        `== large, round ${round} of ${ROUNDS}: floor (the page without the table and dialog), ${seconds} s at 1 Hz, traced`,
      );
      const floor = await measureTicks(browser, `${url}${page}&kit=0`, {
        ...opts,
        editButton: null,
        trace: `largeFloor-${round}`,
      });
      log(
        `== large, round ${round} of ${ROUNDS}: the kit (default throttle), the dialog open, ${seconds} s at 1 Hz, traced`,
      );
      const kit = await measureTicks(browser, `${url}${page}`, { ...opts, trace: `large-${round}` });
      kit.kit = kitShare(kit, floor);
      log(
        `== large, round ${round} of ${ROUNDS}: the same text changes without the kit (a static copy of the kit page, its changed texts rewritten by a bare script on each tick), ${seconds} s at 1 Hz, traced`,
      );
      const bare = await measureTicks(browser, `${url}${page}&kit=0`, {
        ...opts,
        editButton: null,
        prepare: bareWrites(capture),
        trace: `largeBare-${round}`,
      });
      bare.kit = kitShare(bare, floor);
      log(
        `== large, round ${round} of ${ROUNDS}: scrolling through the table for ${scrollSeconds} s while the ticks go on`,
      );
      const sc = await measureTicks(browser, `${url}${page}`, { ...opts, seconds: scrollSeconds, scroll: true });
      rounds.floor.push(floor);
      rounds.kit.push(kit);
      rounds.bare.push(bare);
      rounds.scroll.push({
        seconds: scrollSeconds,
        ticks: sc.ticks,
        frames: sc.frames.frames,
        fps: sc.frames.frames / scrollSeconds,
        worstGapMs: sc.frames.worstGap,
        medianGapMs: sc.frames.medianGap,
        late: sc.frames.late,
        longTasks: sc.longTasks,
        longestTask: sc.longestTask,
      });
    }
  });
  const kitRuns = combineRounds(rounds.kit);
  // The floor's round shown in full is the kit's (the kit's share shown subtracts it).
  const r = {
    floor: combineRounds(rounds.floor, rounds.floor[kitRuns.shownRound - 1]),
    kit: kitRuns,
    bare: combineRounds(rounds.bare),
  };
  r.bare.bareWritesPerTick = capture.writesPerTick;
  const sc = rounds.scroll;
  const sum = (k) => sc.reduce((n, s) => n + s[k], 0);
  r.kit.scroll = {
    seconds: scrollSeconds,
    rounds: sc,
    spread: spreads(
      sc.map(({ fps, worstGapMs, medianGapMs, late, longTasks }) => ({
        fps,
        worstGapMs,
        medianGapMs,
        late,
        longTasks,
      })),
    ),
    ticks: sum('ticks'),
    frames: sum('frames'),
    fps: sum('frames') / (scrollSeconds * sc.length),
    worstGapMs: Math.max(...sc.map((s) => s.worstGapMs)),
    medianGapMs: spread(sc.map((s) => s.medianGapMs))?.median,
    late: sum('late'),
    longTasks: sum('longTasks'),
    longestTask: Math.max(...sc.map((s) => s.longestTask)),
  };
  // Long tasks of the kit's page, every round: during the traced ticks and while scrolling.
  r.longTasks = {
    total: r.kit.longTasksAllRounds + r.kit.scroll.longTasks,
    longest: Math.max(...rounds.kit.map((k) => k.longestTask), r.kit.scroll.longestTask),
    perRound: spread(rounds.kit.map((k, i) => k.longTasks + sc[i].longTasks)),
  };
  const k = r.kit;
  log(`  ${k.positions} positions; ${ROUNDS} rounds of ${seconds} s (round ${k.shownRound} shown, the median one)`);
  if (k.busy)
    log(
      `  main thread per tick (trace, engine included), median round: ${ms(k.busy.perTickMs)} wall, ${ms(k.busy.cpuPerTickMs)} CPU (floor ${ms(r.floor.busy?.perTickMs)}): ${Object.entries(
        k.busy.perTickByKindMs,
      )
        .map(([kind, v]) => `${kind} ${v.toFixed(2)}`)
        .join(', ')} ms`,
    );
  log(
    `  over the rounds, median (min–max): the page ${rangeText(k.spread.perTickMs)} wall, ${rangeText(k.spread.cpuPerTickMs)} CPU; the floor ${rangeText(r.floor.spread.perTickMs)} wall, ${rangeText(r.floor.spread.cpuPerTickMs)} CPU; the kit's share ${rangeText(k.spread.kitPerTickMs)} wall, ${rangeText(k.spread.kitCpuPerTickMs)} CPU`,
  );
  const byTask = (b) =>
    b?.perTickByTaskMs
      ? Object.entries(b.perTickByTaskMs)
          .map(([t, v]) => `${t} ${v.toFixed(2)}`)
          .join(', ')
      : 'n/a';
  log(
    `  per tick by task, wall (the round shown): floor ${byTask(r.floor.busy)}; kit ${byTask(k.busy)}; the kit's share ${byTask(k.kit)} ms`,
  );
  log(
    `  the same text changes without the kit (bare writes): share ${rangeText(r.bare.spread.kitPerTickMs)} wall, ${rangeText(r.bare.spread.kitCpuPerTickMs)} CPU; by task, wall (round ${r.bare.shownRound}): ${byTask(r.bare.kit)} ms`,
  );
  log(`  long tasks (ticks and scrolling, all rounds): ${r.longTasks.total} (longest ${ms(r.longTasks.longest, 0)})`);
  const s = k.scroll;
  log(
    `  scrolling: ${s.frames} frames in ${sc.length} × ${s.seconds} s (${rangeText(s.spread.fps, (v) => `${v.toFixed(1)} fps`)}), median frame ${ms(s.medianGapMs, 1)}, longest ${ms(s.worstGapMs, 1)}, ${s.late} late; ${s.ticks} ticks meanwhile`,
  );
  return r;
}

async function runMemory(browser) {
  log(`\n== memory: building the bench page (production)`);
  const prod = await buildPage('production');
  log(`== memory: ${MEMORY_MINUTES} min at 50 Hz, 200 positions, the dialog opened, edited and closed every 5 s`);
  const r = await withServer(prod, (url) =>
    measureMemory(browser, `${url}?positions=200&throttleMs=0`, { minutes: MEMORY_MINUTES, editButton: EDIT }),
  );
  const mb = (v) => `${(v / 1048576).toFixed(2)} MB`;
  log(
    `  JS heap after GC: start ${mb(r.before.heapUsed)}, after ${(r.baselineAfterMs / 1000).toFixed(0)} s ${mb(r.baseline.heapUsed)}, end ${mb(r.end.heapUsed)} (${(r.heapGrowth * 100).toFixed(1)} %)`,
  );
  log(
    `  DOM nodes after GC: ${r.baseline.nodes} → ${r.end.nodes}; detached (${r.detachedMethod}): ${r.baseline.detached ?? '—'} → ${r.end.detached ?? '—'}; listeners ${r.baseline.listeners} → ${r.end.listeners}; ${r.cycles.n} open/edit/close cycles (${r.cycles.verified} verified)`,
  );
  return r;
}

function runSize() {
  log('\n== size: node scripts/size.mjs');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/size.mjs'), '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const result = JSON.parse(r.stdout.trim().split('\n').pop());
  for (const row of result.rows)
    log(
      `  ${row.name}: ${(row.min / 1024).toFixed(1)} KB minified, ${(row.gzip / 1024).toFixed(1)} KB gzip (budget ${(row.budget / 1024).toFixed(1)} KB)`,
    );
  log(`  all JS entries together: ${(result.allEntries.gzip / 1024).toFixed(1)} KB gzip`);
  result.status = r.status;
  return result;
}

// ---------------------------------------------------------------------------------------------

function markdown(m, r, previous) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const core = r.core;
  const one = (name) => core.one.find((o) => o.name.startsWith(name));
  const tick = (name) => core.tick.find((o) => o.name === name);
  const typing = r.typing;
  const tp = r.ticks.production;
  const tl = r.ticks.floor;
  const te = r.ticks.everyTick;
  const t1 = r.ticks.faster;
  const busyMs = (t) => (t.busy ? ms(t.busy.perTickMs) : 'n/a');
  const kinds = (b) =>
    b
      ? Object.values(b.perTickByKindMs)
          // A difference from the floor can round to "-0.00": shown as 0.00.
          .map((v) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2))
          .join(' / ') + ' ms'
      : 'n/a';
  const share = (t) => (t.busy ? `${(t.busy.share * 100).toFixed(0)} %` : 'n/a');
  // Main-thread time per tick by what ran the tasks: timers / frames / other.
  const tasks = (b) =>
    b?.perTickByTaskMs
      ? `${Object.values(b.perTickByTaskMs)
          .map((v) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2))
          .join(' / ')} ms`
      : 'n/a';
  const share2 = (t) =>
    t.busy && t.idleBusy ? `${(t.idleBusy.share * 100).toFixed(1)} % / ${(t.busy.share * 100).toFixed(1)} %` : 'n/a';
  const frames = (t) => `${t.frames.frames} / ${t.frames.late} / ${t.frames.missed}`;
  const tf = r.ticks.profiling;
  const tt = r.ticks.tableOnly;
  const lg = r.large;
  const mem = r.memory;
  const mb = (v) => `${(v / 1048576).toFixed(2)} MB`;
  const spread = (d) => (d ? `${ms(d.median)} / ${ms(d.p95)}` : 'n/a');
  const tb = r.ticks.bareWrites;
  // The tick runs as table columns: floor, default, 100 ms, every tick, table alone, bare writes, profiling.
  const columns = [tl, tp, t1, te, tt, tb, tf];
  const all = (f) => columns.map((t) => (t ? f(t) : 'n/a')).join(' | ');
  const traced = (f) => columns.map((t) => (t === tf ? '(not traced)' : t ? f(t) : 'n/a')).join(' | ');
  const kit = (f) => columns.map((t) => (t?.kit ? f(t.kit) : '')).join(' | ');
  // A figure over the rounds: "median (min–max)"; the runs measured once show their one figure.
  const ranged = (key) => columns.map((t) => (t?.spread?.[key] ? withRange(t.spread[key], ms) : '')).join(' | ');
  const roundsOf = (t) => (t?.rounds ? `${t.rounds.length} (round ${t.shownRound} shown)` : '1');
  const lines = [];
  const p = (...s) => lines.push(...s);
  p(
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (scripts/bench/run.mjs); do not edit by hand. Timings are never asserted in tests.',
    '',
    `| machine | |`,
    `|---|---|`,
    `| CPUs (\`nproc\`) | ${m.nproc} |`,
    `| CPU model (/proc/cpuinfo) | ${m.cpu} |`,
    `| Node | ${m.node} |`,
    `| Chromium | ${m.chromium} (headless, ${CHROMIUM_ARGS.join(' ')}) |`,
    `| date | ${m.date} |`,
    `| load average at start (1/5/15 min) | ${m.loadAverage} |`,
    `| whole run | ${((Date.now() - started) / 1000).toFixed(0)} s |`,
    '',
    ...(Number(m.loadAverage.split(' ')[0]) > Number(m.nproc)
      ? [
          `The machine was shared with other work during this run (load average above the CPU count): absolute timings are inflated; the ratios, measured side by side in one process or page, hold better.`,
          '',
        ]
      : []),
    '## Headline figures',
    '',
    `Each figure of this run beside the previous run's (read from the raw JSON of the BENCHMARKS.md this one replaced), the floor where there is one (the same page or work without the kit), the target of issue 15, and the command that measures it again. A figure the previous run did not measure shows "—". A figure measured in rounds (the browser runs, 3 each, and the core's interleaved blocks) is the median of the rounds, with their range (min–max) beside it; a previous run from before the rounds shows the one figure it measured. Timings on a shared 2-core machine vary from run to run: compare ratios and repeat a part before trusting a small difference.`,
    '',
    ...headlineMarkdown(r, previous),
    '',
    '## 1. Core math (Node, tinybench)',
    '',
    'Command: `npm run bench -- core`. Medians (p50) of tinybench samples; p99 beside them.',
    '',
    '| what | median | p99 |',
    '|---|---|---|',
    `| limits + liquidation price before and after, one **linear** position (BTCUSDT LONG, default scenario) | ${ms(one('limits + LP before/after, linear').p50, 3)} | ${ms(one('limits + LP before/after, linear').p99, 3)} |`,
    `| same, one **inverse** position (BTCUSD_PERP) | ${ms(one('limits + LP before/after, inverse').p50, 3)} | ${ms(one('limits + LP before/after, inverse').p99, 3)} |`,
    '',
    `One all-market tick (Binance \`!markPrice@arr\`: every symbol moves) over ${core.counts.positions} positions on ${core.counts.symbols} symbols (${core.counts.isolated} isolated, ${core.counts.inverse} COIN-M; assets ${core.counts.assets.join(', ')}): the cross sums and max addable of every asset, every position's uPnL, margin, maintenance margin and max removable (and liquidation price), and the open dialog's limits. Both ways in the same process, results checked equal before timing.`,
    '',
    '| per tick | median | p99 |',
    '|---|---|---|',
    `| straightforward recompute with the core functions, everything | ${ms(tick('tick: recompute everything (core functions)').p50)} | ${ms(tick('tick: recompute everything (core functions)').p99)} |`,
    `| straightforward recompute, liquidation prices kept per snapshot (what PositionsTable does) | ${ms(tick('tick: recompute, liquidation prices kept per snapshot').p50)} | ${ms(tick('tick: recompute, liquidation prices kept per snapshot').p99)} |`,
    `| **live engine** (\`createLiveAccount\`: \`applyMarks\` + read every figure) — target ≤ 10 ms | **${ms(tick('tick: live engine (applyMarks + read all)').p50)}** | ${ms(tick('tick: live engine (applyMarks + read all)').p99)} |`,
    `| engine set-up for the account (\`createLiveAccount\` / \`setAccount\`), once per account update | ${ms(tick('engine: createLiveAccount (setAccount)').p50)} | ${ms(tick('engine: createLiveAccount (setAccount)').p99)} |`,
    '',
    `Interleaved: ${core.paired.rounds} rounds of the same tick both ways, one after the other, in ${core.paired.blocks.n} blocks of ${core.paired.blocks.roundsPerBlock} run at different moments (before, between and after the tinybench benches above). Median of all rounds, and the range of the ${core.paired.blocks.n} blocks' medians:`,
    '',
    '| per tick, interleaved | wall time | CPU time |',
    '|---|---|---|',
    `| recompute everything | ${ms(core.paired.wall.recompute)} (${rangeOf(core.paired.blocks.wall.recompute, ms)}) | ${ms(core.paired.cpu.recompute)} (${rangeOf(core.paired.blocks.cpu.recompute, ms)}) |`,
    `| **live engine** — target ≤ 10 ms (the headline figure: CPU) | ${ms(core.paired.wall.engine)} (${rangeOf(core.paired.blocks.wall.engine, ms)}) | **${ms(core.paired.cpu.engine)}** (${rangeOf(core.paired.blocks.cpu.engine, ms)}) |`,
    '',
    `The median above each range is the median of all ${core.paired.rounds} rounds. CPU time is the process's user + system time (all its threads): time the process spends descheduled while other work shares the machine does not count. It is not immune to load (work on the other CPU still slows this one's): this run the engine's blocks' medians spread over ${ms(core.paired.blocks.cpu.engine.max - core.paired.blocks.cpu.engine.min)} in CPU time and ${ms(core.paired.blocks.wall.engine.max - core.paired.blocks.wall.engine.min)} in wall time (load average ${m.loadAverage} at the start). The headline gives the engine's CPU median, the time the engine's work itself took, with that range. tinybench times one task at a time for seconds on end, so a spell of load lands on one task only: its median above read ${ms(tick('tick: live engine (applyMarks + read all)').p50)} for the engine this run. Ratio engine vs recompute everything, per interleaved round: **${x(core.paired.wall.ratio)}** (wall), ${x(core.paired.cpu.ratio)} (CPU).`,
    '',
    `tinybench medians above: engine vs straightforward recompute: **${x(core.ratio.everything)}** faster (everything), ${x(core.ratio.cachedLp)} (liquidation prices kept). The engine is \`src/engine/liveAccount.ts\`; that it gives exactly the core functions' decimals (\`Decimal.eq\`, every figure, random accounts and tick sequences) is test/engine/liveAccount.test.ts.`,
    '',
    '## 2. Typing in the amount field (Chromium)',
    '',
    `Command: \`npm run bench -- typing\`. Per keystroke: from the \`input\` event (\`event.timeStamp\`) to the end of the next frame (a message posted from the next \`requestAnimationFrame\` callback, which runs after that frame's style, layout and paint). "JS work" ends after React's render and commit for the key. Each measured frame is checked to show the key: the field's text, and in the dialog the preview (margin after = before + amount) or the validation error. The bench page (scripts/bench/page, production build) holds the real PositionsTable + dialog over the simulated exchange (200 positions, prices paused) and a bare controlled React \`<input>\`; both are typed into alternately in one page and one run: ${typing.ratio.perRound.length} rounds × ${typing.bare.n / typing.ratio.perRound.length / 12} × "125.75" typed and deleted.`,
    '',
    '| field | keys | input → next frame, median | p95 | JS work, median | p95 | frames verified |',
    '|---|---|---|---|---|---|---|',
    `| bare controlled \`<input>\` | ${typing.bare.n} | ${ms(typing.bare.frame.median)} | ${ms(typing.bare.frame.p95)} | ${ms(typing.bare.work.median)} | ${ms(typing.bare.work.p95)} | ${typing.bare.check.ok}/${typing.bare.check.total} |`,
    `| dialog "Amount" (validation + preview) | ${typing.dialog.n} | ${ms(typing.dialog.frame.median)} | ${ms(typing.dialog.frame.p95)} | ${ms(typing.dialog.work.median)} | ${ms(typing.dialog.work.p95)} | ${typing.dialog.check.ok}/${typing.dialog.check.total} |`,
    typing.demo.skipped
      ? `| demo page (index.html) dialog | — | ${typing.demo.skipped} | | | | |`
      : `| demo page (index.html) dialog, its own live prices | ${typing.demo.dialog.n} | ${ms(typing.demo.dialog.frame.median)} | ${ms(typing.demo.dialog.frame.p95)} | ${ms(typing.demo.dialog.work.median)} | ${ms(typing.demo.dialog.work.p95)} | ${typing.demo.dialog.check.ok}/${typing.demo.dialog.check.total} |`,
    '',
    `Ratio dialog / bare input, input → next frame, each round's medians: **${withRange(typing.ratio.rounds, x)}** (median of the ${typing.ratio.perRound.length} rounds, min–max; target ≤ 1.2×). Over all keys: ${x(typing.ratio.frame)} median, ${x(typing.ratio.frameP95)} p95. JS work alone: ${x(typing.ratio.work)}.`,
    '',
    '## 3. Mark-price ticks at 50 Hz, 200 positions, dialog open (Chromium)',
    '',
    `Command: \`npm run bench -- ticks\`. The bench page over \`createSimulatedExchange\` + \`importState\` of a generated 200-position state (scripts/bench/fixtures.ts), the dialog of BTCUSDT LONG open, the exchange's own timer at 50 Hz for ${tp.seconds} s (every symbol's price moves by a random number of ticks, sometimes 0). Runs in one go: the **floor** (the same page, exchange and instruments, without the table and dialog: the exchange's random walk, the bench's own listeners and frame clock); the kit at its **default throttle** (\`MarginSourceProvider throttleMs\`, ${THROTTLE_MS} ms: live figures change at most ${Math.round(1000 / THROTTLE_MS)} times a second; Max and Confirm read the latest price regardless); at \`throttleMs\` 100; the kit **on every tick** (\`throttleMs={0}\`); the table alone on every tick (no dialog open), to show what the table costs and what the open dialog adds; the **bare writes** (below); and the default again in the profiling build of react-dom. The table's live cells are written from the session outside React's render (src/ui/table/useLiveCells.ts), so a tick costs no React render or commit; each live figure sits in a size-contained box, so its new text is laid out and painted alone. Main-thread time: Chromium trace, top-level tasks of the renderer main thread over the window ÷ ticks delivered; wall time, and the same tasks' CPU time (the trace's thread time), which holds better on a machine shared with other work. **The kit's share** is a run's time minus the floor's of the same round. Display delay: from a tick that moved a price to the first change of the page's DOM after it (a commit or a live cell written), and to the start of the next frame after that change.`,
    '',
    `![One every-tick frame of the trace](${FRAME_PNG})`,
    '',
    `**The bare writes** are what the browser alone costs to show the kit's text changes, the part of the kit's share that no script can take away: before the rounds, the every-tick page with the dialog open is recorded for a second of ticks (its DOM, and the elements whose text each tick changed${tb?.bareWritesPerTick ? `: ${tb.bareWritesPerTick.toFixed(1)} a tick` : ''}); each round then loads the floor page (the same exchange, listeners and instruments), puts a static copy of that DOM in it (the same stylesheet, the dialog shown modal, the amount field focused), and on each tick, in the tick's own task, a bare script rewrites the texts the kit changed on the recorded tick of the same number (every digit moved on by one: same length, same characters otherwise; no math, no framework). Its "kit's share" rows are that page minus the floor of its round (scripts/bench/browser.mjs, \`bareWrites\`).

**Rounds.** The floor, the default throttle, every tick, the table alone and the bare writes run in ${tl.rounds?.length ?? 1} rounds, one after the other within a round (floor, default, every tick, table alone, bare writes), so a spell of load on the shared machine falls on the runs of one round alike; \`throttleMs\` 100 runs in the first round only, the profiling build once after the rounds. The first rows give each figure as the median of the rounds with their range (min–max); the rows below them show one round in full, the median one (by the kit's CPU share; for the floor, by its CPU time), whose breakdown adds up.`,
    '',
    `The picture: the median frame of the every-tick run's median round, drawn from its trace events (scripts/bench/traceFrame.mjs): the tick's task (the feed's timer: the engine, the dialog's figures, the live cells written) and the rendering task that shows it (style, layout, paint), each event a bar at its nesting depth.`,
    '',
    `| | floor (no kit) | **kit, default throttle (${THROTTLE_MS} ms)** | kit, \`throttleMs\` 100 | **kit, every tick (\`throttleMs\` 0)** | table alone, every tick | the same text changes without the kit (bare writes), every tick | kit, default, profiling build |`,
    '|---|---|---|---|---|---|---|---|',
    `| rounds | ${all(roundsOf)} |`,
    `| **the kit's share per tick**, wall, median (min–max) of the rounds — target ≤ 2 ms on every tick | ${ranged('kitPerTickMs')} |`,
    `| the kit's share per tick, CPU (trace thread time), median (min–max) | ${ranged('kitCpuPerTickMs')} |`,
    `| main-thread time per tick, wall, median (min–max) | ${ranged('perTickMs')} |`,
    `| main-thread CPU time per tick, median (min–max) | ${ranged('cpuPerTickMs')} |`,
    `| display delay, tick → next frame after the change, median of each round: median (min–max) | ${ranged('frameDelayMedianMs')} |`,
    `| long tasks > 50 ms, all rounds together — target 0 | ${all((t) => t.longTasksAllRounds ?? t.longTasks)} |`,
    `| *the median round in full:* ticks delivered / scheduled | ${all((t) => `${t.ticks} / ${t.hz * t.seconds}`)} |`,
    `| main-thread time per tick, wall (trace) | ${traced((t) => busyMs(t))} |`,
    `| … of which script / style / layout / paint / GC | ${traced((t) => kinds(t.busy))} |`,
    `| main-thread CPU time per tick (trace thread time) | ${traced((t) => (t.busy ? ms(t.busy.cpuPerTickMs) : 'n/a'))} |`,
    `| the kit's share per tick (minus the floor of its round), wall | ${kit((k) => ms(k.perTickMs))} |`,
    `| the kit's share per tick, CPU: script / style / layout / paint / GC | ${kit((k) => `${ms(k.cpuPerTickMs)}: ${kinds({ perTickByKindMs: k.cpuPerTickByKindMs })}`)} |`,
    `| … by task: timers (the feed's tick, the kit's throttle) / frames (rAF, style, layout, paint) / other | ${traced((t) => tasks(t.busy))} |`,
    `| main thread busy during ticks | ${traced(share)} |`,
    `| long tasks > 50 ms (longest) — target 0 | ${all((t) => `${t.longTasks} (${ms(t.longestTask, 0)})`)} |`,
    `| frames / late (gap > 25 ms) / missed ≈ | ${all(frames)} |`,
    `| display delay, tick → DOM changed, median / p95 | ${all((t) => spread(t.domDelayMs))} |`,
    `| display delay, tick → next frame after the change, median / p95 — target ≤ one frame | ${all((t) => spread(t.frameDelayMs))} |`,
    `| DOM changes per tick (MutationObserver records) | ${all((t) => t.domChangesPerTick.toFixed(1))} |`,
    `| React commits (per tick) | ${all((t) => `${t.commits} (${t.commitsPerTick.toFixed(2)})`)} |`,
    `| ticks that moved no price but were followed by a commit — target 0 | ${all((t) => t.ticksWithoutChangeThatCommitted)} |`,
    `| position rows rendered by React per tick / rows whose price moved | ${all((t) => `${t.rowsRenderedPerTick.toFixed(1)} / ${t.rowsChangedPerTick.toFixed(1)}`)} |`,
    `| \`<Profiler>\` onRender calls (actualDuration median / p95) | ${all((t) => `${t.profilerCommits}${t.profilerActualMs ? ` (${ms(t.profilerActualMs.median)} / ${ms(t.profilerActualMs.p95)})` : ''}`)} |`,
    '',
    `Commits are counted through a minimal React DevTools hook (scripts/bench/browser/instrument.js), which works in both builds; DOM changes through a MutationObserver. From 100 positions the table keeps only the rows near the viewport in the DOM (about 40 of 200: those on screen and 8 either side, src/ui/table/useRowWindow.ts); of those, rows off screen are skipped by layout and paint (\`content-visibility: auto\`) and their live cells are written about once a second, with a tick's own writes (in its task, so on the frame that paints the rows on screen; a fallback timer when no tick comes). The dialog's live figures (limit, before → after, ladder, mark price) sit in one size-contained layout root (src/ui/dialog/LiveBox.tsx), and a tick re-renders only those parts of the dialog (the others are memoised).`,
    '',
    '## 4. A 1,000-position account (Chromium)',
    '',
    `Command: \`npm run bench -- large\`. ${lg.kit.positions} positions on ${lg.kit.symbols} symbols (linear and inverse, USDT, USDC, BTC and ETH margin, scripts/bench/fixtures.ts), the table windowed (from 100 rows only the rows near the viewport are in the DOM, src/ui/table/useRowWindow.ts) and the dialog of BTCUSDT LONG open, at the default throttle. The feed is a bench source (scripts/bench/page/allMarketSource.ts; the simulated exchange holds at most 500 markets) that sends one all-market message a second, as Binance's \`!markPrice@arr@1s\`: every symbol moves, in one task. ${lg.kit.rounds.length} rounds, each of ${lg.kit.seconds} s of the floor traced, ${lg.kit.seconds} s of the kit traced, then ${lg.kit.scroll.seconds} s of scrolling the page through the table (24 px a frame, down and back) while the ticks go on; ${lg.kit.rounds.length * lg.kit.seconds} s of ticks in all for each.`,
    '',
    `**The floor** is the same page without the kit: the same bench source sending the same message every second (the same ${lg.floor.symbols} symbols, the ticks made ahead when the page loads, before the timed window: nothing is generated during it), the same bench listeners on every symbol (they time the tick and count the moved prices), the same \`MarginSourceProvider\` and session with the same account loaded at start (with no table or dialog mounted nothing watches a symbol, so no mark reaches the kit), and the same instruments (frame clock, MutationObserver, React DevTools hook, long-task observer). At one tick a second, "per tick" is a whole second of the page: the floor's time per tick is mostly what the page costs with no tick at all, the bench's frame clock (a \`requestAnimationFrame\` callback every frame, so Chromium draws ${Math.round(lg.floor.frames.frames / lg.floor.seconds)} frames a second) and those frames; the source's message is a small part of it: in the round shown in full, the floor's timer tasks (the message, its listeners) took ${ms(lg.floor.busy?.perTickByTaskMs?.timer)} per tick and its frames ${ms(lg.floor.busy?.perTickByTaskMs?.frame)}, and it kept the main thread busy ${lg.floor.idleBusy ? (lg.floor.idleBusy.share * 100).toFixed(1) : 'n/a'} % of the time while idle, before the ticks, and ${lg.floor.busy ? (lg.floor.busy.share * 100).toFixed(1) : 'n/a'} % while ticking. **The kit's share** (the kit's page minus the floor of the same round) is what the kit costs the page per tick: the issue's ≤ 10 ms target is read against it. What the bench's instruments do because the kit changes the page (one MutationObserver callback per task that changed the DOM, the DevTools hook walking each commit's changed fibers) lands in the kit's share too (not measured apart).`,
    '',
    '| | floor (no kit) | **kit** |',
    '|---|---|---|',
    `| rounds | ${roundsOf(lg.floor)} | ${roundsOf(lg.kit)} |`,
    `| **the kit's share per tick** (kit minus floor of the same round), wall, median (min–max) of the rounds; the engine included — target ≤ 10 ms | | **${withRange(lg.kit.spread.kitPerTickMs, ms)}** |`,
    `| the kit's share per tick, CPU (trace thread time), median (min–max) | | ${withRange(lg.kit.spread.kitCpuPerTickMs, ms)} |`,
    ...(lg.bare
      ? [
          `| the same text changes without the kit (bare writes, below): their share per tick (minus the floor of the same round), wall, median (min–max) | | ${withRange(lg.bare.spread.kitPerTickMs, ms)} |`,
          `| … CPU, median (min–max); by task, wall: timers / frames / other (round ${lg.bare.shownRound}) | | ${withRange(lg.bare.spread.kitCpuPerTickMs, ms)}; ${tasks(lg.bare.kit)} |`,
        ]
      : []),
    `| main-thread time per tick, the whole page, wall, median (min–max) | ${withRange(lg.floor.spread.perTickMs, ms)} | ${withRange(lg.kit.spread.perTickMs, ms)} |`,
    `| main-thread CPU time per tick, the whole page, median (min–max) | ${withRange(lg.floor.spread.cpuPerTickMs, ms)} | ${withRange(lg.kit.spread.cpuPerTickMs, ms)} |`,
    `| *round ${lg.kit.shownRound} in full, the median one by the kit's CPU share (floor and kit of that round):* ticks delivered / scheduled | ${lg.floor.ticks} / ${lg.floor.hz * lg.floor.seconds} | ${lg.kit.ticks} / ${lg.kit.hz * lg.kit.seconds} |`,
    `| main-thread time per tick, wall: script / style / layout / paint / GC | ${busyMs(lg.floor)}: ${kinds(lg.floor.busy)} | ${busyMs(lg.kit)}: ${kinds(lg.kit.busy)} |`,
    `| main-thread time per tick, wall, by task: timers (the feed's tick, the kit's throttle) / frames (rAF, style, layout, paint) / other | ${tasks(lg.floor.busy)} | ${tasks(lg.kit.busy)} |`,
    `| the kit's share per tick, wall: script / style / layout / paint / GC | | ${lg.kit.kit ? `${ms(lg.kit.kit.perTickMs)}: ${kinds(lg.kit.kit)}` : 'n/a'} |`,
    `| the kit's share per tick, wall, by task: timers / frames / other | | ${tasks(lg.kit.kit)} |`,
    `| the kit's share per tick, CPU: script / style / layout / paint / GC | | ${lg.kit.kit ? `${ms(lg.kit.kit.cpuPerTickMs)}: ${kinds({ perTickByKindMs: lg.kit.kit.cpuPerTickByKindMs })}` : 'n/a'} |`,
    `| main thread busy while idle (before the ticks) / while ticking | ${share2(lg.floor)} | ${share2(lg.kit)} |`,
    `| long tasks > 50 ms during ticks and scrolling, all rounds (longest) — target 0 | ${lg.floor.longTasksAllRounds} | ${lg.longTasks.total} (${ms(lg.longTasks.longest, 0)}; per round ${rangeOf(lg.longTasks.perRound, String)}) |`,
    `| display delay, tick → DOM changed, median / p95 (median round) | | ${spread(lg.kit.domDelayMs)} |`,
    `| scrolling while ticks arrive: frames per second, median (min–max) of the rounds — target 60 | | ${withRange(lg.kit.scroll.spread.fps, (v) => `${v.toFixed(1)} fps`)} |`,
    `| scrolling: longest frame of all rounds (each round's: min–max) — target no frame over 50 ms | | ${ms(lg.kit.scroll.worstGapMs, 1)} (${rangeOf(lg.kit.scroll.spread.worstGapMs, (v) => ms(v, 1))}) |`,
    `| scrolling: median frame; late frames (gap > 25 ms), all rounds | | ${ms(lg.kit.scroll.medianGapMs, 1)}; ${lg.kit.scroll.late} of ${lg.kit.scroll.frames} |`,
    ...(lg.bare
      ? [
          '',
          `**The bare writes**, as in section 3: before the rounds the kit's page (the dialog open, the default throttle) is recorded over 4 s of ticks (its DOM, and the elements whose text each tick changed: ${lg.bare.bareWritesPerTick?.toFixed(1) ?? 'n/a'} a tick); each round loads the floor page, puts a static copy of that DOM in it and, on each tick, rewrites the texts the kit changed on the recorded tick of the same number, with no math and no framework. Its share is what the browser alone costs to hold the kit's page (${Math.round(lg.bare.frames.frames / lg.bare.seconds)} frames a second) and show those new texts: the part of the kit's share no script can take away.`,
        ]
      : []),
    '',
    '## 5. Memory over a long session (Chromium)',
    '',
    `Command: \`npm run bench -- memory\` (${mem.minutes} minutes; \`BENCH_MEMORY_MINUTES=1\` for a trial). The bench page, 200 positions, every tick shown (\`throttleMs\` 0) at ${mem.hz} Hz; every ${mem.cycleSeconds} s the dialog is opened, an amount typed, and closed (${mem.cycles.n} times, ${mem.cycles.verified} checked to show the amount). Before each sample: the bench's own records emptied (its timing of each tick and key: the harness's, not the kit's or the app's), two forced GCs (CDP \`HeapProfiler.collectGarbage\`), then \`Performance.getMetrics\`; detached DOM nodes by ${mem.detachedMethod}.`,
    '',
    '| after GC | start | after the first minute (baseline) | end | end vs baseline — target |',
    '|---|---|---|---|---|',
    `| JS heap used | ${mb(mem.before.heapUsed)} | ${mb(mem.baseline.heapUsed)} | ${mb(mem.end.heapUsed)} | **${(mem.heapGrowth * 100).toFixed(1)} %** — ≤ 10 % |`,
    `| DOM nodes | ${mem.before.nodes} | ${mem.baseline.nodes} | ${mem.end.nodes} | ${mem.nodesGrowth} |`,
    `| detached DOM nodes | ${mem.before.detached ?? '—'} | ${mem.baseline.detached ?? '—'} | ${mem.end.detached ?? '—'} | **${mem.detachedGrowth}** — 0 |`,
    `| JS event listeners | ${mem.before.listeners} | ${mem.baseline.listeners} | ${mem.end.listeners} | ${mem.end.listeners - mem.baseline.listeners} |`,
    '',
    '## 6. Size',
    '',
    "Command: `node scripts/size.mjs` (exit 1 over budget). Each entry bundled alone as an app build would (minified, react, react-dom, @tanstack/react-query and decimal.js external), gzipped with node's zlib at its default level.",
    '',
    '| entry | minified | gzip | budget |',
    '|---|---|---|---|',
    ...r.size.rows.map(
      (row) =>
        `| \`${row.name}\`${row.note ? ` (${row.note})` : ''} | ${kb(row.min)} | **${kb(row.gzip)}** | ${kb(row.budget)} |`,
    ),
    `| all JS entries in one app (shared code once) | ${kb(r.size.allEntries.min)} | ${kb(r.size.allEntries.gzip)} | |`,
    '',
    '<details><summary>Raw results (JSON)</summary>',
    '',
    '```json',
    JSON.stringify({ machine: m, ...r }, null, 1),
    '```',
    '',
    '</details>',
    '',
  );
  return lines.join('\n');
}

const m = machine();
log(`adjust-margin-kit benchmarks: ${sections.join(', ')}${QUICK ? ' (BENCH_QUICK)' : ''}`);
log(`machine: ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}, ${m.chromium}, ${m.date}, load ${m.loadAverage}`);
if (os.loadavg()[0] > Number(m.nproc))
  log(`warning: load average ${os.loadavg()[0].toFixed(1)} > ${m.nproc} CPUs: timings will be inflated`);
mkdirSync(CACHE, { recursive: true });

const results = {};
// How long each section took, in seconds (kept in the raw JSON: what a full run costs, part by part).
const took = {};
const timed = async (name, fn) => {
  const t = Date.now();
  const r = await fn();
  took[name] = Math.round((Date.now() - t) / 1000);
  log(`  (${name}: ${took[name]} s)`);
  return r;
};
if (sections.includes('core')) results.core = await timed('core', runCore);
if (['typing', 'ticks', 'large', 'memory'].some((x) => sections.includes(x))) {
  const browser = await launch();
  try {
    if (sections.includes('typing')) results.typing = await timed('typing', () => runTyping(browser));
    if (sections.includes('ticks')) results.ticks = await timed('ticks', () => runTicks(browser));
    if (sections.includes('large')) results.large = await timed('large', () => runLarge(browser));
    if (sections.includes('memory')) results.memory = await timed('memory', () => runMemory(browser));
  } finally {
    await browser.close();
  }
}
if (sections.includes('size')) results.size = await timed('size', async () => runSize());
results.seconds = took;

const previous = readPrevious(join(ROOT, 'BENCHMARKS.md'));
printHeadlines(results, previous, log);
log(`\ndone in ${((Date.now() - started) / 1000).toFixed(0)} s`);
// BENCH_MARKDOWN_TO=file: the report of this run (of every section) written there instead, e.g. to try
// the generator on a BENCH_QUICK run without touching BENCHMARKS.md.
if (process.env.BENCH_MARKDOWN_TO && sections.length === ALL.length) {
  writeFileSync(process.env.BENCH_MARKDOWN_TO, markdown(m, results, previous));
  log(`wrote ${process.env.BENCH_MARKDOWN_TO}`);
} else if (full) {
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), markdown(m, results, previous));
  log('wrote BENCHMARKS.md');
} else {
  log('(a partial or quick run: BENCHMARKS.md not written)');
}
rmSync(join(CACHE, 'demo'), { recursive: true, force: true });
