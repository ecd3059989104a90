import { toDecimal, type Decimal } from '../core/decimal';
import type { Bracket } from '../core/types';

/** One leverage bracket with its fields as decimals and the notionals `bracketFor` picks it for. */
export interface PreparedBracket {
  readonly bracket: Bracket;
  /** `bracketFor` picks this bracket for a notional `n` with `lo ≤ n < hi` (null: unbounded). */
  readonly lo: Decimal | null;
  readonly hi: Decimal | null;
  readonly mmr: Decimal;
  readonly cum: Decimal;
}

/** A position's leverage brackets, parsed once per position snapshot. */
export interface PreparedBrackets {
  readonly list: readonly PreparedBracket[];
  readonly caps: readonly Decimal[];
}

/**
 * `bracketFor` returns the first bracket whose cap is above the notional, else the last. So
 * bracket i is picked exactly when `max(cap_0…cap_{i−1}) ≤ n < cap_i` (no upper bound for the last):
 * those are its `lo`/`hi`, valid for any table, sorted or not.
 */
export function prepareBrackets(brackets: readonly Bracket[]): PreparedBrackets {
  if (brackets.length === 0) throw new RangeError('A position needs at least one leverage bracket');
  const caps = brackets.map((b) => toDecimal(b.notionalCap));
  let lo: Decimal | null = null;
  const list = brackets.map((bracket, i) => {
    const last = i === brackets.length - 1;
    const p: PreparedBracket = {
      bracket,
      lo,
      hi: last ? null : caps[i]!,
      mmr: toDecimal(bracket.maintMarginRatio),
      cum: toDecimal(bracket.cum),
    };
    lo = lo === null || caps[i]!.gt(lo) ? caps[i]! : lo;
    return p;
  });
  return { list, caps };
}

/**
 * The index of the bracket `bracketFor(brackets, n)` picks: `near` (a bracket a nearby notional is
 * in, or −1) when it holds `n`, else found by `bracketFor`'s own search.
 */
export function bracketIndex(prepared: PreparedBrackets, n: Decimal, near: number): number {
  const b = near >= 0 ? prepared.list[near] : undefined;
  if (b !== undefined && (b.lo === null || !n.lt(b.lo)) && (b.hi === null || n.lt(b.hi))) return near;
  const caps = prepared.caps;
  for (let i = 0; i < caps.length; i++) if (n.lt(caps[i]!)) return i;
  return caps.length - 1;
}

/**
 * `maintenanceMargin`'s `n × MMR − cum` in that bracket. A cum of zero is not subtracted when the
 * product is not zero: `x − 0` rounds `x` to the precision it already has, so it is `x` exactly.
 */
export function maintenanceAt(n: Decimal, b: PreparedBracket): Decimal {
  const product = n.times(b.mmr);
  return b.cum.isZero() && !product.isZero() ? product : product.minus(b.cum);
}
