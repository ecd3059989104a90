import { validateAmount, type ValidationResult } from '../core/amount';
import { toDecimal, type Decimal } from '../core/decimal';
import type { AssetSummary } from './accountSummary';
import { intentText, type AmountIntent } from './adjustMarginForm';
import {
  createOperations,
  type KeyedOperations,
  type OperationState,
  type Operations,
  type SubmitOperation,
} from './operations';
import type { MarginSession } from './session';
import type { AccountSnapshot, AssetSnapshot, TransferRequest } from './types';

/**
 * Where an asset's transfer out stands: the request sent with the asset's figures it was checked
 * against (`basis`), the asset as the first account update that contains it has it (`settled`), and
 * how it ended.
 */
export type TransferState = OperationState<TransferRequest, AssetSummary, AssetSnapshot>;

/** Sends a transfer: the data source's `transfer`, or an app's own. */
export type SubmitTransfer = SubmitOperation<TransferRequest>;

/**
 * The transfers of one session, per margin asset: at most one in flight each, one
 * `clientRequestId` per intent (a retry of the same amount after a failure reuses it), each outcome
 * kept until the next request or `dismiss`. The same operations as the adjustments, keyed by asset.
 */
export type Transfers = KeyedOperations<[asset: string], TransferRequest, AssetSummary, TransferState>;

/** Whether `account` already holds the transfer: the asset's cross wallet fell by exactly the amount from the basis. */
function containsTransfer(account: AccountSnapshot, state: TransferState): AssetSnapshot | undefined {
  if (state.kind !== 'pending' && state.kind !== 'succeeded') return undefined;
  const asset = account.assets.find((a) => a.asset === state.request.asset);
  const expected = state.basis.crossWalletBalance.minus(toDecimal(state.request.amount));
  return asset && toDecimal(asset.crossWalletBalance).eq(expected) ? asset : undefined;
}

const bySession = new WeakMap<MarginSession, Transfers>();

/**
 * The transfers of a session (made on first use, kept as long as the session). An account update
 * that already holds a transfer in flight (or succeeded) is matched to it when its state is read, so
 * the receipt's "after" is the exchange's own wallet once one arrived.
 */
export function transfersOf(session: MarginSession): Transfers {
  let transfers = bySession.get(session);
  if (transfers) return transfers;
  const ops: Operations<TransferRequest, AssetSummary, AssetSnapshot> = createOperations();
  const match = () => {
    const account = session.getAccountState().account;
    if (!account) return;
    for (const [key, state] of ops.unsettled()) {
      const settled = containsTransfer(account, state);
      if (settled) ops.settle(key, settled);
    }
  };
  session.subscribeAccount(match);
  transfers = {
    state: (asset) => {
      match();
      return ops.state(asset);
    },
    subscribe: (asset, listener) => ops.subscribe(asset, listener),
    subscribeOutcomes: (listener) => ops.subscribeOutcomes((_asset, state) => listener(state)),
    isBusy: (asset) => ops.isBusy(asset),
    send: (intent, basis, submit) =>
      ops.send(intent.asset, intent, basis, submit, (failed, next) => failed.amount === next.amount),
    dismiss: (asset) => ops.dismiss(asset),
  };
  bySession.set(session, transfers);
  return transfers;
}

/** What a succeeded transfer changed: the asset's cross wallet before and after. */
export interface TransferReceipt {
  asset: string;
  decimals: number;
  amount: string;
  walletBefore: Decimal;
  walletAfter: Decimal;
  /** True when `walletAfter` is the exchange's own (an account update matched), false while computed. */
  confirmedByAccount: boolean;
}

/** The receipt of a succeeded transfer: the wallet it was checked against, and after it. */
export function transferReceipt(state: Extract<TransferState, { kind: 'succeeded' }>): TransferReceipt {
  const { basis, request, settled } = state;
  return {
    asset: basis.asset,
    decimals: basis.decimals,
    amount: request.amount,
    walletBefore: basis.crossWalletBalance,
    walletAfter: settled
      ? toDecimal(settled.crossWalletBalance)
      : basis.crossWalletBalance.minus(toDecimal(request.amount)),
    confirmedByAccount: settled !== undefined,
  };
}

/** Validates `text` against the asset's max withdrawable: the one check Max, the field and Confirm share. */
export function validateTransfer(
  text: string,
  summary: AssetSummary | undefined,
  options: { locale?: string } = {},
): ValidationResult {
  return validateAmount(text, {
    locale: options.locale,
    decimals: summary?.decimals ?? 8,
    asset: summary?.asset,
    max: summary?.maxWithdrawable ?? null,
  });
}

/** The transfer form as a pure function: the field's text, the live max and the validation. */
export interface TransferFormSummary {
  text: string;
  /** Max withdrawable, rounded down; `null` while unknown. */
  max: Decimal | null;
  validation: ValidationResult;
  canConfirm: boolean;
}

/** Inputs → what the Transfer out form shows; the hook, the dialog and the tests go through it. */
export function summarizeTransferForm(inputs: {
  intent: Exclude<AmountIntent, { kind: 'target' }>;
  summary: AssetSummary | undefined;
  locale?: string;
}): TransferFormSummary {
  const { intent, summary, locale } = inputs;
  const max = summary?.maxWithdrawable ?? null;
  const text = intentText(intent, max, summary?.decimals ?? 8, locale);
  const validation = validateTransfer(text, summary, { locale });
  return { text, max, validation, canConfirm: validation.ok };
}
