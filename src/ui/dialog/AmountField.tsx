import { memo, type RefObject } from 'react';
import { MAX_AMOUNT_LENGTH, type AmountError } from '../../core/amount';
import type { AssetAmountText } from '../../core/displayPrecision';
import { amountErrorText, type AdjustMarginMessages } from '../messages';
import { localizedAmountError } from './figureText';

/**
 * The amount: a decimal text field (what is typed is what is sent) with the asset as a suffix, and
 * under it the amount's error, with "Use max" beside an over-limit one.
 */
export const AmountField = memo(function AmountField({
  id,
  inputRef,
  text,
  onText,
  asset,
  error,
  limitId,
  onUseMax,
  readOnly = false,
  figures,
  m,
}: {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  text: string;
  onText: (text: string) => void;
  asset: string;
  /** The error to show (see `visibleError`), or null. */
  error: AmountError | null;
  /** The limit line, which describes the field too. */
  limitId: string;
  onUseMax: () => void;
  /** While a request is in flight: the field shows its amount and cannot be edited. */
  readOnly?: boolean;
  /** How the asset's amounts are written: the error's numbers in the locale, its limit as the limit line shows it. */
  figures: AssetAmountText;
  m: AdjustMarginMessages;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="amk-field">
      <label htmlFor={id} className="amk-label">
        {m.amount}
      </label>
      <div className="amk-input-wrap" data-invalid={error ? true : undefined}>
        <input
          ref={inputRef}
          id={id}
          className="amk-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_AMOUNT_LENGTH}
          value={text}
          readOnly={readOnly}
          aria-readonly={readOnly || undefined}
          onChange={(e) => onText(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={`${error ? `${errorId} ` : ''}${limitId}`}
        />
        {asset && (
          <span className="amk-suffix" aria-hidden="true">
            {asset}
          </span>
        )}
      </div>
      <div className="amk-error-row" hidden={!error}>
        <p id={errorId} className="amk-error">
          {error ? amountErrorText(localizedAmountError(error, figures), m.amountErrors) : ''}
        </p>
        {error?.code === 'overLimit' && !readOnly && (
          <button type="button" className="amk-link" onClick={onUseMax}>
            {m.useMax}
          </button>
        )}
      </div>
    </div>
  );
});
