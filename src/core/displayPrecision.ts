/**
 * How many decimals a figure is SHOWN with: fixed per asset and per field, never per value, so a
 * figure keeps its width from one mark-price tick to the next. What is computed, validated and sent
 * keeps the asset's full precision; only the display is shorter.
 *
 * @module
 */
import type { DecimalInput } from './decimal';
import { formatDecimal, NO_VALUE } from './format';

/**
 * Dollar-pegged margin assets, shown in cents as Binance shows them (USDⓈ-M wallets, margins, PnL
 * and limits): "899.27 USDT".
 */
const CENT_ASSETS: ReadonlySet<string> = new Set(['USDT', 'USDC', 'BUSD', 'FDUSD']);

/** Decimals of a dollar-pegged asset's figures. */
const CENT_DECIMALS = 2;

/**
 * Decimals the kit shows an amount of `asset` with: 2 for USDT, USDC, BUSD and FDUSD; every decimal
 * of its precision for any other asset (a coin: 8, or what the source says), never more than
 * `precision` (the decimals the asset's amounts may have, e.g. a position's `marginAssetPrecision`).
 *
 * @example assetDisplayDecimals('USDT', 8) // 2
 * @example assetDisplayDecimals('BTC', 8) // 8
 * @example assetDisplayDecimals('ETH', 6) // 6
 */
export function assetDisplayDecimals(asset: string, precision: number): number {
  return CENT_ASSETS.has(asset) ? Math.min(CENT_DECIMALS, precision) : precision;
}

/** How an amount of one asset is written, in one locale. */
export interface AssetAmountText {
  /** The asset's display decimals ({@link assetDisplayDecimals}). */
  decimals: number;
  /**
   * A balance, margin or limit: fixed display decimals, trailing zeros kept, rounded DOWN (a limit
   * is never shown above what is available), with the asset: "899.27 USDT".
   */
  amount: (value: DecimalInput | null | undefined) => string;
  /** {@link AssetAmountText.amount} without the asset: "899.27". */
  number: (value: DecimalInput | null | undefined) => string;
  /**
   * The exact figure Max fills in: every decimal of the asset's precision, rounded DOWN, with the
   * asset: "899.27123456 USDT".
   */
  exact: (value: DecimalInput | null | undefined) => string;
  /**
   * An amount a person entered (Confirm, a receipt): every decimal it has, at least the display
   * decimals, with the asset: "200.00 USDT", "200.125 USDT". Rounded down only past the precision.
   */
  entered: (value: DecimalInput | null | undefined) => string;
  /** A count (decimals, characters) in the locale's digits: "8". */
  count: (value: number) => string;
}

/**
 * The writers of amounts of `asset`, whose amounts have `precision` decimals, in `locale`: every
 * figure of the asset shown with the same decimals ({@link assetDisplayDecimals}), whatever its value.
 */
export function assetAmountText(asset: string, precision: number, locale: string | undefined): AssetAmountText {
  const decimals = assetDisplayDecimals(asset, precision);
  const withAsset = (text: string): string => (text !== NO_VALUE && asset ? `${text} ${asset}` : text);
  const number = (value: DecimalInput | null | undefined): string =>
    formatDecimal(value, { locale, decimals, rounding: 'down' });
  return {
    decimals,
    amount: (value) => withAsset(number(value)),
    number,
    exact: (value) => withAsset(formatDecimal(value, { locale, decimals: precision, rounding: 'down' })),
    entered: (value) =>
      withAsset(formatDecimal(value, { locale, decimals: precision, minDecimals: decimals, rounding: 'down' })),
    count: (value) => formatDecimal(value, { locale, decimals: 0 }),
  };
}
