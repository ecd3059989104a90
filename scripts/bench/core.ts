/**
 * Core benchmark (Node): the dialog's limits for one position, and one all-market tick over an
 * account of 1,000 positions, recomputed from scratch by the core functions and by the live engine,
 * side by side in one process. Bundled by scripts/bench/run.mjs and run with node; prints one JSON line.
 */
import { Bench } from 'tinybench';
import { adjustedPosition, positionFigures } from '../../src/core/adjustment';
import type { Decimal } from '../../src/core/decimal';
import { maxAddable, maxRemovable } from '../../src/core/limits';
import { initialMarginAtMark, maintenanceMargin, positionMargin, unrealizedPnl } from '../../src/core/position';
import { liquidationPrice } from '../../src/core/liquidation';
import { crossInputFor, findPosition, markOf, toPositionInput, type MarkPrices } from '../../src/engine/account';
import { createLiveAccount, type LiveAccount } from '../../src/engine/liveAccount';
import { computeMarginLimits } from '../../test/support/oracle';
import { defaultScenario } from '../../src/data/simulated/scenario';
import { marksOf } from '../../src/data/simulated/snapshot';
import type { AccountSnapshot, PositionSnapshot } from '../../src/engine/types';
import { allMarketTicks, generateAccount } from './fixtures';

const POSITIONS = Number(process.env.BENCH_POSITIONS ?? 1000);
const quick = process.env.BENCH_QUICK === '1';

// ---------------------------------------------------------------------------------------------
// 1. One position: what useMarginLimits computes per update (limits + current LP) and the preview's LP after an amount.

const scenario = defaultScenario();
const small = scenario.account;
const smallMarks = marksOf(scenario.markets);

function dialogFigures(account: AccountSnapshot, position: PositionSnapshot, marks: MarkPrices) {
  const limits = computeMarginLimits(account, position, marks);
  const after = positionFigures(adjustedPosition(limits.input, 'ADD', '0.001'));
  return [limits.maxAddable, limits.maxRemovable.amount, limits.current.liquidationPrice, after.liquidationPrice];
}

const linear = findPosition(small, 'BTCUSDT', 'LONG')!;
const inverse = findPosition(small, 'BTCUSD_PERP', 'BOTH')!;

// ---------------------------------------------------------------------------------------------
// 2. One all-market tick over POSITIONS positions.

const { account, markets } = generateAccount(POSITIONS);
const ticks = allMarketTicks(markets, 40);
const assets = [...new Set(account.positions.map((p) => p.marginAsset))];
const open = account.positions.find((p) => p.marginType === 'isolated')!;

interface TickOutput {
  positions: { upnl: Decimal; margin: Decimal; mm: Decimal; removable: Decimal | null; lp: Decimal | null }[];
  addable: Decimal[];
  dialog: Decimal[];
}

/** Liquidation prices per position snapshot, for the recompute that keeps them (as the table does). */
const lpCache = new Map<PositionSnapshot, Decimal | null>();

/**
 * The straightforward way: every figure from the core functions, at the tick's marks. With
 * `cachedLp`, each position's liquidation price is computed once per snapshot (as PositionsTable's
 * useMemo does); without, every tick (recompute everything).
 */
function recompute(marks: ReadonlyMap<string, string>, cachedLp = false): TickOutput {
  const positions = account.positions.map((p) => {
    const input = toPositionInput(p, markOf(marks, p));
    const isolated = p.marginType === 'isolated';
    let lp: Decimal | null = null;
    if (isolated && cachedLp) {
      if (!lpCache.has(p)) lpCache.set(p, liquidationPrice(input));
      lp = lpCache.get(p)!;
    } else if (isolated) lp = liquidationPrice(input);
    return {
      upnl: unrealizedPnl(input),
      margin: isolated ? positionMargin(input) : initialMarginAtMark(input),
      mm: maintenanceMargin(input),
      removable: isolated ? maxRemovable(input, p.marginAssetPrecision).amount : null,
      lp,
    };
  });
  const addable = assets.map((a) => maxAddable(crossInputFor(account, a, marks)));
  const l = computeMarginLimits(account, open, marks);
  return { positions, addable, dialog: [l.maxAddable, l.maxRemovable.amount, l.unrealizedPnl, l.current.margin] };
}

/** The live engine: apply the tick, then read every figure. */
function engineTick(live: LiveAccount, marks: ReadonlyMap<string, string>): TickOutput {
  live.applyMarks(marks);
  const positions = live.positions().map((f) => ({
    upnl: f.unrealizedPnl,
    margin: f.margin,
    mm: f.maintenanceMargin,
    removable: f.maxRemovable?.amount ?? null,
    lp: f.liquidationPrice,
  }));
  const addable = assets.map((a) => live.maxAddable(a));
  const l = live.limits(open.symbol, open.positionSide)!;
  return { positions, addable, dialog: [l.maxAddable, l.maxRemovable.amount, l.unrealizedPnl, l.current.margin] };
}

function assertSame(a: TickOutput, b: TickOutput): void {
  const eq = (x: Decimal | null, y: Decimal | null) => (x === null ? y === null : y !== null && x.eq(y));
  a.positions.forEach((p, i) => {
    const q = b.positions[i]!;
    if (
      !eq(p.upnl, q.upnl) ||
      !eq(p.margin, q.margin) ||
      !eq(p.mm, q.mm) ||
      !eq(p.removable, q.removable) ||
      !eq(p.lp, q.lp)
    ) {
      throw new Error(`engine and recompute differ at position ${i}`);
    }
  });
  a.addable.forEach((v, i) => {
    if (!eq(v, b.addable[i]!)) throw new Error(`max addable differs for ${assets[i]}`);
  });
  a.dialog.forEach((v, i) => {
    if (!eq(v, b.dialog[i]!)) throw new Error('dialog limits differ');
  });
}

// Same results first: the figures being timed are the same figures.
{
  const live = createLiveAccount(account);
  for (const marks of ticks.slice(0, 5)) assertSame(engineTick(live, marks), recompute(marks));
}

// Side by side, interleaved: the same tick recomputed, then applied to the engine, round after
// round. Wall time and process CPU time (user + system, all threads: steady when the machine is
// shared with other work, which stretches wall time); the ratio is taken per round. The rounds run
// in 3 blocks at different moments of the run (before, between and after the tinybench benches), so
// a spell of load elsewhere on the machine shows as a spread between the blocks' medians.
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const BLOCKS = 3;
const ROUNDS_PER_BLOCK = quick ? 5 : 40;
const pairedLive = createLiveAccount(account);
type Samples = { recompute: number[]; engine: number[]; ratio: number[] };
const samples = () => ({ recompute: [], engine: [], ratio: [] }) as Samples;
const wall = samples();
const cpu = samples();
const blocks: { wall: Samples; cpu: Samples }[] = [];
let pairedRound = 0;

function pairedBlock() {
  const block = { wall: samples(), cpu: samples() };
  for (let r = 0; r < ROUNDS_PER_BLOCK; r++) {
    const marks = ticks[pairedRound++ % ticks.length]!;
    let w = performance.now();
    let c = cpuNow();
    recompute(marks);
    const wr = performance.now() - w;
    const cr = cpuNow() - c;
    w = performance.now();
    c = cpuNow();
    engineTick(pairedLive, marks);
    const we = performance.now() - w;
    const ce = cpuNow() - c;
    for (const into of [wall, block.wall]) {
      into.recompute.push(wr);
      into.engine.push(we);
      into.ratio.push(wr / we);
    }
    for (const into of [cpu, block.cpu]) {
      into.recompute.push(cr);
      into.engine.push(ce);
      if (ce > 0) into.ratio.push(cr / ce);
    }
  }
  blocks.push(block);
}

/** Median, min and max of the blocks' medians of one series. */
function overBlocks(kind: 'wall' | 'cpu', series: keyof Samples) {
  const m = blocks.map((b) => median(b[kind][series]));
  return { median: median(m), min: Math.min(...m), max: Math.max(...m), n: m.length };
}

async function main() {
  // Warm-up, not timed: the first rounds run cold code.
  for (let r = 0; r < (quick ? 3 : 10); r++) {
    recompute(ticks[r % ticks.length]!);
    engineTick(pairedLive, ticks[r % ticks.length]!);
  }
  pairedBlock();
  const one = new Bench({ name: 'one position', time: quick ? 200 : 1500, warmupTime: quick ? 50 : 300 });
  one.add('limits + LP before/after, linear (BTCUSDT LONG)', () => dialogFigures(small, linear, smallMarks));
  one.add('limits + LP before/after, inverse (BTCUSD_PERP)', () => dialogFigures(small, inverse, smallMarks));
  await one.run();
  pairedBlock();

  let i = 0;
  let h = 0;
  let j = 0;
  let live = createLiveAccount(account);
  const tick = new Bench({
    name: 'tick',
    time: quick ? 500 : 5000,
    iterations: quick ? 5 : 30,
    warmupTime: quick ? 100 : 500,
  });
  tick.add('tick: recompute everything (core functions)', () => recompute(ticks[i++ % ticks.length]!));
  tick.add('tick: recompute, liquidation prices kept per snapshot', () => recompute(ticks[h++ % ticks.length]!, true));
  tick.add('tick: live engine (applyMarks + read all)', () => engineTick(live, ticks[j++ % ticks.length]!));
  tick.add('engine: createLiveAccount (setAccount)', () => {
    live = createLiveAccount(account);
  });
  await tick.run();
  pairedBlock();

  const paired = {
    rounds: BLOCKS * ROUNDS_PER_BLOCK,
    wall: { recompute: median(wall.recompute), engine: median(wall.engine), ratio: median(wall.ratio) },
    cpu: { recompute: median(cpu.recompute), engine: median(cpu.engine), ratio: median(cpu.ratio) },
    // Each block's median, and their spread: the range beside the medians above.
    blocks: {
      n: BLOCKS,
      roundsPerBlock: ROUNDS_PER_BLOCK,
      wall: { recompute: overBlocks('wall', 'recompute'), engine: overBlocks('wall', 'engine') },
      cpu: { recompute: overBlocks('cpu', 'recompute'), engine: overBlocks('cpu', 'engine') },
    },
  };

  const stats = (b: Bench) =>
    b.tasks.map((t) => {
      const r = t.result as { latency?: { p50: number; p99: number; mean: number; samplesCount: number } };
      if (!r.latency) throw new Error(`${t.name}: no result (${JSON.stringify(t.result)})`);
      return {
        name: t.name,
        p50: r.latency.p50,
        p99: r.latency.p99,
        mean: r.latency.mean,
        samples: r.latency.samplesCount,
      };
    });
  const symbols = new Set(account.positions.map((p) => p.symbol)).size;
  const counts = {
    positions: account.positions.length,
    symbols,
    isolated: account.positions.filter((p) => p.marginType === 'isolated').length,
    inverse: account.positions.filter((p) => p.contractType === 'inverse').length,
    assets,
  };
  process.stdout.write(`${JSON.stringify({ one: stats(one), tick: stats(tick), paired, counts })}\n`);
}

void main();
