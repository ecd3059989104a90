import type { AmountError } from '../../core/amount';
import type { DecimalInput } from '../../core/decimal';
import { assetAmountText, type AssetAmountText } from '../../core/displayPrecision';
import { formatLiquidationPrice, formatPrice } from '../../core/format';
import { DEFAULT_ASSET_DECIMALS } from '../../core/limits';
import type { PositionSnapshot } from '../../engine/types';
import { positionDirection } from '../labels';

/**
 * How the dialog writes a figure: amounts in the margin asset at its display decimals (see
 * `assetAmountText`), prices at the symbol's price precision. Each figure keeps its decimals from
 * one tick to the next.
 */
export interface FigureText extends AssetAmountText {
  /** At the symbol's price precision (2 until the position is known), rounded half up. */
  price: (value: DecimalInput | null | undefined) => string;
  /** A liquidation price: at the symbol's precision, rounded toward the mark (a long's up, a short's down). */
  liquidationPrice: (value: DecimalInput | null | undefined) => string;
}

/** The dialog's formatters for a position (or none yet) in a locale. */
export function figureText(position: PositionSnapshot | undefined, locale: string | undefined): FigureText {
  const pricePrecision = position?.pricePrecision ?? 2;
  return {
    ...assetAmountText(position?.marginAsset ?? '', position?.marginAssetPrecision ?? DEFAULT_ASSET_DECIMALS, locale),
    price: (value) => formatPrice(value, { locale, pricePrecision }),
    liquidationPrice: (value) =>
      formatLiquidationPrice(value, {
        locale,
        pricePrecision,
        direction: position ? positionDirection(position) : 'long',
      }),
  };
}

/**
 * An amount error whose numbers are written in the locale, for its message: the limit (`maxText`)
 * as the limit line shows it (display decimals, rounded down, grouped: "9,251.58"), and the counts
 * as `decimalsText` and `maxLengthText`. The raw params (`max`, `decimals`, `maxLength`) stay as
 * they are, for a message's own logic (plurals).
 */
export function localizedAmountError(error: AmountError, text: AssetAmountText): AmountError {
  const p = error.params;
  const params: Record<string, string> = { ...p };
  if (p.max !== undefined) params.maxText = text.number(p.max);
  if (p.decimals !== undefined) params.decimalsText = text.count(Number(p.decimals));
  if (p.maxLength !== undefined) params.maxLengthText = text.count(Number(p.maxLength));
  return { code: error.code, params };
}
