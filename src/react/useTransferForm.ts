'use client';
import { useCallback, useState } from 'react';
import type { Decimal } from '../core/decimal';
import { amountInputValue } from '../core/format';
import { latestAssetSummary, type AccountSummaryState, type AssetSummary } from '../engine/accountSummary';
import type { AmountIntent, Percent } from '../engine/adjustMarginForm';
import { confirmTransfer } from '../engine/confirmTransfer';
import type { SubmitStateOf } from '../engine/operations';
import {
  summarizeTransferForm,
  transferReceipt,
  transfersOf,
  type SubmitTransfer,
  type TransferFormSummary,
  type TransferReceipt,
} from '../engine/transfers';
import type { TransferRequest } from '../engine/types';
import { useMarginSource } from './MarginSourceProvider';
import type { OperationFormActions } from './operationForm';
import { useAccountSummary } from './useAccountSummary';
import { useTransfer } from './useTransfer';

/** Where Transfer out's Confirm stands (over the limit: -5002). */
export type TransferSubmitState = SubmitStateOf<TransferRequest, TransferReceipt>;

/** Options of {@link useTransferForm}. */
export interface UseTransferFormOptions {
  asset: string;
  locale?: string;
  /** Sends instead of the data source's `transfer`. */
  submit?: SubmitTransfer;
}

/** Everything a Transfer out view needs. */
export interface TransferFormState extends TransferFormSummary, OperationFormActions<TransferSubmitState> {
  /** The account summary's state and this asset's figures (the live ones, or the request's while in flight). */
  status: AccountSummaryState['status'];
  summary: AssetSummary | undefined;
  intent: Exclude<AmountIntent, { kind: 'target' }>;
}

/**
 * The Transfer out form without a view, as `useAdjustMarginForm` is for margin: the amount intent
 * (the only state it holds), the asset's live max withdrawable, the pure summary, and Confirm
 * through `confirmTransfer`. While a request is in flight the form shows it, frozen, against the
 * figures it was checked with.
 */
export function useTransferForm(options: UseTransferFormOptions): TransferFormState {
  const { asset, locale, submit } = options;
  const { session } = useMarginSource();
  const account = useAccountSummary();
  const transfer = useTransfer(asset);
  const [intent, setIntent] = useState<Exclude<AmountIntent, { kind: 'target' }>>({ kind: 'typed', text: '' });
  const [limitMoved, setLimitMoved] = useState<Decimal | null>(null);

  const inFlight = transfer.kind === 'pending' ? transfer : null;
  const live = account.assets.find((a) => a.asset === asset);
  const summary = inFlight ? inFlight.basis : live;
  const decimals = summary?.decimals ?? 8;
  const shownIntent = inFlight
    ? { kind: 'typed' as const, text: amountInputValue(inFlight.request.amount, decimals, locale) }
    : intent;
  const form = summarizeTransferForm({ intent: shownIntent, summary, locale });

  const choose = useCallback(
    (next: Exclude<AmountIntent, { kind: 'target' }>) => {
      const transfers = transfersOf(session);
      if (transfers.isBusy(asset)) return;
      setIntent(next);
      setLimitMoved(null);
      transfers.dismiss(asset);
    },
    [session, asset],
  );
  const setText = useCallback((text: string) => choose({ kind: 'typed', text }), [choose]);
  const setPercent = useCallback((percent: Percent) => choose({ kind: 'percent', percent }), [choose]);

  const send = useCallback(
    (text: string) => {
      const outcome = confirmTransfer(session, { asset, text, locale, submit });
      setLimitMoved(outcome.kind === 'limitMoved' ? outcome.newMax : null);
    },
    [session, asset, locale, submit],
  );
  const confirm = useCallback(() => send(form.text), [send, form.text]);
  const takeNewMax = useCallback(() => setPercent(100), [setPercent]);
  const confirmNewMax = useCallback(() => {
    const max = latestAssetSummary(session, asset)?.maxWithdrawable;
    if (max === null || max === undefined) return;
    setIntent({ kind: 'percent', percent: 100 });
    send(amountInputValue(max, decimals, locale));
  }, [session, asset, decimals, locale, send]);
  const finish = useCallback(() => {
    setIntent({ kind: 'typed', text: '' });
    transfersOf(session).dismiss(asset);
  }, [session, asset]);

  let submitState: TransferSubmitState = { kind: 'idle' };
  if (inFlight) submitState = { kind: 'pending', request: inFlight.request };
  else if (transfer.kind === 'succeeded') {
    submitState = { kind: 'succeeded', request: transfer.request, receipt: transferReceipt(transfer) };
  } else if (transfer.kind === 'failed') {
    const overLimit = transfer.error.kind === 'insufficientCrossBalance';
    submitState = { kind: 'failed', request: transfer.request, error: transfer.error, overLimit };
  } else if (limitMoved) submitState = { kind: 'limitMoved', newMax: limitMoved };
  const isPending = inFlight !== null;
  return {
    ...form,
    canConfirm: form.canConfirm && !isPending && account.status === 'ready',
    status: account.status,
    summary,
    intent,
    submitState,
    isPending,
    setText,
    setPercent,
    confirm,
    takeNewMax,
    confirmNewMax,
    finish,
  };
}
