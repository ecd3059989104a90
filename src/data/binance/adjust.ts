import type { AdjustMarginRequest } from '../../engine/types';
import { adjustTimeoutError } from './errors';
import { isRecord } from './payloads';

/**
 * The parameters of `POST /fapi/v1/positionMargin` (`/dapi/v1/positionMargin`) for a request:
 * `symbol`, `positionSide` (BOTH too: harmless in one-way mode, required in hedge mode), `amount`
 * (the exact confirmed string) and `type` ("1" add, "2" reduce). Binance has no client id for this
 * endpoint; `clientRequestId` stays on the kit's side.
 */
export function positionMarginParams(request: AdjustMarginRequest): Record<string, string> {
  return {
    symbol: request.symbol,
    positionSide: request.positionSide,
    amount: request.amount,
    type: request.type === 'ADD' ? '1' : '2',
  };
}

/**
 * A 200 answer that still carries an error code (`{"code":-4051,"msg":…}`) is an error: returns it as
 * a `{code,msg}` object to throw; `undefined` for a success (`{"code":200,…}` or no code).
 */
export function errorInSuccessBody(body: unknown): { code: number; msg: string } | undefined {
  if (!isRecord(body) || typeof body.code !== 'number' || body.code === 200 || body.code >= 0) return undefined;
  return { code: body.code, msg: typeof body.msg === 'string' ? body.msg : '' };
}

/**
 * Resolves or rejects like `promise`, or rejects with a 'timeout' `AdjustMarginError` after
 * `timeoutMs`. The timer is always cleared.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(adjustTimeoutError(timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
