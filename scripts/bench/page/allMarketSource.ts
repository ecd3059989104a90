/**
 * A bench-only data source for accounts larger than the simulated exchange holds (it caps its
 * markets at 500): the generated account, and all-market ticks as Binance's `!markPrice@arr@1s`
 * sends them, every symbol in one message, emitted symbol by symbol (in symbol order) in one task. The ticks are
 * made ahead (scripts/bench/fixtures.ts) and replayed in a loop. Adjustments are refused.
 */
import {
  AdjustMarginError,
  type AccountSnapshot,
  type MarginDataSource,
  type MarkPriceUpdate,
} from '../../../src/engine/types';
import type { SimulatedMarket } from '../../../src/data/simulated/state';
import { allMarketTicks } from '../fixtures';

export interface AllMarketSource extends MarginDataSource {
  /** Starts the ticks at `hz` messages a second. */
  start(hz: number): void;
  pause(): void;
}

export function createAllMarketSource(
  account: AccountSnapshot,
  markets: Record<string, SimulatedMarket>,
): AllMarketSource {
  const ticks = allMarketTicks(markets, 60);
  const symbols = Object.keys(markets).sort();
  const listeners = new Map<string, Set<(u: MarkPriceUpdate) => void>>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let n = 0;
  const emit = () => {
    const marks = ticks[n++ % ticks.length]!;
    const eventTime = Date.now();
    for (const symbol of symbols) {
      const markPrice = marks.get(symbol)!;
      for (const l of listeners.get(symbol) ?? []) l({ symbol, markPrice, eventTime });
    }
  };
  return {
    getAccount: () => Promise.resolve(account),
    subscribeMarkPrice(symbol, onUpdate) {
      let set = listeners.get(symbol);
      if (!set) listeners.set(symbol, (set = new Set()));
      set.add(onUpdate);
      return () => set.delete(onUpdate);
    },
    subscribeAccount: () => () => {},
    adjustMargin: () => Promise.reject(new AdjustMarginError('unknown', 'The bench source does not adjust margin')),
    start(hz) {
      clearInterval(timer);
      timer = setInterval(emit, 1000 / hz);
    },
    pause() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
