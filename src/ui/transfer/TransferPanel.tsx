'use client';
import { useId } from 'react';
import { assetAmountText } from '../../core/displayPrecision';
import type { SubmitTransfer } from '../../engine/transfers';
import { useTransferForm } from '../../react/useTransferForm';
import { AmountField } from '../dialog/AmountField';
import { ConfirmForm } from '../dialog/ConfirmForm';
import type { DialogShellIds } from '../dialog/DialogShell';
import { LimitLine } from '../dialog/LimitLine';
import { Presets } from '../dialog/Presets';
import { Receipt } from '../dialog/Receipt';
import { SubmitStatus } from '../dialog/SubmitStatus';
import { localizedAmountError } from '../dialog/figureText';
import { visibleError } from '../dialog/visibleError';
import { amountErrorText, type AdjustMarginMessages } from '../messages';
import { transferMessages, transferReceiptLines } from './transferText';

/** What the Transfer out content needs from its root. */
export interface TransferPanelProps {
  asset: string;
  submit?: SubmitTransfer;
  locale?: string;
  m: AdjustMarginMessages;
  /** The frame's title id and the field focused on open. */
  frame: DialogShellIds;
  onClose: () => void;
}

/**
 * Transfer out's content on the margin dialog's own parts: the amount field, Max of max
 * withdrawable (the presets), the limit line, the submit status (pending, limit moved at the click,
 * failed) and the receipt; while the request is in flight everything shows it, read-only.
 */
export function TransferPanel(props: TransferPanelProps) {
  const { asset, m, locale, onClose } = props;
  const ids = useId();
  const form = useTransferForm({ asset, locale, submit: props.submit });
  const decimals = form.summary?.decimals ?? 8;
  const text = assetAmountText(asset, decimals, locale);
  const header = (
    <header className="amk-header">
      <div>
        <h2 id={props.frame.titleId} className="amk-title">
          {m.account.transferTitle}
        </h2>
        <p className="amk-subtitle">{m.account.transferRoute(asset)}</p>
      </div>
      <button type="button" className="amk-close" onClick={onClose} aria-label={m.close}>
        <span aria-hidden="true">×</span>
      </button>
    </header>
  );

  const submitState = form.submitState;
  if (submitState.kind === 'succeeded') {
    const done = () => {
      form.finish();
      onClose();
    };
    const lines = transferReceiptLines(submitState.receipt, m, locale);
    return (
      <div className="amk-panel">
        {header}
        <Receipt lines={lines} doneLabel={m.done} onDone={done} />
      </div>
    );
  }

  const ready = form.status === 'ready' && form.max !== null;
  const shown = visibleError({ ...form, blockedByStalePrice: false }, ready ? 'ready' : 'loading');
  const limitId = `${ids}-limit`;
  const reasonId = `${ids}-reason`;
  const pinned = form.intent.kind === 'percent' ? form.intent.percent : null;
  const frozen = form.isPending;
  const blocked = frozen || !form.canConfirm;
  const amountLabel = form.validation.ok ? text.entered(form.validation.amount) : null;

  return (
    <ConfirmForm
      blocked={blocked}
      pending={frozen}
      describedBy={frozen || shown.reason ? reasonId : undefined}
      label={frozen && amountLabel !== null ? m.account.confirming(amountLabel) : m.account.confirm(amountLabel)}
      onConfirm={form.confirm}
      pendingNote={{ id: reasonId, text: m.pendingReason }}
      fieldError={shown.field && amountErrorText(localizedAmountError(shown.field, text), m.amountErrors)}
      status={
        <SubmitStatus
          reasonId={reasonId}
          reason={shown.reason}
          positionName={asset}
          submitState={submitState}
          amountText={text.amount}
          onTakeNewMax={form.takeNewMax}
          onConfirmNewMax={form.confirmNewMax}
          m={transferMessages(m)}
        />
      }
    >
      {header}
      <AmountField
        id={`${ids}-amount`}
        inputRef={props.frame.inputRef}
        text={form.text}
        onText={form.setText}
        asset={asset}
        error={shown.field}
        limitId={limitId}
        onUseMax={() => form.setPercent(100)}
        readOnly={frozen}
        figures={text}
        m={m}
      />
      <Presets
        label={m.account.maxWithdrawable}
        pinned={pinned}
        disabled={!ready || form.max!.isZero()}
        readOnly={frozen}
        onPick={form.setPercent}
        count={text.count}
        m={m}
      />
      <LimitLine
        id={limitId}
        label={m.account.maxWithdrawable}
        maxText={text.amount(form.max)}
        exactText={form.max === null ? null : text.exact(form.max)}
        pinned={pinned}
        limitedBy={null}
        m={m}
      />
      {form.status === 'loading' && <p className="amk-muted">{m.account.loading}</p>}
      {form.summary?.incomplete && <p className="amk-muted">{m.account.incomplete}</p>}
    </ConfirmForm>
  );
}
