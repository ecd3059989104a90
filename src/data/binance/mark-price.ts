import type { MarkPriceUpdate } from '../../engine/types';
import { decimalString } from './decimal-string';
import type { BinanceMarket } from './options';
import { isRecord, unwrapFrame } from './payloads';
import { MAX_STREAMS_PER_CONNECTION } from './stream-subscriptions';

/** USDⓈ-M's all-market stream: an array of `markPriceUpdate`s for every symbol, every second. */
export const ALL_MARKET_MARK_PRICE_STREAM = '!markPrice@arr@1s';

/** Default of `allMarketAbove`. */
export const DEFAULT_ALL_MARKET_ABOVE = 200;

/** The stream name of a symbol's 1-second mark price: `btcusdt@markPrice@1s`. */
export function markPriceStream(symbol: string): string {
  return `${symbol.toLowerCase()}@markPrice@1s`;
}

/** COIN-M's pair of a symbol: `BTCUSD` for `BTCUSD_PERP` and `BTCUSD_250926`. */
function coinmPair(symbol: string): string {
  const end = symbol.indexOf('_');
  return end > 0 ? symbol.slice(0, end) : symbol;
}

/**
 * The streams that carry the mark prices of `symbols`: one `<symbol>@markPrice@1s` each, or above
 * `allMarketAbove` symbols (capped at Binance's 1024 streams per connection) the all-market stream:
 * `!markPrice@arr@1s` on USDⓈ-M, one `<pair>@markPrice@1s` per pair on COIN-M (which has no
 * all-market mark-price stream).
 */
export function markPriceStreams(
  market: BinanceMarket,
  symbols: readonly string[],
  allMarketAbove: number = DEFAULT_ALL_MARKET_ABOVE,
): string[] {
  if (symbols.length <= Math.min(allMarketAbove, MAX_STREAMS_PER_CONNECTION)) return symbols.map(markPriceStream);
  if (market === 'usdm') return [ALL_MARKET_MARK_PRICE_STREAM];
  return [...new Set(symbols.map((symbol) => markPriceStream(coinmPair(symbol))))];
}

function toUpdate(event: unknown): MarkPriceUpdate | undefined {
  if (!isRecord(event) || event.e !== 'markPriceUpdate' || typeof event.s !== 'string') return undefined;
  return { symbol: event.s, markPrice: decimalString(event.p, 'p'), eventTime: Number(event.E) };
}

/**
 * Parses a market-stream frame (JSON text or object; a combined-stream `{stream, data}` wrapper is
 * unwrapped) into a mark-price update. `undefined` for any other frame (e.g. a `SUBSCRIBE` reply).
 * `{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000",…}` →
 * `{symbol:"BTCUSDT", markPrice:"11794.15000000", eventTime:1562305380000}`. Throws on a garbled price.
 */
export function parseMarkPriceFrame(frame: unknown): MarkPriceUpdate | undefined {
  return toUpdate(unwrapFrame(frame));
}

/**
 * Every mark-price update in a frame: one for a single-symbol frame, one per element of an array frame
 * (`!markPrice@arr@1s`, `<pair>@markPrice@1s`). An element with a garbled price is skipped, not the frame.
 */
export function parseMarkPriceFrames(frame: unknown): MarkPriceUpdate[] {
  const value = unwrapFrame(frame);
  const updates: MarkPriceUpdate[] = [];
  for (const event of Array.isArray(value) ? value : [value]) {
    try {
      const update = toUpdate(event);
      if (update) updates.push(update);
    } catch {
      // a garbled element is skipped
    }
  }
  return updates;
}
