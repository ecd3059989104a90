import { toDecimal } from '../../core/decimal';
import { DEFAULT_ASSET_DECIMALS, maxAddable, maxRemovable } from '../../core/limits';
import { crossInputFor, findPosition, toPositionInput } from '../../engine/account';
import type { AccountSnapshot, AdjustMarginRequest } from '../../engine/types';
import { amountErrorCode } from './amount';

/** What the exchange decides for a request: the new account, or the error code it rejects with. */
export type AdjustmentOutcome = { ok: true; account: AccountSnapshot } | { ok: false; code: number };

/**
 * The exchange's rules for `positionMargin`, applied to the account and the mark prices at the
 * moment the request arrives. Checks, in order: the amount's form (-1100), sign (-4055) and
 * decimals (-1111, the position's `marginAssetPrecision`, else 8); the type (-1130); that the
 * position exists (-4054) and is isolated (-4049); then the limit from the kit's core:
 * REMOVE ≤ `maxRemovable` at the marks (-4051), ADD ≤ `maxAddable` of the asset's cross wallet (-4050).
 * On success the isolated wallet moves by ±amount and the cross wallet by ∓amount, exactly.
 * Pure: the given account is not changed.
 */
export function applyAdjustment(
  account: AccountSnapshot,
  marks: Readonly<Record<string, string>>,
  request: AdjustMarginRequest,
  now: number,
): AdjustmentOutcome {
  const position = findPosition(account, request.symbol, request.positionSide);
  const precision = position?.marginAssetPrecision ?? DEFAULT_ASSET_DECIMALS;
  const amountCode = amountErrorCode(request.amount, precision);
  if (amountCode !== undefined) return { ok: false, code: amountCode };
  if (request.type !== 'ADD' && request.type !== 'REMOVE') return { ok: false, code: -1130 };
  if (!position) return { ok: false, code: -4054 };
  if (position.marginType !== 'isolated') return { ok: false, code: -4049 };

  const amount = toDecimal(request.amount);
  const mark = marks[position.symbol] ?? position.markPrice;
  if (request.type === 'REMOVE') {
    if (amount.gt(maxRemovable(toPositionInput(position, mark), precision).amount)) return { ok: false, code: -4051 };
  } else if (amount.gt(maxAddable(crossInputFor(account, position.marginAsset, marks), precision))) {
    return { ok: false, code: -4050 };
  }

  const sign = request.type === 'ADD' ? 1 : -1;
  const isolatedWallet = toDecimal(position.isolatedWallet).plus(amount.times(sign)).toFixed();
  const asset = position.marginAsset;
  const hasAsset = account.assets.some((a) => a.asset === asset);
  const assets = (hasAsset ? account.assets : [...account.assets, { asset, crossWalletBalance: '0' }]).map((a) =>
    a.asset === asset
      ? { ...a, crossWalletBalance: toDecimal(a.crossWalletBalance).minus(amount.times(sign)).toFixed() }
      : a,
  );
  const positions = account.positions.map((p) => (p === position ? { ...p, isolatedWallet } : p));
  return { ok: true, account: { assets, positions, updateTime: now } };
}
