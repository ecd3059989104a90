import { Dec, toDecimal, type Decimal } from '../../core/decimal';
import { nextSymmetricInt } from './prng';
import type { SimulatedMarket } from './state';

/** One price tick of a symbol: `10^-pricePrecision`. */
export function tickSize(pricePrecision: number): Decimal {
  return new Dec(10).pow(-pricePrecision);
}

/**
 * A price put on the symbol's grid: rounded half-up to `pricePrecision` decimals and at least one
 * tick. Throws a `RangeError` for a value that is not a positive decimal.
 */
export function toMarketPrice(price: string, pricePrecision: number): string {
  const p = toDecimal(price);
  if (!p.isPositive() || p.isZero()) throw new RangeError(`A mark price must be positive: ${price}`);
  const rounded = p.toDecimalPlaces(pricePrecision, Dec.ROUND_HALF_UP);
  return Dec.max(rounded, tickSize(pricePrecision)).toFixed(pricePrecision);
}

/** A steady move instead of the random walk: every step moves each walked price by `ticksPerStep` ticks one way. */
export interface MarkTrend {
  direction: 'up' | 'down';
  /** A whole number of ticks, 1 or more. */
  ticksPerStep: number;
}

/** One step of a trend for every market given: `ticksPerStep` ticks up or down, never below one tick. */
export function trendStep(
  markets: Readonly<Record<string, SimulatedMarket>>,
  trend: MarkTrend,
): Record<string, SimulatedMarket> {
  const next: [string, SimulatedMarket][] = [];
  for (const symbol of Object.keys(markets).sort()) {
    const m = markets[symbol]!;
    const tick = tickSize(m.pricePrecision);
    const move = tick.times(trend.direction === 'up' ? trend.ticksPerStep : -trend.ticksPerStep);
    const moved = Dec.max(toDecimal(m.markPrice).plus(move), tick);
    next.push([symbol, { ...m, markPrice: moved.toFixed(m.pricePrecision) }]);
  }
  return Object.fromEntries(next);
}

/** The markets after one random-walk step, and the PRNG state after it. */
export interface WalkResult {
  markets: Record<string, SimulatedMarket>;
  prngState: number;
}

/**
 * One step of the seeded random walk for every market given, in symbol order (so the sequence
 * depends only on the PRNG state and the markets; the exchange gives the markets positions use).
 * Each price moves by `k` ticks, `k` uniform in `[-maxStepTicks, maxStepTicks]`; a step that would
 * take the price below one tick is reflected (`−k`), and the price never goes below one tick. All
 * price arithmetic is decimal.
 */
export function walkStep(markets: Readonly<Record<string, SimulatedMarket>>, prngState: number): WalkResult {
  let state = prngState;
  const next: [string, SimulatedMarket][] = [];
  for (const symbol of Object.keys(markets).sort()) {
    const m = markets[symbol]!;
    const draw = nextSymmetricInt(state, m.maxStepTicks);
    state = draw.state;
    const tick = tickSize(m.pricePrecision);
    const price = toDecimal(m.markPrice);
    const move = tick.times(draw.value);
    let moved = price.plus(move);
    if (moved.lt(tick)) moved = price.minus(move);
    if (moved.lt(tick)) moved = tick;
    next.push([symbol, { ...m, markPrice: moved.toFixed(m.pricePrecision) }]);
  }
  // fromEntries defines own properties: a market named "__proto__" stays a market.
  return { markets: Object.fromEntries(next), prngState: state };
}
