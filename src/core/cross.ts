import { Dec, toDecimal, type DecimalInput } from './decimal';
import { initialMarginAtMark, maintenanceMargin, unrealizedPnl } from './position';
import type { CrossInput, PositionInput } from './types';

/**
 * The cross-account sums of one margin asset, from the cross positions at their current mark
 * prices and the open-order initial margin reserved by isolated positions.
 */
export function crossSums(input: {
  crossWalletBalance: DecimalInput;
  crossPositions: readonly PositionInput[];
  isolatedOpenOrderInitialMargins: readonly DecimalInput[];
}): CrossInput {
  let upnl = new Dec(0);
  let im = new Dec(0);
  let mm = new Dec(0);
  for (const p of input.crossPositions) {
    upnl = upnl.plus(unrealizedPnl(p));
    im = im.plus(initialMarginAtMark(p));
    mm = mm.plus(maintenanceMargin(p));
  }
  let iso = new Dec(0);
  for (const v of input.isolatedOpenOrderInitialMargins) iso = iso.plus(toDecimal(v));
  return {
    crossWalletBalance: toDecimal(input.crossWalletBalance),
    crossUnrealizedPnl: upnl,
    crossInitialMargin: im,
    crossMaintMargin: mm,
    isolatedOpenOrderInitialMargin: iso,
  };
}
