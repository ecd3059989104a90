import type { AdjustType } from '../core/types';
import { Dec, type Decimal } from '../core/decimal';
import { initialMarginAtMark, notional } from '../core/position';
import { roundDown } from '../core/rounding';
import type { AccountSnapshot, PositionSnapshot } from './types';
import {
  termsOf,
  type LiveAccount,
  type LiveCrossSums,
  type LivePositionFigures,
  type PositionTerms,
} from './liveAccount';
import type { MarginLimits } from './marginLimits';
import { bracketIndex, maintenanceAt } from './preparedBrackets';

/** Default room Max and the presets leave for the mark moving while a request travels: 10 bps (0.1 %). */
export const DEFAULT_MAX_HEADROOM_BPS = 10;

const ZERO = new Dec(0);
const ONE = new Dec(1);

/** The largest headroom accepted: 1 000 bps (10 %). */
const MAX_HEADROOM_BPS = 1000;

/** `bps` checked: a whole number from 0 to 1 000; anything else throws a `RangeError`. */
export function checkHeadroomBps(bps: number): number {
  if (!Number.isInteger(bps) || bps < 0 || bps > MAX_HEADROOM_BPS) {
    throw new RangeError(`maxHeadroomBps must be a whole number from 0 to ${MAX_HEADROOM_BPS}: ${bps}`);
  }
  return bps;
}

/**
 * Max removable with the mark moved against the limit by `bps`: each bound (wallet − maintenance
 * margin; wallet + uPnL − initial margin) at its worst within ±bps of the mark, rounded down, never
 * above the exact max. A price move either way can lower one of the bounds, so both ends are tried.
 */
function removableWithHeadroom(engine: LiveAccount, limits: MarginLimits, bps: number): Decimal {
  const wallet = new Dec(limits.input.isolatedWallet);
  const { symbol, positionSide } = limits.position;
  const worst = worstWithin(
    {
      position: limits.position,
      notional: notional(limits.input),
      unrealizedPnl: limits.unrealizedPnl,
      initialMargin: initialMarginAtMark(limits.input),
    },
    termsOf(limits.position, engine.position(symbol, positionSide)),
    bps,
  );
  const bound = Dec.min(wallet.minus(worst.maint), wallet.plus(worst.free));
  return Dec.min(roundDown(Dec.max(ZERO, bound), limits.position.marginAssetPrecision), limits.maxRemovable.amount);
}

/**
 * A position's worst case within ±bps (or the sum of an asset's cross positions' worst cases): its
 * maintenance margin at its highest and uPnL − IM at its lowest.
 */
interface WorstCase {
  readonly bps: number;
  readonly maint: Decimal;
  readonly free: Decimal;
}

/** A cross position's part in its asset's worst case: its figures (a new object only when its mark moved) and their worst case. */
interface Part {
  readonly figures: LivePositionFigures;
  readonly worst: WorstCase;
}
/** An asset's worst case as last summed, with each cross position's part in it, in account order. */
interface AssetWorst extends WorstCase {
  readonly sums: LiveCrossSums;
  readonly parts: readonly Part[];
}
/** Per account snapshot (its positions are fixed) and asset: the worst case last summed. */
const assetWorst = new WeakMap<AccountSnapshot, Map<string, AssetWorst>>();

/** A position's figures at its mark, what its worst case is derived from (a `LivePositionFigures` is one). */
interface AtMark {
  readonly position: PositionSnapshot;
  readonly notional: Decimal;
  readonly unrealizedPnl: Decimal;
  readonly initialMargin: Decimal;
}

/** One end of ±bps: the notional's factor `q` (the mark's for USDⓈ-M, its inverse for COIN-M) and q − 1. */
interface End {
  readonly q: Decimal;
  readonly step: Decimal;
}
/**
 * Both ends per bps, for USDⓈ-M and COIN-M, each as [the end with q below 1, the end with q above 1]:
 * for USDⓈ-M the mark moved down then up; for COIN-M (q is the inverse) up then down.
 */
const endsByBps = new Map<number, { linear: readonly [End, End]; inverse: readonly [End, End] }>();

function endsOf(bps: number): { linear: readonly [End, End]; inverse: readonly [End, End] } {
  let ends = endsByBps.get(bps);
  if (!ends) {
    const by = new Dec(bps).div(10_000);
    const end = (q: Decimal): End => ({ q, step: q.minus(ONE) });
    const down = ONE.minus(by);
    const up = ONE.plus(by);
    ends = { linear: [end(down), end(up)], inverse: [end(ONE.div(up)), end(ONE.div(down))] };
    endsByBps.set(bps, ends);
  }
  return ends;
}

/**
 * A position's worst case within ±bps of its mark, from its figures at the mark: the mark moved by
 * a factor scales the notional and the initial margin by `q` (USDⓈ-M: the factor; COIN-M: its
 * inverse) and moves the unrealized PnL by the signed notional × (q − 1) (COIN-M: the opposite
 * sign), so uPnL − IM moves by (q − 1) × (±signed notional − IM). These are the values
 * `maintenanceMargin`, `unrealizedPnl` and `initialMarginAtMark` give at the moved mark, without
 * reading the position again; each end takes its own bracket.
 *
 * Each bound is worked out at the end where it is worst, not at both: uPnL − IM is lowest at the end
 * whose q − 1 has the sign opposite to the slope (with no slope both ends give its value at the
 * mark), and the maintenance margin, `n × MMR − cum`, grows with the notional within one bracket, so
 * when both ends fall in the same bracket it is highest at the end with q above 1. Decimal rounding
 * is monotonic, so these are the very values the larger (smaller) of both ends would give.
 */
function worstWithin(at: AtMark, { long, brackets, bracket }: PositionTerms, bps: number): WorstCase {
  const linear = at.position.contractType === 'linear';
  const signed = long ? at.notional : at.notional.neg();
  const freeAtMark = at.unrealizedPnl.minus(at.initialMargin);
  const slope = (linear ? signed : signed.neg()).minus(at.initialMargin);
  const [below, above] = linear ? endsOf(bps).linear : endsOf(bps).inverse;
  const free = freeAtMark.plus(slope.times(slope.isPositive() && !slope.isZero() ? below.step : above.step));
  const nBelow = at.notional.times(below.q);
  const nAbove = at.notional.times(above.q);
  // Both ends are near the notional: each search starts from the bracket it is in.
  const iAbove = bracketIndex(brackets, nAbove, bracket);
  const iBelow = bracketIndex(brackets, nBelow, iAbove);
  const bAbove = brackets.list[iAbove]!;
  const mmAbove = maintenanceAt(nAbove, bAbove);
  if (iBelow === iAbove && !bAbove.mmr.isNegative()) return { bps, maint: mmAbove, free };
  const mmBelow = maintenanceAt(nBelow, brackets.list[iBelow]!);
  return { bps, maint: mmAbove.gt(mmBelow) ? mmAbove : mmBelow, free };
}

/**
 * The worst case of an asset's cross positions, summed. Kept per account snapshot; a position's
 * part is worked out again only when its figures changed (they are a new object only when its mark
 * moved), so a tick costs the positions it moved, and a read between ticks costs nothing. When at
 * most half of the parts changed the last sums are updated by their differences; otherwise (an
 * all-market message moves every symbol) the parts are summed again in account order, which costs
 * fewer operations than two differences per part.
 */
function worstOfAsset(engine: LiveAccount, asset: string, sums: LiveCrossSums, bps: number): WorstCase {
  let byAsset = assetWorst.get(engine.account);
  if (!byAsset) assetWorst.set(engine.account, (byAsset = new Map()));
  const last = byAsset.get(asset);
  if (last?.sums === sums && last.bps === bps) return last;
  const figures = engine.crossPositions(asset);
  const before = last?.bps === bps && last.parts.length === figures.length ? last.parts : undefined;
  const parts: Part[] = [];
  const moved: number[] = [];
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    const part = before?.[i];
    if (part?.figures === f) parts.push(part);
    else {
      parts.push({ figures: f, worst: worstWithin(f, termsOf(f.position, f), bps) });
      moved.push(i);
    }
  }
  let maint = ZERO;
  let free = ZERO;
  if (last && before && moved.length * 2 <= parts.length) {
    ({ maint, free } = last);
    for (const i of moved) {
      maint = maint.plus(parts[i]!.worst.maint).minus(before[i]!.worst.maint);
      free = free.plus(parts[i]!.worst.free).minus(before[i]!.worst.free);
    }
  } else {
    for (const { worst } of parts) {
      maint = maint.plus(worst.maint);
      free = free.plus(worst.free);
    }
  }
  const next: AssetWorst = { bps, sums, maint, free, parts };
  byAsset.set(asset, next);
  return next;
}

/**
 * Max addable with every cross position of the asset at its worst within ±bps of its own mark
 * (they lower the available balance as they move against it): each sum of `maxAddable` takes each
 * position's worst case, rounded down, never above the exact max.
 */
function addableWithHeadroom(engine: LiveAccount, limits: MarginLimits, bps: number): Decimal {
  const asset = limits.position.marginAsset;
  const sums = engine.crossSums(asset);
  const worst = worstOfAsset(engine, asset, sums, bps);
  const cwb = sums.crossWalletBalance.minus(sums.isolatedOpenOrderInitialMargin);
  const bound = Dec.min(cwb.minus(worst.maint), cwb.plus(worst.free));
  return Dec.min(roundDown(Dec.max(ZERO, bound), limits.position.marginAssetPrecision), limits.maxAddable);
}

/** What Max and the presets offer for a mode: the limit with `bps` of headroom (0: the exact limit). */
export function offeredMax(engine: LiveAccount, limits: MarginLimits, mode: AdjustType, bps: number): Decimal {
  if (mode === 'REMOVE') return bps === 0 ? limits.maxRemovable.amount : removableWithHeadroom(engine, limits, bps);
  return bps === 0 ? limits.maxAddable : addableWithHeadroom(engine, limits, bps);
}
