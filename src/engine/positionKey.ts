import type { PositionSide } from './types';

/** The one key of a position across the kit: `"BTCUSDT:LONG"` (a symbol has one position per side). */
export function positionKey(symbol: string, positionSide: PositionSide): string {
  return `${symbol}:${positionSide}`;
}
