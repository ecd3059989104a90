/**
 * The browser bench page: the real positions table and Adjust Margin dialog over the simulated
 * exchange (a generated account of `?positions=N` positions, 200 by default), and beside them a bare
 * controlled React <input>, so both are measured in one page and one run. Driven by
 * scripts/bench/browser.mjs through `window.__amkBench` (see ../browser/instrument.js).
 */
import '../../../src/ui/adjust-margin.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Profiler, useState, type ProfilerOnRenderCallback } from 'react';
import { createRoot } from 'react-dom/client';
import { MarginSourceProvider, PositionsTable } from '../../../src/index';
import { MAX_MARKETS } from '../../../src/data/simulated/exchange';
import type { MarginDataSource } from '../../../src/engine/types';
import { createSimulatedExchange } from '../../../src/simulated';
import { generateAccount, generateState } from '../fixtures';
import { createAllMarketSource } from './allMarketSource';

interface TickRecord {
  /** When the exchange started emitting the tick's marks (after its own random-walk step). */
  emit: number;
  /** After React's work for the tick: render, commit and effects (a microtask queued after the last listener). */
  done: number | null;
  /** Symbols whose mark changed in this tick. */
  changed: number;
  /** Position rows of those symbols. */
  changedRows: number;
}

interface BenchGlobal {
  profiler: { id: string; phase: string; actualDuration: number; commitTime: number }[];
  ticks: TickRecord[];
  source: MarginDataSource;
  positions: number;
  symbols: number;
  /** The symbols' names, sorted: what a bench script subscribes to (the bare writer of scripts/bench/browser.mjs). */
  symbolNames: readonly string[];
  startTicks(hz: number): void;
  stopTicks(): void;
  ready: boolean;
}

const bench = (window as unknown as { __amkBench: BenchGlobal }).__amkBench;
const params = new URLSearchParams(location.search);
const positions = Number(params.get('positions') ?? 200);
const throttleMs = params.has('throttleMs') ? Number(params.get('throttleMs')) : undefined;
// `?kit=0`: the same page, exchange and instruments without the table and dialog (the floor).
const withKit = params.get('kit') !== '0';
const { account, markets } = generateAccount(positions);

// The simulated exchange, paused; above its market cap (1,000 positions are on 625 symbols), a bench
// source with Binance's all-market message instead.
let source: MarginDataSource;
let startFeed: (hz: number) => void;
let pauseFeed: () => void;
if (Object.keys(markets).length > MAX_MARKETS) {
  const all = createAllMarketSource(account, markets);
  source = all;
  startFeed = (hz) => all.start(hz);
  pauseFeed = () => all.pause();
} else {
  const sim = createSimulatedExchange({ latencyMs: 0 });
  sim.importState(generateState(positions));
  sim.pause();
  source = sim;
  startFeed = (hz) => {
    sim.setRate(hz);
    sim.start();
  };
  pauseFeed = () => sim.pause();
}

const rowsPerSymbol = new Map<string, number>();
for (const p of account.positions) rowsPerSymbol.set(p.symbol, (rowsPerSymbol.get(p.symbol) ?? 0) + 1);
const symbols = Object.keys(markets).sort();
bench.source = source;
bench.symbols = symbols.length;
bench.symbolNames = symbols;
bench.positions = positions;
bench.ticks = [];

// Tick timing: a listener of the first symbol (subscribed before React, so called first) marks the
// start of the emission; a listener of the last symbol subscribed when ticks start (so after React's)
// queues a microtask that runs after React's own, i.e. after the render and commit of the tick.
let recording = false;
let current: TickRecord | null = null;
const lastMark = new Map(symbols.map((s) => [s, markets[s]!.markPrice]));
source.subscribeMarkPrice(symbols[0]!, () => {
  if (!recording) return;
  current = { emit: performance.now(), done: null, changed: 0, changedRows: 0 };
  bench.ticks.push(current);
});
for (const s of symbols) {
  source.subscribeMarkPrice(s, (u) => {
    if (!recording || !current) return;
    if (lastMark.get(s) !== u.markPrice) {
      current.changed++;
      current.changedRows += rowsPerSymbol.get(s) ?? 0;
    }
    lastMark.set(s, u.markPrice);
  });
}
let offLast: (() => void) | undefined;
bench.startTicks = (hz: number) => {
  offLast = source.subscribeMarkPrice(symbols[symbols.length - 1]!, () => {
    const rec = current;
    if (recording && rec) queueMicrotask(() => (rec.done = performance.now()));
  });
  recording = true;
  startFeed(hz);
};
bench.stopTicks = () => {
  pauseFeed();
  recording = false;
  offLast?.();
};

bench.profiler = [];
const onRender: ProfilerOnRenderCallback = (id, phase, actualDuration, _base, _start, commitTime) => {
  bench.profiler.push({ id, phase, actualDuration, commitTime });
};

function BareInput() {
  const [value, setValue] = useState('');
  return (
    <p>
      <label>
        Bare amount{' '}
        <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" autoComplete="off" />
      </label>
    </p>
  );
}

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
createRoot(document.getElementById('app')!).render(
  <QueryClientProvider client={queryClient}>
    <MarginSourceProvider source={source} sourceKey="bench" throttleMs={throttleMs}>
      <Profiler id="bare" onRender={onRender}>
        <BareInput />
      </Profiler>
      {withKit && (
        <Profiler id="table" onRender={onRender}>
          <PositionsTable locale="en" theme="dark" />
        </Profiler>
      )}
    </MarginSourceProvider>
  </QueryClientProvider>,
);
bench.ready = true;
