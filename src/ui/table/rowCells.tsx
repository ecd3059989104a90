import type { ReactElement } from 'react';
import { Dec, type Decimal } from '../../core/decimal';
import { assetDisplayDecimals } from '../../core/displayPrecision';
import {
  formatAmount,
  formatDecimal,
  formatLeverage,
  formatLiquidationPrice,
  formatPercent,
  formatPrice,
  NO_VALUE,
} from '../../core/format';
import { marginRatio, returnOnEquity } from '../../core/risk';
import { toPositionInput } from '../../engine/account';
import type { LivePositionFigures } from '../../engine/liveAccount';
import type { PositionSnapshot } from '../../engine/types';
import { marginModeLabel, positionDirection, sideLabel, sizeUnit } from '../labels';
import type { AdjustMarginMessages } from '../messages';
import { textWidth } from './columnLayout';
import { liveColumns, type LiveKey, type TableColumn } from './columns';

/** [Edit] on a row: which position to adjust. */
export type OnEdit = (position: PositionSnapshot) => void;

/** What a row shows that does not depend on the mark price: made once per position snapshot. */
export interface RowConstants {
  position: PositionSnapshot;
  /** The session's figures when the row was made: shown until the row reads its own. */
  figuresAtStart: LivePositionFigures;
  /** Decimals of the margin and PnL cells. */
  decimals: number;
  /** The table's columns, in order. */
  columns: readonly TableColumn[];
  /** The live columns among them, each with the key of its text (written by `useLiveCells`). */
  liveColumns: readonly (readonly [TableColumn, LiveKey])[];
  /** The column names: each cell's visible label when rows show as cards. */
  labels: AdjustMarginMessages['columns'];
  /** The cells that do not depend on the mark price, by column (the symbol's is the row header). */
  cells: Partial<Record<TableColumn, ReactElement>>;
  /** [Edit] of an isolated position; nothing for a cross one (its cell keeps the room). */
  edit: ReactElement | null;
  /** The live cells' texts by mark price string, for prices seen again (a price walks back and forth). */
  texts: Map<string, LiveTexts>;
  /** Each cell's text width by column, in characters, the live cells at the snapshot's mark price (see `textWidth`). */
  chars: number[];
}

/** The texts of a row's live cells at one mark price ('' for a live column the table does not show). */
export interface LiveTexts {
  mark: string;
  margin: string;
  pnl: string;
  pnlClass: string;
  ratio: string;
  roe: string;
  roeClass: string;
}

/**
 * Mark prices whose live cells' texts a row keeps, per position snapshot: the current one (a tick
 * that left the price alone costs nothing) and a few before it (a price walks back and forth). Few:
 * a table of many rows left open all day holds no more than this per row.
 */
const TEXTS_KEPT = 4;

/** A row's constant cells and widths for one position snapshot in `columns`, from the session's figures of it. */
export function rowConstants(
  figures: LivePositionFigures,
  m: AdjustMarginMessages,
  locale: string | undefined,
  onEdit: OnEdit,
  columns: readonly TableColumn[],
): RowConstants {
  const { position } = figures;
  const isolated = position.marginType === 'isolated';
  const price = (v: Parameters<typeof formatPrice>[0]) =>
    formatPrice(v, { locale, pricePrecision: position.pricePrecision });
  const side = sideLabel(position, m);
  const size = new Dec(position.positionAmt).abs();
  const unit = sizeUnit(position, m);
  const sizeNumber = formatDecimal(size, { locale, decimals: size.decimalPlaces(), minDecimals: 0 });
  const sizeText = unit ? `${sizeNumber} ${unit}` : sizeNumber;
  const entryText = price(position.entryPrice);
  const liqText = formatLiquidationPrice(figures.liquidationPrice, {
    locale,
    pricePrecision: position.pricePrecision,
    direction: positionDirection(position),
  });
  const modeText = marginModeLabel(position, m);
  const leverageText = formatLeverage(position.leverage, { locale });
  const hedged = position.positionSide !== 'BOTH';
  const labels = m.columns;
  const numberCell = (column: TableColumn, text: string) => (
    <td key={column} role="cell" className="amk-num" data-label={labels[column]}>
      <bdi>{text}</bdi>
    </td>
  );
  const c: RowConstants = {
    position,
    figuresAtStart: figures,
    // The asset's display decimals: cents for USDT and USDC, as exchanges show them; a coin's every decimal.
    decimals: assetDisplayDecimals(position.marginAsset, position.marginAssetPrecision),
    columns,
    liveColumns: liveColumns(columns),
    labels,
    cells: {
      symbol: (
        <th key="symbol" scope="row" role="rowheader" className="amk-cell-symbol">
          {position.symbol}
        </th>
      ),
      side: (
        <td key="side" role="cell" className={`amk-side-${positionDirection(position)}`} data-label={labels.side}>
          {side}
          {hedged && (
            <>
              {m.separator}
              <span className="amk-badge amk-hedge">{m.hedge}</span>
            </>
          )}
        </td>
      ),
      size: numberCell('size', sizeText),
      entryPrice: numberCell('entryPrice', entryText),
      liquidationPrice: numberCell('liquidationPrice', liqText),
      leverage: numberCell('leverage', leverageText),
      marginMode: (
        <td key="marginMode" role="cell" data-label={labels.marginMode}>
          {modeText}
        </td>
      ),
    },
    edit: isolated ? (
      <button
        type="button"
        className="amk-edit"
        aria-label={m.editMargin(position.symbol, side)}
        onClick={() => onEdit(position)}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M11.5 1.5l3 3L5 14H2v-3l9.5-9.5z" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
    ) : null,
    texts: new Map(),
    chars: [],
  };
  const live = liveTexts(c, figures, locale);
  const widths: Record<TableColumn, number> = {
    symbol: textWidth(position.symbol),
    // The separator is spaces and a dot, about half a letter each; the badge's padding about two.
    side: textWidth(side) + (hedged ? textWidth(m.separator) / 2 + textWidth(m.hedge) + 2 : 0),
    size: textWidth(sizeText),
    entryPrice: textWidth(entryText),
    markPrice: textWidth(live.mark),
    liquidationPrice: textWidth(liqText),
    margin: textWidth(live.margin),
    marginMode: textWidth(modeText),
    unrealizedPnl: textWidth(live.pnl),
    leverage: textWidth(leverageText),
    marginRatio: textWidth(live.ratio),
    roe: textWidth(live.roe),
  };
  c.chars = columns.map((column) => widths[column]);
  return c;
}

/** A signed figure: its sign always ("+" or "−"), coloured by it. */
function signed(value: Decimal, text: (abs: Decimal) => string): { text: string; className: string } {
  const negative = value.isNegative() && !value.isZero();
  return {
    text: `${negative ? '−' : '+'}${text(value.abs())}`,
    className: negative ? 'amk-live amk-side-short' : 'amk-live amk-side-long',
  };
}

/** The live cells' texts at the figures' mark price, kept per mark price for the row's snapshot. */
export function liveTexts(c: RowConstants, figures: LivePositionFigures, locale: string | undefined): LiveTexts {
  const { position } = c;
  const kept = c.texts.get(figures.markPrice);
  if (kept) return kept;
  const asset = position.marginAsset;
  const pnl = signed(figures.unrealizedPnl, (v) => `${formatDecimal(v, { locale, decimals: c.decimals })} ${asset}`);
  const shows = (key: LiveKey) => c.liveColumns.some(([, k]) => k === key);
  // Margin ratio and ROE only when shown (the core's formulas, at the figures' mark).
  const input = shows('ratio') || shows('roe') ? toPositionInput(position, figures.markPrice) : null;
  const ratio =
    input && position.marginType === 'isolated' ? formatPercent(marginRatio(input), { locale }) : input ? NO_VALUE : '';
  const roe = input
    ? signed(returnOnEquity(input), (v) => formatPercent(v, { locale }))
    : { text: '', className: 'amk-live' };
  const texts: LiveTexts = {
    mark: formatPrice(figures.markPrice, { locale, pricePrecision: position.pricePrecision }),
    margin: formatAmount(figures.margin, { locale, decimals: c.decimals, asset }),
    pnl: pnl.text,
    pnlClass: pnl.className,
    ratio,
    roe: roe.text,
    roeClass: roe.className,
  };
  if (c.texts.size >= TEXTS_KEPT) c.texts.delete(c.texts.keys().next().value!);
  c.texts.set(figures.markPrice, texts);
  return texts;
}
