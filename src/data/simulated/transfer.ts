import { toDecimal } from '../../core/decimal';
import { crossMaxWithdrawal } from '../../core/limits';
import { crossInputFor } from '../../engine/account';
import { assetDecimals } from '../../engine/accountSummary';
import type { AccountSnapshot, TransferRequest } from '../../engine/types';
import { amountErrorCode } from './amount';
import type { AdjustmentOutcome } from './rules';

/**
 * The exchange's rules for a transfer out of the futures wallet, applied to the account and the
 * mark prices at the moment the request arrives. Checks, in order: the amount's form (-1100), sign
 * (-4055) and decimals (-1111, the asset's positions' `marginAssetPrecision`, else 8); the
 * direction (-1130); then the limit from the kit's core: amount ≤ `crossMaxWithdrawal` of the
 * asset's cross sums at the marks, else -5002 (Binance's "You have insufficient balance."). On
 * success the asset's cross wallet falls by exactly the amount. Pure: the given account is not changed.
 */
export function applyTransfer(
  account: AccountSnapshot,
  marks: Readonly<Record<string, string>>,
  request: TransferRequest,
  now: number,
): AdjustmentOutcome {
  const precision = assetDecimals(account, request.asset);
  const amountCode = amountErrorCode(request.amount, precision);
  if (amountCode !== undefined) return { ok: false, code: amountCode };
  if (request.direction !== 'futuresToSpot') return { ok: false, code: -1130 };
  const amount = toDecimal(request.amount);
  if (amount.gt(crossMaxWithdrawal(crossInputFor(account, request.asset, marks), precision))) {
    return { ok: false, code: -5002 };
  }
  const assets = account.assets.map((a) =>
    a.asset === request.asset
      ? { ...a, crossWalletBalance: toDecimal(a.crossWalletBalance).minus(amount).toFixed() }
      : a,
  );
  return { ok: true, account: { ...account, assets, updateTime: now } };
}
