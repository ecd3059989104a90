import { memo } from 'react';
import { MAX_AMOUNT_LENGTH } from '../../core/amount';
import type { TargetError } from '../../engine/targetLiquidationForm';
import type { AdjustMarginMessages } from '../messages';
import { localizedAmountError, type FigureText } from './figureText';

/** A decimal text field: what is typed is what is read (the amount parser's rules and length cap). */
const PRICE_INPUT = {
  className: 'amk-input',
  type: 'text',
  inputMode: 'decimal',
  autoComplete: 'off',
  spellCheck: false,
  maxLength: MAX_AMOUNT_LENGTH,
} as const;

/** The sentence for a target that gives no amount. */
function targetErrorText(error: TargetError, long: boolean, figures: FigureText, m: AdjustMarginMessages): string {
  switch (error.code) {
    case 'price': {
      const { params } = localizedAmountError(error.error, figures);
      return (m.targetPriceErrors[error.error.code] ?? m.amountErrors[error.error.code])(params);
    }
    case 'wrongSide':
      return m.targetWrongSide(long);
    case 'noLiquidation':
      return m.targetNoLiquidation;
    case 'atTarget':
      return m.targetAtTarget;
    case 'beyondMax':
      return m.targetBeyondMax(error.type, error.closest === null ? null : figures.price(error.closest));
  }
}

/**
 * The target liquidation price: a decimal text field beside Amount. Typing here makes the target
 * lead (the amount follows); in amount mode it shows the liquidation price after the amount. Under
 * it, why the target gives no amount, with "Use closest" beside a target beyond the max.
 */
export const TargetPriceField = memo(function TargetPriceField({
  id,
  text,
  onText,
  active,
  error,
  long,
  onUseClosest,
  readOnly,
  figures,
  m,
}: {
  id: string;
  text: string;
  onText: (text: string) => void;
  /** The target leads (target mode): its error shows. */
  active: boolean;
  error: TargetError | null;
  long: boolean;
  onUseClosest: (text: string) => void;
  /** A request is in flight: the form is frozen. */
  readOnly: boolean;
  /** Writes the error's numbers in the locale (the closest target at the symbol's price precision). */
  figures: FigureText;
  m: AdjustMarginMessages;
}) {
  // Only the leading field's error shows, and not while it is empty.
  const shown = active && error && text.trim() !== '' ? error : null;
  const closest = shown?.code === 'beyondMax' ? shown.closestText : null;
  const errorId = `${id}-error`;
  return (
    <div className="amk-field" data-field="target">
      <label htmlFor={id} className="amk-label">
        {m.targetLiquidationPrice}
      </label>
      <div className="amk-input-wrap" data-invalid={shown ? true : undefined}>
        <input
          {...PRICE_INPUT}
          aria-invalid={shown !== null}
          aria-describedby={shown ? errorId : undefined}
          id={id}
          readOnly={readOnly}
          value={text}
          onChange={(e) => onText(e.target.value)}
        />
      </div>
      <div className="amk-error-row" hidden={!shown}>
        <p id={errorId} className="amk-error">
          {shown ? targetErrorText(shown, long, figures, m) : ''}
        </p>
        {closest !== null && (
          <button type="button" className="amk-link" onClick={() => onUseClosest(closest)}>
            {m.useClosest}
          </button>
        )}
      </div>
    </div>
  );
});
