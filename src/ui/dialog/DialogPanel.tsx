'use client';
import { useCallback, useId, type FormEvent, type RefObject } from 'react';
import type { AdjustType } from '../../core/types';
import type { AdjustMarginRequest, PositionSide } from '../../engine/types';
import type { SubmitAdjustMargin } from '../../engine/adjustments';
import { useAdjustMarginForm } from '../../react/useAdjustMarginForm';
import { sideLabel } from '../labels';
import type { AdjustMarginMessages } from '../messages';
import { AmountField } from './AmountField';
import { DialogHeader } from './DialogHeader';
import { feedStateOf, FeedStateLine } from './FeedStateLine';
import { figureText } from './figureText';
import { Figures } from './Figures';
import { FinalState } from './FinalState';
import { LimitLine } from './LimitLine';
import { MarkPriceLine } from './MarkPriceLine';
import { ModeSwitch } from './ModeSwitch';
import { Presets } from './Presets';
import { PriceLadder } from './PriceLadder';
import { SubmitStatus } from './SubmitStatus';
import { visibleError } from './visibleError';

/** What the dialog's content needs from the root. */
export interface DialogPanelProps {
  symbol: string;
  positionSide: PositionSide;
  defaultMode?: AdjustType;
  onConfirm?: SubmitAdjustMargin;
  onSuccess?: (request: AdjustMarginRequest) => void;
  locale?: string;
  staleAfterMs?: number;
  m: AdjustMarginMessages;
  titleId: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onClose: () => void;
}

/**
 * The dialog's content over the headless form: header, then either the final state (nothing can
 * be sent) or the form: mode, amount, presets, limit, figures, ladder, mark price, status, Confirm.
 */
export function DialogPanel(props: DialogPanelProps) {
  const { m, locale, onClose, onSuccess } = props;
  const ids = useId();
  const handleSuccess = useCallback(
    (request: AdjustMarginRequest) => {
      onClose();
      onSuccess?.(request);
    },
    [onClose, onSuccess],
  );
  const form = useAdjustMarginForm({
    symbol: props.symbol,
    positionSide: props.positionSide,
    defaultMode: props.defaultMode,
    locale,
    staleAfterMs: props.staleAfterMs,
    onConfirm: props.onConfirm,
    onSuccess: handleSuccess,
  });
  const { status, limits, feedStatus, isStale, markPriceTime, problem } = form.limitsState;
  const position = limits?.position;
  const header = (
    <DialogHeader titleId={props.titleId} symbol={props.symbol} position={position} m={m} onClose={onClose} />
  );

  if (status === 'closed' || status === 'notIsolated' || status === 'unavailable' || status === 'error') {
    return (
      <div className="amk-panel">
        {header}
        <FinalState status={status} problem={problem} m={m} onClose={onClose} />
      </div>
    );
  }

  const text = figureText(position, locale);
  const shown = visibleError(form, status);
  const limitId = `${ids}-limit`;
  const reasonId = `${ids}-reason`;
  const feedState = feedStateOf(feedStatus, isStale);
  const pinned = form.intent.kind === 'percent' ? form.intent.percent : null;
  const maxLabel = form.mode === 'ADD' ? m.maxAddable : m.maxRemovable;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    form.confirm();
  };

  return (
    <form className="amk-panel" onSubmit={onSubmit} noValidate>
      {header}
      <ModeSwitch name={`${ids}-mode`} mode={form.mode} onChange={form.setMode} m={m} />
      <AmountField
        id={`${ids}-amount`}
        inputRef={props.inputRef}
        text={form.text}
        onText={form.setText}
        asset={position?.marginAsset ?? ''}
        error={shown.field}
        limitId={limitId}
        onUseMax={() => form.setPercent(100)}
        m={m}
      />
      <Presets
        label={maxLabel}
        pinned={pinned}
        disabled={status !== 'ready' || form.max === null || form.max.isZero()}
        onPick={form.setPercent}
        m={m}
      />
      {/* The live figures: dimmed, and labelled by the feed's state, while the prices are stale. */}
      <div className="amk-live" data-stale={feedState === 'live' ? undefined : true}>
        <FeedStateLine state={feedState} m={m} />
        <LimitLine
          id={limitId}
          label={maxLabel}
          maxText={form.max === null ? '—' : text.amount(form.max)}
          pinned={pinned}
          limitedBy={form.limitedBy}
          m={m}
        />
        {status === 'loading' && <p className="amk-muted">{m.loading}</p>}
        {limits && form.before && (
          <>
            <Figures before={form.before} after={form.after} m={m} text={text} locale={locale} />
            <PriceLadder
              entryPrice={limits.position.entryPrice}
              markPrice={limits.markPrice}
              before={form.before}
              after={form.after}
              m={m}
              text={text}
            />
          </>
        )}
        <MarkPriceLine markPrice={limits && text.price(limits.markPrice)} time={markPriceTime} m={m} />
      </div>
      <SubmitStatus
        reasonId={reasonId}
        reason={shown.reason}
        positionName={position ? m.positionName(props.symbol, sideLabel(position, m)) : props.symbol}
        submitState={form.submitState}
        amountText={text.amount}
        onTakeNewMax={form.takeNewMax}
        m={m}
      />
      <div className="amk-actions">
        <button
          type="submit"
          className="amk-button amk-primary"
          disabled={!form.isPending && !form.canConfirm}
          aria-disabled={form.isPending || undefined}
          aria-busy={form.isPending || undefined}
          aria-describedby={shown.reason ? reasonId : undefined}
        >
          {form.isPending ? m.confirming : m.confirm}
        </button>
      </div>
    </form>
  );
}
