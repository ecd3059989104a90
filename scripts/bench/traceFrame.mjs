// One every-tick frame of the Chromium trace, drawn: the tick's task (the feed's timer: the kit's
// listeners, the engine, the live cells written) and the frame that shows it (style, layout, paint),
// each trace event a bar at its nesting depth, coloured by kind. Rendered to a PNG by Chromium so a
// reader of BENCHMARKS.md sees where the time of a tick goes.
const KIND = {
  TimerFire: 'script',
  FunctionCall: 'script',
  RunMicrotasks: 'script',
  EventDispatch: 'script',
  FireAnimationFrame: 'script',
  EvaluateScript: 'script',
  V8Execute: 'script',
  UpdateLayoutTree: 'style',
  RecalcStyle: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
};
const COLOR = {
  task: '#8a8f98',
  script: '#e8b93a',
  style: '#a779e0',
  layout: '#7b4fc4',
  paint: '#4fae6a',
  gc: '#b07a4f',
};

/**
 * From trace events of the renderer main thread between two marks: the top-level tasks of the
 * median frame (a task with a Paint, and the tasks in the 20 ms before it that ran script), as
 * bars {name, kind, start, dur, depth} in ms from the window's start.
 */
export function pickFrame(events, startMark, endMark) {
  const start = events.find((e) => e.name === startMark);
  const end = events.find((e) => e.name === endMark);
  if (!start || !end) return null;
  const own = events
    .filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.ts >= start.ts && e.ts < end.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = own.filter((e) => /RunTask/.test(e.name));
  const inside = (t) => own.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
  const frames = [];
  for (const t of tasks) {
    if (!inside(t).some((e) => e.name === 'Paint')) continue;
    // The tick's task: the last task before the frame that fired a timer (the feed's tick is a timer) and
    // ran script, within 50 ms; a small script task in between (an observer's callback) is not the tick.
    const before = tasks.filter(
      (u) =>
        u.ts < t.ts &&
        u.ts >= t.ts - 50_000 &&
        inside(u).some((e) => e.name === 'TimerFire') &&
        inside(u).some((e) => KIND[e.name] === 'script'),
    );
    const group = before.length ? [before[before.length - 1], t] : [t];
    frames.push({ group, total: group.reduce((n, u) => n + u.dur, 0) });
  }
  if (!frames.length) return null;
  frames.sort((a, b) => a.total - b.total);
  const { group } = frames[Math.floor(frames.length / 2)];
  const t0 = group[0].ts;
  const bars = [];
  for (const task of group) {
    const stack = [];
    for (const e of inside(task)) {
      while (stack.length && stack[stack.length - 1].stop <= e.ts) stack.pop();
      const kind = /RunTask/.test(e.name) ? 'task' : KIND[e.name];
      // Time by kind counts an event once: not inside another of its kind (nor style/layout/paint inside script).
      const counted = kind && !stack.some((o) => o.kind === kind || (o.kind === 'script' && kind !== 'gc'));
      if (kind)
        bars.push({ name: e.name, kind, counted, start: (e.ts - t0) / 1000, dur: e.dur / 1000, depth: stack.length });
      stack.push({ stop: e.ts + e.dur, kind });
    }
  }
  const last = group[group.length - 1];
  return { bars, spanMs: (last.ts + last.dur - t0) / 1000 };
}

/** The frame as an HTML page (an SVG timeline and the time by kind). */
export function frameHtml(frame, title) {
  const width = 1200;
  const lane = 22;
  const scale = (width - 40) / Math.max(1, frame.spanMs);
  const depth = Math.max(...frame.bars.map((b) => b.depth)) + 1;
  const height = depth * lane + 40;
  const byKind = {};
  for (const b of frame.bars) if (b.kind !== 'task' && b.counted) byKind[b.kind] = (byKind[b.kind] ?? 0) + b.dur;
  const esc = (s) => String(s).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
  const rects = frame.bars
    .map((b) => {
      const x = 20 + b.start * scale;
      const w = Math.max(1, b.dur * scale);
      const y = 10 + b.depth * lane;
      const label =
        w > 60 ? `<text x="${x + 3}" y="${y + 15}" font-size="11">${esc(b.name)} ${b.dur.toFixed(2)}</text>` : '';
      return `<rect x="${x}" y="${y}" width="${w}" height="${lane - 3}" fill="${COLOR[b.kind]}"><title>${esc(b.name)} ${b.dur.toFixed(3)} ms</title></rect>${label}`;
    })
    .join('');
  const ticks = [];
  for (let ms = 0; ms <= frame.spanMs; ms += frame.spanMs > 20 ? 5 : 1)
    ticks.push(`<text x="${20 + ms * scale}" y="${height - 8}" font-size="10" fill="#555">${ms} ms</text>`);
  const legend = Object.entries(COLOR)
    .map(
      ([k, c]) => `<span><i style="background:${c}"></i>${k}${byKind[k] ? ` ${byKind[k].toFixed(2)} ms` : ''}</span>`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
body{font:13px system-ui,sans-serif;margin:16px;color:#222;background:#fff}
h1{font-size:15px;margin:0 0 8px} .legend span{margin-right:16px} .legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
svg text{font-family:system-ui,sans-serif}</style>
<h1>${esc(title)}</h1><p class="legend">${legend}</p>
<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rects}${ticks.join('')}</svg>`;
}

/** Renders the frame to `png` with the given browser. */
export async function renderFrame(browser, frame, title, png) {
  const html = frameHtml(frame, title);
  const page = await browser.newPage({ viewport: { width: 1240, height: 200 } });
  await page.setContent(html);
  await page.screenshot({ path: png, fullPage: true });
  await page.close();
}
