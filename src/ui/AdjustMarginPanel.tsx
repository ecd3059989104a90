'use client';
import { useId, useState, type FormEvent, type RefObject } from 'react';
import { toDecimal } from '../core/decimal';
import { formatAmount, formatLeverage, formatPrice } from '../core/format';
import type { PositionFigures } from '../core/adjustment';
import type { AdjustType } from '../core/types';
import { AdjustMarginError } from '../engine/types';
import type { PositionSnapshot } from '../engine/types';
import type { Percent } from '../engine/adjustMarginForm';
import { MarkPriceAge } from './MarkPriceAge';
import type { AdjustMarginMessages } from './messages';
import { PriceLadder } from './PriceLadder';
import type { AdjustMarginFormState } from '../react/useAdjustMarginForm';

const PRESETS: readonly Percent[] = [25, 50, 75];

/** Long or Short of a position, by its hedge side or the sign of its size. */
export function sideLabel(position: PositionSnapshot, m: AdjustMarginMessages): string {
  if (position.positionSide === 'LONG') return m.sideLong;
  if (position.positionSide === 'SHORT') return m.sideShort;
  return position.positionAmt.startsWith('-') ? m.sideShort : m.sideLong;
}

function isTimeout(error: unknown): boolean {
  return error instanceof AdjustMarginError && error.kind === 'timeout';
}

function errorText(error: unknown): string {
  if (error instanceof AdjustMarginError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The dialog's content over the headless form: header, mode, amount, limits, preview, Confirm. */
export function AdjustMarginPanel(props: {
  form: AdjustMarginFormState;
  symbol: string;
  messages: AdjustMarginMessages;
  locale?: string;
  titleId: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onClose: () => void;
}) {
  const { form, messages: m, locale, inputRef } = props;
  const ids = useId();
  const [explain, setExplain] = useState(false);
  const { status, limits } = form.limitsState;
  const position = limits?.position;
  const decimals = position?.marginAssetPrecision ?? 8;
  const asset = position?.marginAsset ?? '';
  const amountText = (v: Parameters<typeof formatAmount>[0]) =>
    formatAmount(v, { locale, decimals, minDecimals: 2, asset });
  const priceText = (v: Parameters<typeof formatPrice>[0]) =>
    formatPrice(v, { locale, pricePrecision: position?.pricePrecision ?? 2 });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    form.confirm();
  };

  const header = (
    <header className="amk-header">
      <div>
        <h2 id={props.titleId} className="amk-title">
          {m.title}
        </h2>
        <p className="amk-subtitle">
          <span className="amk-symbol">{props.symbol}</span>
          {position && (
            <>
              <span className={`amk-badge amk-side-${sideLabel(position, m) === m.sideLong ? 'long' : 'short'}`}>
                {position.positionSide === 'BOTH' ? sideLabel(position, m) : m.hedgeSide(position.positionSide)}
              </span>
              <span className="amk-badge">{m.leverageBadge(position.leverage)}</span>
              <span className="amk-badge">{position.marginType === 'isolated' ? m.isolated : m.cross}</span>
            </>
          )}
        </p>
      </div>
      <button type="button" className="amk-close" onClick={props.onClose} aria-label={m.close}>
        <span aria-hidden="true">×</span>
      </button>
    </header>
  );

  if (status === 'closed' || status === 'notIsolated' || status === 'error') {
    const body = status === 'closed' ? m.closedBody : status === 'notIsolated' ? m.notIsolated : m.loadError;
    return (
      <div className="amk-panel">
        {header}
        <div className="amk-final" role="alert">
          {status === 'closed' && <p className="amk-final-title">{m.closedTitle}</p>}
          <p>{body}</p>
        </div>
        <div className="amk-actions">
          <button type="button" className="amk-button" onClick={props.onClose}>
            {m.close}
          </button>
        </div>
      </div>
    );
  }

  const errorId = `${ids}-error`;
  const limitId = `${ids}-limit`;
  const reasonId = `${ids}-reason`;
  const explainId = `${ids}-explain`;
  const showError = !form.validation.ok && form.text.trim() !== '' && form.validation.error.code !== 'limitUnknown';
  const reason = form.blockedByStalePrice
    ? null
    : !form.validation.ok && !showError && status === 'ready'
      ? form.validation.error.message
      : null;
  const pinned = form.intent.kind === 'percent' ? form.intent.percent : null;
  const presetsOff = status !== 'ready' || form.max === null || form.max.isZero();
  const maxLabel = form.mode === 'ADD' ? m.maxAddable : m.maxRemovable;
  const side = position ? sideLabel(position, m) : '';

  return (
    <form className="amk-panel" onSubmit={onSubmit} noValidate>
      {header}
      <fieldset className="amk-mode">
        <legend className="amk-visually-hidden">{m.modeLegend}</legend>
        {(['ADD', 'REMOVE'] as const).map((mode: AdjustType) => (
          <label key={mode} className="amk-mode-option">
            <input
              type="radio"
              name={`${ids}-mode`}
              value={mode}
              checked={form.mode === mode}
              onChange={() => form.setMode(mode)}
            />
            <span>{mode === 'ADD' ? m.add : m.remove}</span>
          </label>
        ))}
      </fieldset>

      <div className="amk-field">
        <label htmlFor={`${ids}-amount`} className="amk-label">
          {m.amount}
        </label>
        <div className="amk-input-wrap" data-invalid={showError || undefined}>
          <input
            ref={inputRef}
            id={`${ids}-amount`}
            className="amk-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={form.text}
            onChange={(e) => form.setText(e.target.value)}
            aria-invalid={showError}
            aria-describedby={`${showError ? `${errorId} ` : ''}${limitId}`}
          />
          {asset && (
            <span className="amk-suffix" aria-hidden="true">
              {asset}
            </span>
          )}
        </div>
        <div className="amk-error-row" hidden={!showError}>
          <p id={errorId} className="amk-error">
            {showError && !form.validation.ok ? form.validation.error.message : ''}
          </p>
          {showError && !form.validation.ok && form.validation.error.code === 'overLimit' && (
            <button type="button" className="amk-link" onClick={() => form.setPercent(100)}>
              {m.useMax}
            </button>
          )}
        </div>
      </div>

      <div className="amk-presets" role="group" aria-label={maxLabel}>
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="amk-chip"
            aria-pressed={pinned === p}
            disabled={presetsOff}
            onClick={() => form.setPercent(p)}
          >
            {m.percentOfMax(p)}
          </button>
        ))}
        <button
          type="button"
          className="amk-chip amk-chip-max"
          aria-pressed={pinned === 100}
          disabled={presetsOff}
          onClick={() => form.setPercent(100)}
        >
          {m.max}
        </button>
      </div>

      <div className="amk-limit">
        <p id={limitId}>
          {maxLabel}: <strong className="amk-num">{form.max === null ? '—' : amountText(form.max)}</strong>
        </p>
        {pinned !== null && <p className="amk-pinned">{m.follows(pinned)}</p>}
        {form.limitedBy && (
          <p className="amk-limited-by">
            {m.limitedBy(form.limitedBy)}{' '}
            <button
              type="button"
              className="amk-link"
              aria-expanded={explain}
              aria-controls={explainId}
              onClick={() => setExplain((v) => !v)}
            >
              {m.whyLimited}
            </button>
          </p>
        )}
        {form.limitedBy && (
          <p id={explainId} className="amk-explain" hidden={!explain}>
            {m.limitExplanation(form.limitedBy)}
          </p>
        )}
      </div>

      {status === 'loading' && <p className="amk-muted">{m.loading}</p>}

      {limits && form.before && (
        <Figures
          before={form.before}
          after={form.after}
          m={m}
          amountText={amountText}
          priceText={priceText}
          locale={locale}
        />
      )}

      {limits && form.before && (
        <PriceLadder
          label={m.ladderLabel}
          description={m.ladderText({
            mark: priceText(limits.markPrice),
            entry: priceText(limits.position.entryPrice),
            liqNow: priceText(form.before.liquidationPrice),
            liqAfter: priceText(form.after ? form.after.liquidationPrice : null),
          })}
          points={[
            { key: 'entry', label: m.entryPrice, price: toDecimal(limits.position.entryPrice) },
            { key: 'mark', label: m.markPrice, price: toDecimal(limits.markPrice) },
            { key: 'liqNow', label: m.liquidationPrice, price: form.before.liquidationPrice },
            { key: 'liqAfter', label: m.after, price: form.after ? form.after.liquidationPrice : null },
          ]}
        />
      )}

      <p className="amk-mark">
        {limits && (
          <>
            {m.markPrice} <span className="amk-num">{priceText(limits.markPrice)}</span> ·{' '}
          </>
        )}
        <MarkPriceAge time={form.limitsState.markPriceTime} format={m.markAge} waiting={m.markWaiting} />
      </p>

      <div className="amk-messages">
        {form.blockedByStalePrice && (
          <p id={reasonId} className="amk-warning" role="status">
            {form.limitsState.feedStatus === 'reconnecting' ? (
              m.reconnecting
            ) : (
              <MarkPriceAge
                time={form.limitsState.markPriceTime}
                format={m.staleBlocksRemove}
                waiting={m.markWaiting}
              />
            )}
          </p>
        )}
        {reason && (
          <p id={reasonId} className="amk-hint">
            {reason}
          </p>
        )}
        <div role="status" className="amk-status">
          {form.isPending && <p>{m.pending}</p>}
          {form.submitState.kind === 'limitMoved' && (
            <p className="amk-warning">
              {m.limitMoved(amountText(form.submitState.newMax))}{' '}
              <button type="button" className="amk-link" onClick={form.takeNewMax}>
                {m.useNewMax}
              </button>
            </p>
          )}
        </div>
        <div role="alert" className="amk-alert">
          {form.submitState.kind === 'failed' &&
            (isTimeout(form.submitState.error) ? (
              <>
                <p>{m.unknownOutcome(errorText(form.submitState.error))}</p>
                <p className="amk-muted">{m.unknownOutcomeHint}</p>
              </>
            ) : (
              <>
                <p>{m.failed(errorText(form.submitState.error))}</p>
                <p className="amk-muted">{m.retryHint}</p>
              </>
            ))}
        </div>
      </div>

      <div className="amk-actions">
        <button
          type="submit"
          className="amk-button amk-primary"
          disabled={!form.isPending && !form.canConfirm}
          aria-disabled={form.isPending || undefined}
          aria-busy={form.isPending || undefined}
          aria-describedby={form.blockedByStalePrice || reason ? reasonId : undefined}
          data-side={side}
        >
          {form.isPending ? m.confirming : m.confirm}
        </button>
      </div>
    </form>
  );
}

function Figures(props: {
  before: PositionFigures;
  after: PositionFigures | null;
  m: AdjustMarginMessages;
  amountText: (v: PositionFigures['margin']) => string;
  priceText: (v: PositionFigures['liquidationPrice']) => string;
  locale?: string;
}) {
  const { before, after, m } = props;
  const rows = [
    { label: m.margin, now: props.amountText(before.margin), next: after ? props.amountText(after.margin) : null },
    {
      label: m.leverage,
      now: formatLeverage(before.effectiveLeverage, { locale: props.locale }),
      next: after ? formatLeverage(after.effectiveLeverage, { locale: props.locale }) : null,
    },
    {
      label: m.liquidationPrice,
      now: props.priceText(before.liquidationPrice),
      next: after ? props.priceText(after.liquidationPrice) : null,
    },
  ];
  const noLiq = before.liquidationPrice === null || (after !== null && after.liquidationPrice === null);
  return (
    <div className="amk-figures">
      <dl>
        {rows.map((r) => (
          <div key={r.label} className="amk-figure">
            <dt>{r.label}</dt>
            <dd>
              <span className="amk-num">{r.now}</span>
              {r.next !== null && (
                <>
                  <span className="amk-arrow" aria-hidden="true">
                    {' → '}
                  </span>
                  <span className="amk-visually-hidden">{`, ${m.after}: `}</span>
                  <span className="amk-num amk-next">{r.next}</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {noLiq && <p className="amk-muted">{m.noLiquidationReason}</p>}
    </div>
  );
}
