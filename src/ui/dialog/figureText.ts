import type { DecimalInput } from '../../core/decimal';
import { formatAmount, formatLiquidationPrice, formatPrice } from '../../core/format';
import type { PositionSnapshot } from '../../engine/types';
import { positionDirection } from '../labels';

/** How the dialog writes a figure: amounts in the margin asset, prices at the symbol's precision. */
export interface FigureText {
  /** At least 2 and at most the asset's decimals, rounded down, with the asset: "900.12345678 USDT". */
  amount: (value: DecimalInput | null | undefined) => string;
  /** At the symbol's price precision (2 until the position is known), rounded half up. */
  price: (value: DecimalInput | null | undefined) => string;
  /** A liquidation price: at the symbol's precision, rounded toward the mark (a long's up, a short's down). */
  liquidationPrice: (value: DecimalInput | null | undefined) => string;
}

/** The dialog's formatters for a position (or none yet) in a locale. */
export function figureText(position: PositionSnapshot | undefined, locale: string | undefined): FigureText {
  const decimals = position?.marginAssetPrecision ?? 8;
  const asset = position?.marginAsset ?? '';
  const pricePrecision = position?.pricePrecision ?? 2;
  return {
    amount: (value) => formatAmount(value, { locale, decimals, minDecimals: 2, asset }),
    price: (value) => formatPrice(value, { locale, pricePrecision }),
    liquidationPrice: (value) =>
      formatLiquidationPrice(value, {
        locale,
        pricePrecision,
        direction: position ? positionDirection(position) : 'long',
      }),
  };
}
