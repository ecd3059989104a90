import { adjustedPosition, positionFigures, type PositionFigures } from '../core/adjustment';
import { toDecimal } from '../core/decimal';
import { findPosition, toPositionInput } from './account';
import type { MarginLimits } from './marginLimits';
import { createOperations, type KeyedOperations, type OperationState, type SubmitOperation } from './operations';
import { positionKey } from './positionKey';
import type { AccountSnapshot, AdjustMarginRequest, PositionSide, PositionSnapshot } from './types';

/**
 * Where a position's adjustment stands: the request the session sent with the limits it was
 * checked against (`basis`: the "before" until the outcome shows), the position as the first
 * account update that contains it has it (`settled`), and how it ended.
 */
export type AdjustmentState = OperationState<AdjustMarginRequest, MarginLimits, PositionSnapshot>;

/** Sends a request: the data source's `adjustMargin`, or an app's own `onConfirm`. */
export type SubmitAdjustMargin = SubmitOperation<AdjustMarginRequest>;

/**
 * The adjustments of one session, per position: at most one request in flight each, one
 * `clientRequestId` per intent (a retry of the same type and amount after a failure reuses it), and
 * each outcome kept until the next request, so a dialog reopened meanwhile shows it.
 */
export interface Adjustments extends KeyedOperations<
  [symbol: string, positionSide: PositionSide],
  AdjustMarginRequest,
  MarginLimits,
  AdjustmentState
> {
  /**
   * An account update: each adjustment in flight (or succeeded) that it already contains is
   * matched to it, so the update is never shown as "before" plus the amount again. Neither Binance's
   * `ACCOUNT_UPDATE` nor the simulated exchange names the request, so the match is the position's
   * isolated wallet moved by exactly the amount from the wallet the request was checked against.
   */
  observeAccount(account: AccountSnapshot): void;
}

/** Whether `position` is `basis`'s position with the adjustment applied: its wallet moved by exactly ±amount. */
function containsAdjustment(
  position: PositionSnapshot,
  basis: MarginLimits,
  request: Pick<AdjustMarginRequest, 'type' | 'amount'>,
): boolean {
  const before = toDecimal(basis.position.isolatedWallet);
  const amount = toDecimal(request.amount);
  const expected = request.type === 'ADD' ? before.plus(amount) : before.minus(amount);
  return toDecimal(position.isolatedWallet).eq(expected);
}

/** What a succeeded adjustment changed: the position before and after, at the mark it was checked at. */
export interface AdjustmentReceipt {
  /** The position as the request was checked against it (symbol, side, asset, precisions). */
  position: PositionSnapshot;
  before: PositionFigures;
  after: PositionFigures;
  /** True when `after` is the exchange's own wallet (an account update matched), false while computed. */
  confirmedByAccount: boolean;
}

/**
 * The receipt of a succeeded adjustment. "Before" is the limits the request was checked against;
 * "after" is the position of the account update matched to it once one has arrived, else the
 * before with the amount applied. Both are at the mark of the check, so the receipt shows what the
 * adjustment did and not what the price did since.
 */
export function adjustmentReceipt(state: Extract<AdjustmentState, { kind: 'succeeded' }>): AdjustmentReceipt {
  const { basis, request, settled } = state;
  const after = settled
    ? positionFigures(toPositionInput(settled, basis.markPrice))
    : positionFigures(adjustedPosition(basis.input, request.type, request.amount));
  return { position: basis.position, before: basis.current, after, confirmedByAccount: settled !== undefined };
}

/** Makes the adjustments' state of a session. */
export function createAdjustments(): Adjustments {
  const ops = createOperations<AdjustMarginRequest, MarginLimits, PositionSnapshot>();
  return {
    state: (symbol, positionSide) => ops.state(positionKey(symbol, positionSide)),
    subscribe: (symbol, positionSide, listener) => ops.subscribe(positionKey(symbol, positionSide), listener),
    subscribeOutcomes: (listener) => ops.subscribeOutcomes((_key, state) => listener(state)),
    isBusy: (symbol, positionSide) => ops.isBusy(positionKey(symbol, positionSide)),
    send: (intent, basis, submit) =>
      ops.send(
        positionKey(intent.symbol, intent.positionSide),
        intent,
        basis,
        submit,
        (failed, next) => failed.type === next.type && failed.amount === next.amount,
      ),
    observeAccount(account) {
      for (const [key, state] of ops.unsettled()) {
        if (state.kind !== 'pending' && state.kind !== 'succeeded') continue;
        const position = findPosition(account, state.request.symbol, state.request.positionSide);
        if (position && containsAdjustment(position, state.basis, state.request)) ops.settle(key, position);
      }
    },
    dismiss: (symbol, positionSide) => ops.dismiss(positionKey(symbol, positionSide)),
  };
}
