import { assetAmountText } from '../../core/displayPrecision';
import { transferReceipt, type TransferReceipt, type TransferState } from '../../engine/transfers';
import { failureText } from '../dialog/failureText';
import type { AdjustMarginMessages } from '../messages';

/**
 * The messages the margin dialog's parts read, worded for a transfer: its failures by kind, the
 * timeout, and the limit that moved at the click. Transfer out passes these to the same
 * `SubmitStatus` the margin dialog uses.
 */
export function transferMessages(m: AdjustMarginMessages): AdjustMarginMessages {
  const a = m.account;
  return {
    ...m,
    adjustErrors: a.errors,
    failed: (message) => a.failed(message),
    unknownOutcome: (message) => a.unknownOutcome(message),
    unknownOutcomeHint: a.unknownOutcomeHint,
    limitMoved: a.limitMoved,
  };
}

/** A receipt's lines: what was transferred (as confirmed), then the cross wallet before → after (display decimals). */
export function transferReceiptLines(
  receipt: TransferReceipt,
  m: AdjustMarginMessages,
  locale: string | undefined,
): string[] {
  const text = assetAmountText(receipt.asset, receipt.decimals, locale);
  return [
    m.account.transferred(text.entered(receipt.amount)),
    m.account.receiptWallet(text.amount(receipt.walletBefore), text.amount(receipt.walletAfter)),
  ];
}

/**
 * An outcome in one sentence, for a live region outside the dialog: the receipt's lines, or the
 * failure's sentence; `null` for a state that is no outcome.
 */
export function transferOutcomeText(
  state: TransferState,
  m: AdjustMarginMessages,
  locale: string | undefined,
): string | null {
  if (state.kind === 'succeeded') return m.receiptSummary(transferReceiptLines(transferReceipt(state), m, locale));
  if (state.kind !== 'failed') return null;
  return failureText(state.error, state.request.asset, transferMessages(m)).sentence;
}
