// Browser measurements in Chromium (Debian's /usr/bin/chromium through playwright-core): typing in
// the amount field against a bare controlled input, and 50 Hz mark-price ticks under an open dialog.
// Used by scripts/bench/run.mjs; the page side is scripts/bench/browser/instrument.js and scripts/bench/page.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../chromium.mjs';
import { spread } from './rounds.mjs';
import { pickFrame } from './traceFrame.mjs';

export { CHROMIUM, CHROMIUM_ARGS };
const INSTRUMENT = readFileSync(new URL('./browser/instrument.js', import.meta.url), 'utf8');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return browser;
}

async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: INSTRUMENT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { context, page, errors };
}

// ---------------------------------------------------------------------------------------------
// Typing

/** One cycle types this and deletes it again: 12 keystrokes, each an `input` event. */
const WORD = '125.75';

function pct(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
export const median = (v) => pct(v, 50);
export const p95 = (v) => pct(v, 95);

/** Types `cycles` × (WORD, then as many Backspaces) into the focused field, with 60–100 ms between keys. */
async function typeCycles(page, cycles, seedRef) {
  const expected = [];
  let text = '';
  const jitter = () => {
    seedRef.v = (seedRef.v * 1103515245 + 12345) % 2147483648;
    return 60 + (seedRef.v % 41);
  };
  for (let c = 0; c < cycles; c++) {
    for (const ch of WORD) {
      await page.keyboard.type(ch);
      text += ch;
      expected.push(text);
      await sleep(jitter());
    }
    for (let i = 0; i < WORD.length; i++) {
      await page.keyboard.press('Backspace');
      text = text.slice(0, -1);
      expected.push(text);
      await sleep(jitter());
    }
  }
  await sleep(300);
  return expected;
}

async function openDialog(page, name) {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const amount = dialog.getByRole('textbox', { name: 'Amount' });
  await amount.waitFor();
  // The dialog's limits are loaded when the Max button is enabled.
  await dialog.getByRole('button', { name: /^Max/ }).first().waitFor();
  await amount.focus();
  return dialog;
}

/** Reads "Margin … 4,000.00 USDT → …, after: 4,125.75 USDT" out of the figures' text: [before, after] of the first row. */
function marginBeforeAfter(figures) {
  const m = /([\d,]+\.\d+)\s*[A-Z]+[^\d]*?(?:→|after)[^\d]*?([\d,]+\.\d+)/s.exec(figures ?? '');
  if (!m) return [];
  return [m[1].replace(/,/g, ''), m[2].replace(/,/g, '')];
}

/** Decimal-string subtraction check without floats: after − before === amount (up to 8 decimals). */
function addsUp(before, after, amount) {
  const scale = (s) => {
    const [i, f = ''] = s.split('.');
    return BigInt(i + f.padEnd(8, '0').slice(0, 8));
  };
  return scale(after) - scale(before) === scale(amount);
}

/**
 * Checks that each measured frame showed the keystroke's own state: the field's text, and in the
 * dialog the preview (margin after = before + amount) for a number, or an error or no preview.
 */
function verify(records, expected, kind) {
  let ok = 0;
  const bad = [];
  records.forEach((r, i) => {
    const want = expected[i];
    let good = r.shown && r.shown.value === want;
    if (good && kind === 'dialog' && want !== '' && !want.endsWith('.')) {
      const [before, after] = marginBeforeAfter(r.shown.figures);
      good = before !== undefined && after !== undefined && addsUp(before, after, want);
    }
    if (good && kind === 'dialog' && want === '') good = !/→/.test(r.shown.figures ?? '');
    if (good) ok++;
    else if (bad.length < 3) bad.push({ want, shown: r.shown });
  });
  return { ok, total: records.length, bad };
}

function summarize(records) {
  const frame = records.map((r) => r.painted - r.t0).filter(Number.isFinite);
  const work = records.map((r) => r.done - r.t0).filter(Number.isFinite);
  return {
    n: records.length,
    frame: { median: median(frame), p95: p95(frame) },
    work: { median: median(work), p95: p95(work) },
  };
}

async function keyRecords(page, from) {
  return page.evaluate((n) => window.__amkBench.keys.slice(n), from);
}

/**
 * The bench page: the bare input and the dialog, alternately (`rounds` × `cycles` each), in one page.
 * Mark prices do not move meanwhile (the exchange is paused).
 */
export async function measureTyping(browser, url, { rounds = 2, cycles = 5, editButton }) {
  const { context, page, errors } = await openPage(browser, url);
  await page.waitForFunction(() => window.__amkBench?.ready === true);
  await page.getByRole('button', { name: editButton }).waitFor();
  const seed = { v: 7 };
  const out = { bare: [], dialog: [], expected: { bare: [], dialog: [] } };
  // Warm-up: a few keystrokes in each, not measured.
  await page.getByRole('textbox', { name: 'Bare amount' }).focus();
  await typeCycles(page, 1, seed);
  await openDialog(page, editButton);
  await typeCycles(page, 1, seed);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  // Each round's ratio dialog ÷ bare (medians of input → next frame): their spread is the range.
  const roundRatios = [];
  for (let r = 0; r < rounds; r++) {
    let from = await page.evaluate(() => window.__amkBench.keys.length);
    await page.getByRole('textbox', { name: 'Bare amount' }).focus();
    out.expected.bare.push(...(await typeCycles(page, cycles, seed)));
    const bareRound = await keyRecords(page, from);
    out.bare.push(...bareRound);
    from = await page.evaluate(() => window.__amkBench.keys.length);
    await openDialog(page, editButton);
    out.expected.dialog.push(...(await typeCycles(page, cycles, seed)));
    const dialogRound = await keyRecords(page, from);
    out.dialog.push(...dialogRound);
    roundRatios.push(summarize(dialogRound).frame.median / summarize(bareRound).frame.median);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }
  await context.close();
  const bare = summarize(out.bare);
  const dialog = summarize(out.dialog);
  return {
    bare: { ...bare, check: verify(out.bare, out.expected.bare, 'bare') },
    dialog: { ...dialog, check: verify(out.dialog, out.expected.dialog, 'dialog') },
    ratio: {
      frame: dialog.frame.median / bare.frame.median,
      frameP95: dialog.frame.p95 / bare.frame.p95,
      work: dialog.work.median / bare.work.median,
      perRound: roundRatios,
      rounds: spread(roundRatios),
    },
    errors,
  };
}

/** The demo page (someone else's page, its own live exchange): the dialog only. */
export async function measureDemoTyping(browser, url, { cycles = 8, editButton }) {
  const { context, page, errors } = await openPage(browser, url);
  try {
    await page.getByRole('button', { name: editButton }).waitFor({ timeout: 15_000 });
    const seed = { v: 11 };
    await openDialog(page, editButton);
    await typeCycles(page, 1, seed);
    const from = await page.evaluate(() => window.__amkBench.keys.length);
    const expected = await typeCycles(page, cycles, seed);
    const records = (await keyRecords(page, from)).filter((r) => r.kind === 'dialog');
    return { dialog: { ...summarize(records), check: verify(records, expected, 'dialog') }, errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Ticks

/**
 * In the page: scrolls the document through the table, 24 px a frame (1,440 px a second at 60 fps),
 * down to the end and back, for as long as frames are recorded (`frames.on`).
 */
function scrollPage() {
  const b = window.__amkBench;
  let dir = 1;
  const step = () => {
    if (!b.frames.on) return;
    const max = document.documentElement.scrollHeight - innerHeight;
    const y = Math.min(max, Math.max(0, scrollY + dir * 24));
    if (y >= max) dir = -1;
    if (y <= 0) dir = 1;
    window.scrollTo(0, y);
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

const KIND = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
  TimerFire: 'script',
  FunctionCall: 'script',
  RunMicrotasks: 'script',
  EventDispatch: 'script',
  FireAnimationFrame: 'script',
  EvaluateScript: 'script',
  MinorGC: 'gc',
  MajorGC: 'gc',
};

/**
 * The renderer main thread's time between two user-timing marks of the page: top-level tasks (busy),
 * and within them script (outermost script events), style, layout, paint and GC; and the same tasks
 * by what ran them: a timer (the feed's tick, the kit's throttle), a frame (requestAnimationFrame
 * callbacks, style, layout, paint) or anything else.
 */
function mainThreadBusy(events, startMark, endMark) {
  const start = events.find((e) => e.name === startMark);
  const end = events.find((e) => e.name === endMark);
  if (!start || !end) return null;
  const { pid, tid } = start;
  const inside = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= start.ts && e.ts < end.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let busy = 0;
  // CPU time of the same top-level tasks (the trace's thread time, `tdur`): what the tasks cost
  // when the thread was not descheduled, so it holds on a machine shared with other work.
  let cpu = 0;
  let until = -Infinity;
  const by = { script: 0, style: 0, layout: 0, paint: 0, gc: 0 };
  const byCpu = { script: 0, style: 0, layout: 0, paint: 0, gc: 0 };
  const open = [];
  // The top-level tasks, each with what ran in it.
  const tasks = [];
  let task = null;
  for (const e of inside) {
    const stop = e.ts + (e.dur ?? 0);
    while (open.length && open[open.length - 1].stop <= e.ts) open.pop();
    if (/RunTask/.test(e.name)) {
      const s = Math.max(e.ts, until);
      if (stop > s) {
        busy += stop - s;
        if (e.ts >= until) cpu += e.tdur ?? 0;
      }
      if (e.ts >= until) tasks.push((task = { busy: stop - s, cpu: e.tdur ?? 0, stop, names: new Set() }));
      until = Math.max(until, stop);
    } else if (task && e.ts < task.stop) task.names.add(e.name);
    const kind = KIND[e.name];
    if (kind && !open.some((o) => o.kind === kind || (o.kind === 'script' && kind !== 'gc'))) {
      by[kind] += e.dur ?? 0;
      byCpu[kind] += e.tdur ?? 0;
    }
    open.push({ stop, kind });
  }
  const ms = (v) => v / 1000;
  const ran = { timer: 0, frame: 0, other: 0 };
  const ranCpu = { timer: 0, frame: 0, other: 0 };
  for (const t of tasks) {
    const n = t.names;
    const by = n.has('TimerFire')
      ? 'timer'
      : n.has('FireAnimationFrame') || n.has('Paint') || n.has('Layout') || n.has('UpdateLayoutTree')
        ? 'frame'
        : 'other';
    ran[by] += t.busy;
    ranCpu[by] += t.cpu;
  }
  return {
    byTaskMs: Object.fromEntries(Object.entries(ran).map(([k, v]) => [k, ms(v)])),
    byTaskCpuMs: Object.fromEntries(Object.entries(ranCpu).map(([k, v]) => [k, ms(v)])),
    busyMs: ms(busy),
    cpuMs: ms(cpu),
    windowMs: ms(end.ts - start.ts),
    byKindMs: Object.fromEntries(Object.entries(by).map(([k, v]) => [k, ms(v)])),
    byKindCpuMs: Object.fromEntries(Object.entries(byCpu).map(([k, v]) => [k, ms(v)])),
  };
}

function frameGaps(times) {
  const gaps = [];
  for (let i = 1; i < times.length; i++) gaps.push(times[i] - times[i - 1]);
  const late = gaps.filter((g) => g > 1.5 * (1000 / 60));
  const missed = late.reduce((n, g) => n + Math.max(1, Math.round(g / (1000 / 60)) - 1), 0);
  return {
    frames: times.length,
    medianGap: median(gaps),
    late: late.length,
    missed,
    worstGap: gaps.length ? Math.max(...gaps) : NaN,
  };
}

/**
 * The bench page with the dialog open: `seconds` of idle, then `seconds` of ticks at `hz` from the
 * simulated exchange's own timer. With `trace` (the run's name), the renderer main thread's busy time
 * comes from a Chromium trace (top-level tasks: scripts, style, layout, paint, GC).
 */
export async function measureTicks(
  browser,
  url,
  { hz = 50, seconds = 10, idleSeconds = 2, trace = false, scroll = false, editButton, prepare },
) {
  const { context, page, errors } = await openPage(browser, url);
  await page.waitForFunction(() => window.__amkBench?.ready === true);
  // No edit button: the floor run (the page without the kit), nothing to open.
  if (editButton) await openDialog(page, editButton);
  // The bare writes run: the kit's page copied into the floor page (see `bareWrites`).
  if (prepare) await prepare(page);
  await sleep(500);
  if (trace) {
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8'] });
  }
  await page.evaluate(() => {
    performance.mark('amk-idle-start');
    window.__amkBench.frames.times = [];
    window.__amkBench.frames.on = true;
  });
  await sleep(idleSeconds * 1000);
  const idleFrames = await page.evaluate(() => {
    const b = window.__amkBench;
    const times = b.frames.times;
    b.frames.times = [];
    b.commits.length = 0;
    b.mutations.length = 0;
    b.profiler.length = 0;
    b.longTasks.length = 0;
    b.countCommits = true;
    performance.mark('amk-idle-end');
    performance.mark('amk-ticks-start');
    return times;
  });
  await page.evaluate((rate) => window.__amkBench.startTicks(rate), hz);
  if (scroll) await page.evaluate(scrollPage);
  await sleep(seconds * 1000);
  const data = await page.evaluate(() => {
    const b = window.__amkBench;
    b.stopTicks();
    performance.mark('amk-ticks-end');
    b.countCommits = false;
    b.frames.on = false;
    return {
      ticks: b.ticks,
      commits: b.commits,
      mutations: b.mutations,
      profiler: b.profiler,
      longTasks: b.longTasks,
      longTasksUnsupported: b.longTasksUnsupported ?? false,
      frames: b.frames.times,
      positions: b.positions,
      symbols: b.symbols,
    };
  });
  let busy = null;
  let idleBusy = null;
  let frameTimeline = null;
  if (trace) {
    const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents ?? [];
    // BENCH_TRACE_FILE=/tmp/t.json: each traced run's events in a file of its own (/tmp/t-everyTick.json).
    const file = process.env.BENCH_TRACE_FILE;
    if (file)
      (await import('node:fs')).writeFileSync(file.replace(/(\.json)?$/, `-${trace}.json`), JSON.stringify(events));
    busy = mainThreadBusy(events, 'amk-ticks-start', 'amk-ticks-end');
    frameTimeline = pickFrame(events, 'amk-ticks-start', 'amk-ticks-end');
    idleBusy = mainThreadBusy(events, 'amk-idle-start', 'amk-idle-end');
  }
  await context.close();

  const ticks = data.ticks.filter((t) => t.done !== null);
  const kit = ticks.map((t) => t.done - t.emit);
  // Commits and rendered rows per tick: each commit belongs to the last tick emitted before it.
  const perTick = ticks.map(() => ({ commits: 0, rows: 0, components: 0 }));
  let k = 0;
  for (const c of data.commits) {
    while (k + 1 < ticks.length && ticks[k + 1].emit <= c.t) k++;
    if (ticks.length && c.t >= ticks[0].emit) {
      perTick[k].commits++;
      perTick[k].rows += c.rows;
      perTick[k].components += c.components;
    }
  }
  const sum = (a) => a.reduce((x, y) => x + y, 0);
  // Display delay: from a tick that moved some price to the first React commit after it (the
  // throttle holds ticks back; this is how old the screen's prices get).
  const commitTimes = data.commits.map((c) => c.t).sort((a, b) => a - b);
  const delays = [];
  let ci = 0;
  for (const t of ticks) {
    if (t.changed === 0) continue;
    while (ci < commitTimes.length && commitTimes[ci] < t.emit) ci++;
    if (ci < commitTimes.length) delays.push(commitTimes[ci] - t.emit);
  }
  // Screen delay: from a tick that moved some price to the first DOM change after it (a commit or
  // the live cells written directly), and to the start of the next frame after that change.
  const changes = data.mutations.map((c) => c.t).sort((a, b) => a - b);
  const frameTimes = [...data.frames].sort((a, b) => a - b);
  const domDelays = [];
  const frameDelays = [];
  let mi = 0;
  let fi = 0;
  for (const t of ticks) {
    if (t.changed === 0) continue;
    while (mi < changes.length && changes[mi] < t.emit) mi++;
    if (mi >= changes.length) break;
    domDelays.push(changes[mi] - t.emit);
    while (fi < frameTimes.length && frameTimes[fi] < changes[mi]) fi++;
    if (fi < frameTimes.length) frameDelays.push(frameTimes[fi] - t.emit);
  }
  const spread = (v) => (v.length ? { median: median(v), p95: p95(v), max: Math.max(...v) } : null);
  const result = {
    hz,
    seconds,
    domDelayMs: spread(domDelays),
    frameDelayMs: spread(frameDelays),
    domChangesPerTick: ticks.length ? sum(data.mutations.map((c) => c.n)) / ticks.length : NaN,
    positions: data.positions,
    symbols: data.symbols,
    ticks: ticks.length,
    kitMs: { median: median(kit), p95: p95(kit), max: kit.length ? Math.max(...kit) : NaN },
    displayDelayMs: delays.length ? { median: median(delays), p95: p95(delays), max: Math.max(...delays) } : null,
    commits: data.commits.length,
    commitsPerTick: ticks.length ? sum(perTick.map((t) => t.commits)) / ticks.length : NaN,
    rowsRenderedPerTick: ticks.length ? sum(perTick.map((t) => t.rows)) / ticks.length : NaN,
    rowsChangedPerTick: ticks.length ? sum(ticks.map((t) => t.changedRows)) / ticks.length : NaN,
    componentsPerTick: ticks.length ? sum(perTick.map((t) => t.components)) / ticks.length : NaN,
    ticksWithoutChangeThatCommitted: ticks.filter((t, i) => t.changed === 0 && perTick[i].commits > 0).length,
    profilerCommits: data.profiler.length,
    profilerActualMs: data.profiler.length
      ? {
          median: median(data.profiler.map((p) => p.actualDuration)),
          p95: p95(data.profiler.map((p) => p.actualDuration)),
        }
      : null,
    longTasks: data.longTasks.length,
    longestTask: data.longTasks.length ? Math.max(...data.longTasks.map((t) => t.duration)) : 0,
    longTasksUnsupported: data.longTasksUnsupported,
    frames: frameGaps(data.frames),
    idleFrames: frameGaps(idleFrames),
    busy: busy && {
      perTickMs: busy.busyMs / Math.max(1, ticks.length),
      share: busy.busyMs / busy.windowMs,
      perTickByKindMs: Object.fromEntries(
        Object.entries(busy.byKindMs).map(([k, v]) => [k, v / Math.max(1, ticks.length)]),
      ),
      cpuPerTickMs: busy.cpuMs / Math.max(1, ticks.length),
      perTickByTaskMs: Object.fromEntries(
        Object.entries(busy.byTaskMs).map(([k, v]) => [k, v / Math.max(1, ticks.length)]),
      ),
      cpuPerTickByTaskMs: Object.fromEntries(
        Object.entries(busy.byTaskCpuMs).map(([k, v]) => [k, v / Math.max(1, ticks.length)]),
      ),
      cpuPerTickByKindMs: Object.fromEntries(
        Object.entries(busy.byKindCpuMs).map(([k, v]) => [k, v / Math.max(1, ticks.length)]),
      ),
    },
    idleBusy: idleBusy && { share: idleBusy.busyMs / idleBusy.windowMs },
    errors,
  };
  // The median frame's trace events, for the picture (kept out of the JSON).
  Object.defineProperty(result, 'frameTimeline', { value: frameTimeline, enumerable: false });
  return result;
}

// ---------------------------------------------------------------------------------------------
// The same text changes without the kit

/**
 * The kit's page as it is while ticks arrive: its `<body>` (HTML), the elements whose text each tick
 * changed (a text node's data set, or text put in with a render; grouped by the tick they came
 * after, and how many a tick on average), the open dialog and the focused element, each element as
 * its path of child indexes from `<body>`. Recorded over `seconds` of ticks at `hz`.
 */
export async function captureChangedTexts(browser, url, { hz, seconds, editButton }) {
  const { context, page } = await openPage(browser, url);
  await page.waitForFunction(() => window.__amkBench?.ready === true);
  await openDialog(page, editButton);
  await sleep(500);
  await page.evaluate(() => {
    const b = window.__amkBench;
    const byTick = new Map();
    window.__amkChanged = byTick;
    new MutationObserver((records) => {
      // The ticks recorded so far: these changes came after the last of them.
      const tick = b.ticks.length;
      if (tick === 0) return;
      if (!byTick.has(tick)) byTick.set(tick, new Set());
      const changed = byTick.get(tick);
      for (const r of records) {
        if (r.type === 'characterData') changed.add(r.target.parentElement);
        else if ([...r.addedNodes].some((n) => n.nodeType === Node.TEXT_NODE)) changed.add(r.target);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.evaluate((rate) => window.__amkBench.startTicks(rate), hz);
  await sleep(seconds * 1000);
  const capture = await page.evaluate(() => {
    window.__amkBench.stopTicks();
    const path = (el) => {
      const p = [];
      for (; el && el !== document.body; el = el.parentElement) p.unshift([...el.parentElement.children].indexOf(el));
      return el ? p : null;
    };
    const ticks = window.__amkBench.ticks.length;
    const paths = [];
    const index = new Map();
    const groups = [];
    for (let t = 1; t <= ticks; t++) {
      const group = [];
      for (const el of window.__amkChanged.get(t) ?? []) {
        if (!el?.isConnected) continue;
        if (!index.has(el)) {
          index.set(el, paths.length);
          paths.push(path(el));
        }
        group.push(index.get(el));
      }
      groups.push(group);
    }
    return {
      html: document.body.innerHTML,
      htmlClass: document.documentElement.className,
      paths,
      groups,
      writesPerTick: groups.reduce((n, g) => n + g.length, 0) / Math.max(1, groups.length),
      dialog: path(document.querySelector('dialog[open]')),
      focused: path(document.activeElement),
    };
  });
  await context.close();
  return capture;
}

/**
 * The bare writes: in the floor page (the same exchange, listeners and instruments, no kit), a
 * static copy of the kit's page (`captureChangedTexts`: its DOM and stylesheet, the dialog shown
 * modal again, the same element focused) in which a bare script replays the kit's text changes:
 * on each tick, in the tick's own task as the kit writes them, the texts the kit changed on the
 * recorded tick of the same number (round and round the recording), every digit moved on by one
 * (same length, same characters otherwise); no math, no framework. What it costs over the floor is
 * what the browser itself costs to show those new texts in the kit's DOM: the part of the kit's
 * share no script can take away.
 */
export function bareWrites(capture) {
  return async (page) => {
    const nodes = await page.evaluate(({ html, htmlClass, paths, groups, dialog, focused }) => {
      const b = window.__amkBench;
      document.documentElement.className = htmlClass;
      document.body.innerHTML = html;
      const at = (p) => p?.reduce((el, i) => el?.children[i], document.body);
      const d = at(dialog);
      if (d) {
        d.removeAttribute('open');
        d.showModal();
      }
      at(focused)?.focus();
      const texts = paths.map((p) =>
        [...(at(p)?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE && /\d/.test(n.data)),
      );
      const next = (c) => String.fromCharCode(48 + ((c.charCodeAt(0) - 47) % 10));
      let tick = 0;
      const write = () => {
        for (const i of groups[tick++ % groups.length]) for (const t of texts[i]) t.data = t.data.replace(/\d/g, next);
      };
      let queued = false;
      const onTick = () => {
        if (queued) return;
        queued = true;
        queueMicrotask(() => {
          queued = false;
          write();
        });
      };
      for (const s of b.symbolNames) b.source.subscribeMarkPrice(s, onTick);
      return texts.flat().length;
    }, capture);
    if (nodes === 0) throw new Error('bare writes: no text of the kit page found to rewrite');
  };
}

// ---------------------------------------------------------------------------------------------
// Memory

/**
 * The bench page at 50 Hz for `minutes`, the dialog opened, edited and closed every `cycleSeconds`:
 * the JS heap after a forced GC (CDP `HeapProfiler.collectGarbage`, then `Performance.getMetrics`)
 * and the DOM's node counts, after the first minute (the baseline; at a quarter of the run when it
 * is shorter than 4 minutes) and at the end. Detached nodes: `DOM.getDetachedDomNodes` where this
 * Chromium has it, else the renderer's node count (`Performance.getMetrics` Nodes) after GC.
 */
export async function measureMemory(browser, url, { minutes = 10, cycleSeconds = 5, hz = 50, editButton }) {
  const { context, page, errors } = await openPage(browser, url);
  await page.waitForFunction(() => window.__amkBench?.ready === true);
  await page.getByRole('button', { name: editButton }).waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');
  let detachedSupported = true;
  const sample = async () => {
    // The bench's own records (a timing per tick and per key, in window.__amkBench) are neither the
    // kit's nor the app's: emptied before each sample, or the harness's growth is measured with the kit's.
    await page.evaluate(() => {
      const b = window.__amkBench;
      for (const list of [b.ticks, b.keys, b.commits, b.mutations, b.longTasks, b.profiler, b.frames.times])
        list.length = 0;
    });
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((x) => x.name === name)?.value;
    let detached = null;
    if (detachedSupported) {
      try {
        const r = await cdp.send('DOM.getDetachedDomNodes');
        detached = r.detachedNodes.reduce((n, d) => n + 1 + (d.retainedNodeIds?.length ?? 0), 0);
      } catch {
        detachedSupported = false;
      }
    }
    return {
      at: Date.now(),
      heapUsed: metric('JSHeapUsedSize'),
      heapTotal: metric('JSHeapTotalSize'),
      nodes: metric('Nodes'),
      documents: metric('Documents'),
      listeners: metric('JSEventListeners'),
      detached,
    };
  };
  const start = Date.now();
  const total = minutes * 60_000;
  const baselineAt = total >= 4 * 60_000 ? 60_000 : total / 4;
  const cycles = { n: 0, verified: 0 };
  let baseline = null;
  const before = await sample();
  await page.evaluate((rate) => window.__amkBench.startTicks(rate), hz);
  const amount = ['10', '25.5', '100', '0.75'];
  while (Date.now() - start < total) {
    const t0 = Date.now();
    // Open, type an amount (the preview follows the ticks meanwhile), close.
    const dialog = await openDialog(page, editButton);
    await page.keyboard.type(amount[cycles.n % amount.length]);
    await sleep(Math.min(1500, cycleSeconds * 300));
    if ((await dialog.getByRole('textbox', { name: 'Amount' }).inputValue()) === amount[cycles.n % amount.length])
      cycles.verified++;
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    cycles.n++;
    if (!baseline && Date.now() - start >= baselineAt) baseline = await sample();
    await sleep(Math.max(0, cycleSeconds * 1000 - (Date.now() - t0)));
  }
  await page.evaluate(() => window.__amkBench.stopTicks());
  await sleep(500);
  const end = await sample();
  await context.close();
  baseline ??= before;
  return {
    minutes,
    hz,
    cycleSeconds,
    cycles,
    before,
    baseline,
    end,
    baselineAfterMs: baseline.at - start,
    heapGrowth: (end.heapUsed - baseline.heapUsed) / baseline.heapUsed,
    nodesGrowth: end.nodes - baseline.nodes,
    detachedGrowth: end.detached === null ? end.nodes - baseline.nodes : end.detached - baseline.detached,
    detachedMethod: end.detached === null ? 'Performance.getMetrics Nodes after GC' : 'DOM.getDetachedDomNodes',
    errors,
  };
}
