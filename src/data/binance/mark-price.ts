import type { MarkPriceUpdate } from '../../engine/types';
import { decimalString } from './decimal-string';
import { isRecord, unwrapFrame } from './payloads';

/** The stream name of a symbol's 1-second mark price: `btcusdt@markPrice@1s`. */
export function markPriceStream(symbol: string): string {
  return `${symbol.toLowerCase()}@markPrice@1s`;
}

/**
 * Parses a market-stream frame (JSON text or object; a combined-stream `{stream, data}` wrapper is
 * unwrapped) into a mark-price update. `undefined` for any other frame (e.g. a `SUBSCRIBE` reply).
 * `{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000",…}` →
 * `{symbol:"BTCUSDT", markPrice:"11794.15000000", eventTime:1562305380000}`.
 */
export function parseMarkPriceFrame(frame: unknown): MarkPriceUpdate | undefined {
  const value = unwrapFrame(frame);
  if (!isRecord(value) || value.e !== 'markPriceUpdate' || typeof value.s !== 'string') return undefined;
  return { symbol: value.s, markPrice: decimalString(value.p, 'p'), eventTime: Number(value.E) };
}
