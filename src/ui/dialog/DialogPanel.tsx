'use client';
import { useCallback, useId, useMemo, type RefObject } from 'react';
import { Dec } from '../../core/decimal';
import { formatPercent } from '../../core/format';
import { positionSign } from '../../core/position';
import type { AdjustType } from '../../core/types';
import { priceInputValue } from '../../engine/targetLiquidationForm';
import type { AdjustMarginRequest, PositionSide } from '../../engine/types';
import type { SubmitAdjustMargin } from '../../engine/adjustments';
import { useAdjustMarginForm } from '../../react/useAdjustMarginForm';
import { sideLabel } from '../labels';
import { amountErrorText, type AdjustMarginMessages } from '../messages';
import { AmountField } from './AmountField';
import { ConfirmForm } from './ConfirmForm';
import { DialogHeader } from './DialogHeader';
import { feedStateOf, FeedStateLine } from './FeedStateLine';
import { figureText, localizedAmountError } from './figureText';
import { Figures } from './Figures';
import { FinalState } from './FinalState';
import { InputModeSwitch, type InputMode } from './InputModeSwitch';
import { LimitLine } from './LimitLine';
import { LiveBox } from './LiveBox';
import { MarkPriceLine } from './MarkPriceLine';
import { ModeSwitch } from './ModeSwitch';
import { Presets } from './Presets';
import { PriceLadder } from './PriceLadder';
import { Receipt } from './Receipt';
import { RemovalWarning } from './RemovalWarning';
import { receiptLines } from './receiptText';
import { SubmitStatus } from './SubmitStatus';
import { TargetPriceField } from './TargetPriceField';
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
  warnLiquidationDistancePct?: number;
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
  const form = useAdjustMarginForm({
    symbol: props.symbol,
    positionSide: props.positionSide,
    defaultMode: props.defaultMode,
    locale,
    staleAfterMs: props.staleAfterMs,
    warnLiquidationDistancePct: props.warnLiquidationDistancePct,
    onConfirm: props.onConfirm,
    onSuccess,
  });
  const { status, limits, feedStatus, isStale, markPriceTime, problem } = form.limitsState;
  const position = limits?.position;
  // Kept from tick to tick, like the callbacks below: the parts that do not show live figures are
  // memoised, so a tick re-renders only the live ones.
  const text = useMemo(() => figureText(position, locale), [position, locale]);
  const { setTarget, setText, targetText, text: amountText } = form;
  const onInputMode = useCallback(
    (next: InputMode) => (next === 'target' ? setTarget(targetText) : setText(amountText)),
    [setTarget, setText, targetText, amountText],
  );
  const header = (
    <DialogHeader
      titleId={props.titleId}
      symbol={props.symbol}
      position={position}
      m={m}
      locale={locale}
      onClose={onClose}
    />
  );

  const submitState = form.submitState;
  if (submitState.kind === 'succeeded') {
    // The receipt stays until Done, even if the position changed meanwhile: it says what was done.
    return (
      <div className="amk-panel">
        {header}
        <Receipt
          lines={receiptLines(submitState.request, submitState.receipt, m, locale)}
          doneLabel={m.done}
          onDone={() => {
            form.finish();
            onClose();
          }}
        />
      </div>
    );
  }

  if (status === 'closed' || status === 'notIsolated' || status === 'unavailable' || status === 'error') {
    return (
      <div className="amk-panel">
        {header}
        <FinalState status={status} problem={problem} m={m} onClose={onClose} />
      </div>
    );
  }

  const shown = visibleError(form, status);
  const limitId = `${ids}-limit`;
  const reasonId = `${ids}-reason`;
  const feedState = feedStateOf(feedStatus, isStale);
  const pinned = form.intent.kind === 'percent' ? form.intent.percent : null;
  const leading: InputMode = form.intent.kind === 'target' ? 'target' : 'amount';
  // A typed target that gives no amount is explained under its field: Confirm is described by that.
  const targetErrorId = `${ids}-target-error`;
  const targetBlocks = leading === 'target' && form.text === '' && form.targetText.trim() !== '';
  const reason = targetBlocks ? null : shown.reason;
  const maxLabel = form.mode === 'ADD' ? m.maxAddable : m.maxRemovable;
  const frozen = form.isPending;
  const blocked = frozen || !form.canConfirm;
  const amountLabel = form.validation.ok ? text.entered(form.validation.amount) : null;
  const headroom =
    form.maxHeadroomBps > 0 && !frozen
      ? formatPercent(new Dec(form.maxHeadroomBps).div(10_000), { locale, decimals: 2, minDecimals: 0 })
      : null;

  return (
    <ConfirmForm
      blocked={blocked}
      pending={frozen}
      describedBy={frozen || reason ? reasonId : targetBlocks ? targetErrorId : undefined}
      label={frozen && amountLabel !== null ? m.confirming(form.mode, amountLabel) : m.confirm(form.mode, amountLabel)}
      onConfirm={form.confirm}
      pendingNote={{ id: reasonId, text: m.pendingReason }}
      fieldError={shown.field && amountErrorText(localizedAmountError(shown.field, text), m.amountErrors)}
      status={
        <SubmitStatus
          reasonId={reasonId}
          reason={reason}
          positionName={position ? m.positionName(props.symbol, sideLabel(position, m)) : props.symbol}
          submitState={form.submitState}
          amountText={text.amount}
          onTakeNewMax={form.takeNewMax}
          onConfirmNewMax={form.confirmNewMax}
          m={m}
        />
      }
    >
      {header}
      {/* Before Add / Remove: Shift+Tab from Amount reaches the direction first. */}
      <InputModeSwitch name={`${ids}-input`} value={leading} onChange={onInputMode} m={m} />
      <ModeSwitch name={`${ids}-mode`} mode={form.mode} onChange={form.setMode} readOnly={frozen} m={m} />
      <div className="amk-entry" data-leading={leading}>
        <AmountField
          id={`${ids}-amount`}
          inputRef={props.inputRef}
          text={form.text}
          onText={form.setText}
          asset={position?.marginAsset ?? ''}
          error={shown.field}
          limitId={limitId}
          onUseMax={form.takeNewMax}
          readOnly={frozen}
          figures={text}
          m={m}
        />
        <TargetPriceField
          id={`${ids}-target`}
          text={form.targetText}
          onText={form.setTarget}
          active={leading === 'target'}
          error={form.target?.error ?? null}
          long={position ? positionSign(position) === 1 : true}
          onUseClosest={form.setTarget}
          readOnly={frozen}
          figures={text}
          m={m}
        />
      </div>
      <Presets
        label={maxLabel}
        pinned={pinned}
        disabled={status !== 'ready' || form.max === null || form.max.isZero()}
        readOnly={frozen}
        onPick={form.setPercent}
        count={text.count}
        m={m}
      />
      {/* The live figures: dimmed, and labelled by the feed's state, while the prices are stale. */}
      <LiveBox stale={feedState !== 'live'}>
        <FeedStateLine state={feedState} m={m} />
        <LimitLine
          id={limitId}
          label={maxLabel}
          maxText={text.amount(form.max)}
          exactText={form.max === null ? null : text.exact(form.max)}
          pinned={pinned}
          limitedBy={form.limitedBy}
          headroom={headroom}
          m={m}
        />
        {status === 'loading' && <p className="amk-muted">{m.loading}</p>}
        {limits && form.before && (
          <>
            <Figures before={form.before} after={form.after} risk={form.risk} m={m} text={text} locale={locale} />
            <PriceLadder
              entryPrice={limits.position.entryPrice}
              markPrice={limits.markPrice}
              before={form.before}
              after={form.after}
              range={form.targetRange}
              target={form.target?.price ?? null}
              onTarget={(price) => form.setTarget(priceInputValue(price, limits, locale))}
              disabled={frozen}
              m={m}
              text={text}
            />
          </>
        )}
        <MarkPriceLine
          markPrice={limits && text.price(limits.markPrice)}
          time={markPriceTime}
          count={text.count}
          m={m}
        />
      </LiveBox>
      <RemovalWarning
        id={`${ids}-risk`}
        risk={frozen || !form.risk?.nearLiquidation ? null : form.risk}
        acknowledged={form.riskAcknowledged}
        onAcknowledge={form.acknowledgeRisk}
        locale={locale}
        m={m}
      />
    </ConfirmForm>
  );
}
