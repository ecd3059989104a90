import type { AdjustType } from '../core/types';
import { Dec, toDecimal, type Decimal } from '../core/decimal';
import { initialMarginAtMark, maintenanceMargin, unrealizedPnl } from '../core/position';
import { roundDown } from '../core/rounding';
import type { PositionInput } from '../core/types';
import { toPositionInput } from './account';
import type { AccountSnapshot, PositionSnapshot } from './types';
import type { LiveAccount, LiveCrossSums, LivePositionFigures } from './liveAccount';
import type { MarginLimits } from './marginLimits';

/** Default room Max and the presets leave for the mark moving while a request travels: 10 bps (0.1 %). */
export const DEFAULT_MAX_HEADROOM_BPS = 10;

const ZERO = new Dec(0);

/** The largest headroom accepted: 1 000 bps (10 %). */
const MAX_HEADROOM_BPS = 1000;

/** `bps` checked: a whole number from 0 to 1 000; anything else throws a `RangeError`. */
export function checkHeadroomBps(bps: number): number {
  if (!Number.isInteger(bps) || bps < 0 || bps > MAX_HEADROOM_BPS) {
    throw new RangeError(`maxHeadroomBps must be a whole number from 0 to ${MAX_HEADROOM_BPS}: ${bps}`);
  }
  return bps;
}

/** The position at its mark moved down and up by `bps` basis points. */
function moved(input: PositionInput, bps: number): PositionInput[] {
  const mark = new Dec(input.markPrice);
  const by = mark.times(bps).div(10_000);
  return [
    { ...input, markPrice: mark.minus(by) },
    { ...input, markPrice: mark.plus(by) },
  ];
}

/** The lowest of `values`. */
function lowest(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => (b.lt(a) ? b : a));
}

/**
 * Max removable with the mark moved against the limit by `bps`: each bound (wallet − maintenance
 * margin; wallet + uPnL − initial margin) at its worst within ±bps of the mark, rounded down, never
 * above the exact max. A price move either way can lower one of the bounds, so both are tried.
 */
function removableWithHeadroom(limits: MarginLimits, bps: number): Decimal {
  const wallet = new Dec(limits.input.isolatedWallet);
  const terms = moved(limits.input, bps).flatMap((p) => [
    wallet.minus(maintenanceMargin(p)),
    wallet.plus(unrealizedPnl(p)).minus(initialMarginAtMark(p)),
  ]);
  const bound = roundDown(Dec.max(ZERO, lowest(terms)), limits.position.marginAssetPrecision);
  return Dec.min(bound, limits.maxRemovable.amount);
}

/** The cross positions' worst case within ±bps: their maintenance margin at its highest and uPnL − IM at its lowest. */
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
}
/** Per account snapshot (its positions are fixed) and asset: the worst case last summed. */
const assetWorst = new WeakMap<AccountSnapshot, Map<string, AssetWorst>>();

/** Per position snapshot: its margin-math input with every field parsed once (the mark set per use). */
const parsedInputs = new WeakMap<PositionSnapshot, PositionInput>();

/**
 * The position's input at `markPrice`, its constant fields as decimals parsed once per snapshot:
 * the core functions read them without parsing the same strings again on every tick.
 */
function parsedInput(p: PositionSnapshot, markPrice: string): PositionInput {
  let parsed = parsedInputs.get(p);
  if (!parsed) {
    const input = toPositionInput(p);
    parsed = {
      ...input,
      positionAmt: toDecimal(input.positionAmt),
      entryPrice: toDecimal(input.entryPrice),
      leverage: toDecimal(input.leverage),
      isolatedWallet: toDecimal(input.isolatedWallet),
      contractSize: input.contractSize === undefined ? undefined : toDecimal(input.contractSize),
      brackets: input.brackets.map((b) => ({
        notionalFloor: toDecimal(b.notionalFloor),
        notionalCap: toDecimal(b.notionalCap),
        maintMarginRatio: toDecimal(b.maintMarginRatio),
        cum: toDecimal(b.cum),
      })),
    };
    parsedInputs.set(p, parsed);
  }
  return { ...parsed, markPrice };
}

function worstOfPosition(f: LivePositionFigures, bps: number): WorstCase {
  const hit = positionWorst.get(f);
  if (hit?.bps === bps) return hit;
  const at = moved(parsedInput(f.position, f.markPrice), bps);
  const worst = {
    bps,
    maint: Dec.max(...at.map((p) => maintenanceMargin(p))),
    free: lowest(at.map((p) => unrealizedPnl(p).minus(initialMarginAtMark(p)))),
  };
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
  for (const p of engine.account.positions) {
    if (p.marginType !== 'cross' || p.marginAsset !== asset) continue;
    const f = engine.position(p.symbol, p.positionSide);
    if (!f) continue;
    const part = parts.get(f.key);
    if (part?.figures === f) continue;
    const worst = worstOfPosition(f, bps);
    maint = maint.plus(worst.maint).minus(part?.worst.maint ?? ZERO);
    free = free.plus(worst.free).minus(part?.worst.free ?? ZERO);
    parts.set(f.key, { figures: f, worst });
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
  if (mode === 'REMOVE') return bps === 0 ? limits.maxRemovable.amount : removableWithHeadroom(limits, bps);
  return bps === 0 ? limits.maxAddable : addableWithHeadroom(engine, limits, bps);
}
