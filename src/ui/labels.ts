import type { SnapshotProblem } from '../engine/checkSnapshot';
import type { PositionSnapshot } from '../engine/types';
import type { AdjustMarginMessages } from './messages';

/** Which way a position faces: its hedge side, or the sign of its size in one-way mode. */
export function positionDirection(position: PositionSnapshot): 'long' | 'short' {
  if (position.positionSide === 'LONG') return 'long';
  if (position.positionSide === 'SHORT') return 'short';
  return position.positionAmt.startsWith('-') ? 'short' : 'long';
}

/** Long or Short of a position, in the messages' words. */
export function sideLabel(position: PositionSnapshot, m: AdjustMarginMessages): string {
  return positionDirection(position) === 'long' ? m.sideLong : m.sideShort;
}

/** Isolated or Cross, in the messages' words. */
export function marginModeLabel(position: PositionSnapshot, m: AdjustMarginMessages): string {
  return position.marginType === 'isolated' ? m.isolated : m.cross;
}

/** Why a position is unavailable, in the messages' words (a code the messages lack reads as unreadable). */
export function unavailableText(problem: SnapshotProblem, m: AdjustMarginMessages): string {
  const code = Object.hasOwn(m.snapshotProblems, problem.code) ? problem.code : 'unreadable';
  return m.unavailable(m.snapshotProblems[code], problem.field);
}

/**
 * The unit a position's size counts: contracts for COIN-M ("Cont"); the base asset for USDⓈ-M, as
 * the source gives it, else the symbol less its margin asset (BTCUSDT → BTC); '' when neither is known.
 */
export function sizeUnit(position: PositionSnapshot, m: AdjustMarginMessages): string {
  if (position.contractType === 'inverse') return m.contractsUnit;
  if (position.baseAsset) return position.baseAsset;
  const { symbol, marginAsset } = position;
  return symbol.length > marginAsset.length && symbol.endsWith(marginAsset) ? symbol.slice(0, -marginAsset.length) : '';
}
