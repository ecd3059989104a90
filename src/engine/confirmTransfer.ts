import { latestAssetSummary } from './accountSummary';
import type { ConfirmOutcomeOf } from './operations';
import type { MarginSession } from './session';
import { transfersOf, validateTransfer, type SubmitTransfer, type TransferState } from './transfers';
import type { TransferRequest } from './types';

/** What Transfer out's Confirm asks for: the asset and the text the user sees. */
export interface TransferConfirmInput {
  asset: string;
  text: string;
  locale?: string;
  /** Sends instead of the data source's `transfer`. */
  submit?: SubmitTransfer;
}

/** How a Confirm click ended at the click: sent, or why nothing was sent. */
export type TransferConfirmOutcome = ConfirmOutcomeOf<TransferRequest, TransferState>;

/**
 * Transfer out's Confirm, from the click to the outcome, as `confirmAdjustment` is for margin:
 * re-checks the amount against max withdrawable at the latest marks (past the throttle), sends one
 * request per intent with at most one in flight per asset, keeps the figures it checked against as
 * the request's `basis`, and refreshes the account once when it is accepted.
 */
export function confirmTransfer(session: MarginSession, input: TransferConfirmInput): TransferConfirmOutcome {
  const { asset } = input;
  const transfers = transfersOf(session);
  if (transfers.isBusy(asset)) return { kind: 'busy' };
  const latest = latestAssetSummary(session, asset);
  const source = session.source;
  const submit = input.submit ?? (source.transfer && ((request: TransferRequest) => source.transfer!(request)));
  if (!latest || latest.maxWithdrawable === null || !submit) return { kind: 'unavailable' };
  const validation = validateTransfer(input.text, latest, { locale: input.locale });
  if (!validation.ok) {
    const moved = validation.error.code === 'overLimit' || validation.error.code === 'noneAvailable';
    return moved ? { kind: 'limitMoved', newMax: latest.maxWithdrawable } : { kind: 'invalid', validation };
  }
  const intent = { asset, amount: validation.value, direction: 'futuresToSpot' as const };
  const sent = transfers.send(intent, latest, submit);
  if (!sent) return { kind: 'busy' };
  // The one refresh after an accepted transfer: the new wallet shows without waiting for a push.
  const done = sent.done.then((state) => {
    if (state.kind === 'succeeded') void session.refresh();
    return state;
  });
  return { kind: 'sent', request: sent.request, done };
}
