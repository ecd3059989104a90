import { AdjustMarginError, type TransferRequest, type TransferResult } from '../../engine/types';
import { errorInSuccessBody, withTimeout } from './adjust';
import { mapBinanceError } from './errors';
import type { BinanceMarket, BinanceRequest } from './options';
import { isRecord } from './payloads';

/**
 * Binance's "User Universal Transfer" (USER_DATA, signed): on the wallet host `https://api.binance.com`,
 * not on fapi/dapi. The API key needs "Permits Universal Transfer".
 */
export const ASSET_TRANSFER_PATH = '/sapi/v1/asset/transfer';

/** The transfer `type` out of a market's futures wallet into the spot wallet. */
export function futuresToSpotType(market: BinanceMarket): 'UMFUTURE_MAIN' | 'CMFUTURE_MAIN' {
  return market === 'usdm' ? 'UMFUTURE_MAIN' : 'CMFUTURE_MAIN';
}

/**
 * The parameters of `POST /sapi/v1/asset/transfer` for a transfer out: `type` (`UMFUTURE_MAIN` or
 * `CMFUTURE_MAIN`), `asset` and `amount` (the exact confirmed string). The signer adds `timestamp`
 * and `signature`. Binance takes no client id here; `clientRequestId` stays on the kit's side.
 */
export function assetTransferParams(request: TransferRequest, market: BinanceMarket): Record<string, string> {
  return { type: futuresToSpotType(market), asset: request.asset, amount: request.amount };
}

/** The transfer's id from Binance's answer (`{"tranId":13526853623}`), as a string; `undefined` without one. */
export function tranIdOf(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const id = body.tranId;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
}

/**
 * The source's `transfer` over an app's signed-request function for the wallet host: one
 * `POST /sapi/v1/asset/transfer` per call, failures as `AdjustMarginError`s through the kit's one
 * code table (-5002 "You have insufficient balance." is 'insufficientCrossBalance', with Binance's
 * code and words kept), 'timeout' after `timeoutMs` (the outcome is then unknown).
 */
export function createTransfer(
  request: BinanceRequest,
  market: BinanceMarket,
  timeoutMs: number,
): (transfer: TransferRequest) => Promise<TransferResult> {
  async function send(transfer: TransferRequest): Promise<TransferResult> {
    if (transfer.direction !== 'futuresToSpot') {
      throw new AdjustMarginError('unknown', `Unsupported transfer direction: ${String(transfer.direction)}`);
    }
    const body = await request('POST', ASSET_TRANSFER_PATH, assetTransferParams(transfer, market));
    const rejected = errorInSuccessBody(body);
    if (rejected) throw rejected;
    const transactionId = tranIdOf(body);
    const { asset, amount, direction, clientRequestId } = transfer;
    return { asset, amount, direction, clientRequestId, ...(transactionId === undefined ? {} : { transactionId }) };
  }
  return async (transfer) => {
    try {
      return await withTimeout(send(transfer), timeoutMs);
    } catch (error) {
      throw mapBinanceError(error);
    }
  };
}
