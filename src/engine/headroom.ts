import type { AdjustType, Bracket } from '../core/types';
import { Dec, toDecimal, type Decimal } from '../core/decimal';
import { bracketFor, initialMarginAtMark, notional, positionSign } from '../core/position';
import { roundDown } from '../core/rounding';
import type { AccountSnapshot, PositionSnapshot } from './types';
import type { LiveAccount, LiveCrossSums, LivePositionFigures } from './liveAccount';
import type { MarginLimits } from './marginLimits';

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
function removableWithHeadroom(limits: MarginLimits, bps: number): Decimal {
  const wallet = new Dec(limits.input.isolatedWallet);
  const worst = worstWithin(
    {
      position: limits.position,
      notional: notional(limits.input),
      unrealizedPnl: limits.unrealizedPnl,
      initialMargin: initialMarginAtMark(limits.input),
    },
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

/** Per position figures (a new object only when its mark moved): that position's worst case. */
const positionWorst = new WeakMap<LivePositionFigures, WorstCase>();
/** An asset's worst case as last summed, with each position's part in it. */
interface AssetWorst extends WorstCase {
  readonly sums: LiveCrossSums;
  readonly parts: Map<string, { readonly figures: LivePositionFigures; readonly worst: WorstCase }>;
  /** The snapshot's cross positions of the asset. */
  readonly positions: readonly PositionSnapshot[];
}
/** Per account snapshot (its positions are fixed) and asset: the worst case last summed. */
const assetWorst = new WeakMap<AccountSnapshot, Map<string, AssetWorst>>();

/** A leverage bracket's fields as decimals. */
type ParsedBracket = { readonly [K in keyof Bracket]: Decimal };

/** A position's side and leverage brackets, parsed once per snapshot. */
interface Parsed {
  readonly long: boolean;
  readonly brackets: readonly ParsedBracket[];
}
const parsedSnapshots = new WeakMap<PositionSnapshot, Parsed>();

function parsed(p: PositionSnapshot): Parsed {
  let hit = parsedSnapshots.get(p);
  if (!hit) {
    hit = {
      long: positionSign(p) === 1,
      brackets: p.brackets.map((b) => ({
        notionalFloor: toDecimal(b.notionalFloor),
        notionalCap: toDecimal(b.notionalCap),
        maintMarginRatio: toDecimal(b.maintMarginRatio),
        cum: toDecimal(b.cum),
      })),
    };
    parsedSnapshots.set(p, hit);
  }
  return hit;
}

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
/** Both ends per bps, for USDⓈ-M and COIN-M. */
const endsByBps = new Map<number, { linear: readonly End[]; inverse: readonly End[] }>();

function endsOf(bps: number): { linear: readonly End[]; inverse: readonly End[] } {
  let ends = endsByBps.get(bps);
  if (!ends) {
    const by = new Dec(bps).div(10_000);
    const end = (q: Decimal): End => ({ q, step: q.minus(ONE) });
    const marks = [ONE.minus(by), ONE.plus(by)];
    ends = { linear: marks.map(end), inverse: marks.map((f) => end(ONE.div(f))) };
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
 */
function worstWithin(at: AtMark, bps: number): WorstCase {
  const linear = at.position.contractType === 'linear';
  const { long, brackets } = parsed(at.position);
  const signed = long ? at.notional : at.notional.neg();
  const freeAtMark = at.unrealizedPnl.minus(at.initialMargin);
  const slope = (linear ? signed : signed.neg()).minus(at.initialMargin);
  let maint: Decimal | undefined;
  let free: Decimal | undefined;
  const ends = endsOf(bps);
  for (const { q, step } of linear ? ends.linear : ends.inverse) {
    const n = at.notional.times(q);
    const b = bracketFor(brackets, n);
    const mm = n.times(b.maintMarginRatio).minus(b.cum);
    const f = freeAtMark.plus(slope.times(step));
    if (maint === undefined || mm.gt(maint)) maint = mm;
    if (free === undefined || f.lt(free)) free = f;
  }
  return { bps, maint: maint!, free: free! };
}

/** A cross position's worst case, kept per figures object. */
function worstOfPosition(f: LivePositionFigures, bps: number): WorstCase {
  const hit = positionWorst.get(f);
  if (hit?.bps === bps) return hit;
  const worst = worstWithin(f, bps);
  positionWorst.set(f, worst);
  return worst;
}

/**
 * The worst case of an asset's cross positions, summed. Kept per account snapshot and updated by
 * the parts whose figures changed (a position's figures are a new object only when its mark moved),
 * so a tick costs the positions it moved, and a read between ticks costs nothing.
 */
function worstOfAsset(engine: LiveAccount, asset: string, sums: LiveCrossSums, bps: number): WorstCase {
  let byAsset = assetWorst.get(engine.account);
  if (!byAsset) assetWorst.set(engine.account, (byAsset = new Map()));
  const last = byAsset.get(asset);
  if (last?.sums === sums && last.bps === bps) return last;
  const reuse = last?.bps === bps ? last : undefined;
  let maint = reuse?.maint ?? ZERO;
  let free = reuse?.free ?? ZERO;
  // The last sum is replaced by this one: its parts are updated in place.
  const parts = reuse?.parts ?? new Map();
  const positions =
    last?.positions ?? engine.account.positions.filter((p) => p.marginType === 'cross' && p.marginAsset === asset);
  for (const p of positions) {
    const f = engine.position(p.symbol, p.positionSide);
    if (!f) continue;
    const part = parts.get(f.key);
    if (part?.figures === f) continue;
    const worst = worstOfPosition(f, bps);
    maint = maint.plus(worst.maint).minus(part?.worst.maint ?? ZERO);
    free = free.plus(worst.free).minus(part?.worst.free ?? ZERO);
    parts.set(f.key, { figures: f, worst });
  }
  const next: AssetWorst = { bps, sums, maint, free, parts, positions };
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
  if (mode === 'REMOVE') return bps === 0 ? limits.maxRemovable.amount : removableWithHeadroom(limits, bps);
  return bps === 0 ? limits.maxAddable : addableWithHeadroom(engine, limits, bps);
}
