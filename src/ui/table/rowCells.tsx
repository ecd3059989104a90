import type { ReactElement } from 'react';
import { Dec } from '../../core/decimal';
import { formatAmount, formatDecimal, formatLiquidationPrice, formatPrice } from '../../core/format';
import type { LivePositionFigures } from '../../engine/liveAccount';
import type { PositionSnapshot } from '../../engine/types';
import { marginModeLabel, positionDirection, sideLabel } from '../labels';
import type { AdjustMarginMessages } from '../messages';
import { textWidth } from './columnLayout';

/** [Edit] on a row: which position to adjust. */
export type OnEdit = (position: PositionSnapshot) => void;

/** What a row shows that does not depend on the mark price: made once per position snapshot. */
export interface RowConstants {
  position: PositionSnapshot;
  /** The session's figures when the row was made: shown until the row reads its own. */
  figuresAtStart: LivePositionFigures;
  /** Decimals of the margin and PnL cells. */
  decimals: number;
  /** Cells before the mark price: symbol, side, size, entry price. */
  head: ReactElement;
  liq: ReactElement;
  mode: ReactElement;
  /** [Edit] of an isolated position; nothing for a cross one (its cell keeps the room). */
  edit: ReactElement | null;
  /** The live cells' texts by mark price string, for prices seen again (a price walks back and forth). */
  texts: Map<string, LiveTexts>;
  /** Each cell's text width by column, in characters, the live cells at the snapshot's mark price (see `textWidth`). */
  chars: number[];
}

/** The texts of a row's live cells at one mark price. */
export interface LiveTexts {
  mark: string;
  margin: string;
  pnl: string;
  pnlClass: string;
}

/**
 * Mark prices whose live cells' texts a row keeps, per position snapshot: the current one (a tick
 * that left the price alone costs nothing) and a few before it (a price walks back and forth). Few:
 * a table of many rows left open all day holds no more than this per row.
 */
const TEXTS_KEPT = 4;

/** A row's constant cells and widths for one position snapshot, from the session's figures of it. */
export function rowConstants(
  figures: LivePositionFigures,
  m: AdjustMarginMessages,
  locale: string | undefined,
  onEdit: OnEdit,
): RowConstants {
  const { position } = figures;
  const isolated = position.marginType === 'isolated';
  const price = (v: Parameters<typeof formatPrice>[0]) =>
    formatPrice(v, { locale, pricePrecision: position.pricePrecision });
  const side = sideLabel(position, m);
  const size = new Dec(position.positionAmt).abs();
  const sizeText = formatDecimal(size, { locale, decimals: size.decimalPlaces(), minDecimals: 0 });
  const entryText = price(position.entryPrice);
  const liqText = formatLiquidationPrice(figures.liquidationPrice, {
    locale,
    pricePrecision: position.pricePrecision,
    direction: positionDirection(position),
  });
  const modeText = marginModeLabel(position, m);
  const hedged = position.positionSide !== 'BOTH';
  const c: RowConstants = {
    position,
    figuresAtStart: figures,
    // USDⓈ-M balances show cents, as exchanges show them; COIN-M balances every decimal of the coin.
    decimals: position.contractType === 'linear' ? 2 : position.marginAssetPrecision,
    head: (
      <>
        <th scope="row" role="rowheader" className="amk-cell-symbol">
          {position.symbol}
        </th>
        <td role="cell" className={`amk-side-${positionDirection(position)}`}>
          {side}
          {hedged && <span className="amk-badge amk-hedge">{m.hedge}</span>}
        </td>
        <td role="cell" className="amk-num">
          {sizeText}
        </td>
        <td role="cell" className="amk-num">
          {entryText}
        </td>
      </>
    ),
    liq: (
      <td role="cell" className="amk-num">
        {liqText}
      </td>
    ),
    mode: <td role="cell">{modeText}</td>,
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
  c.chars = [
    textWidth(position.symbol),
    textWidth(side) + (hedged ? textWidth(m.hedge) + 2 : 0),
    textWidth(sizeText),
    textWidth(entryText),
    textWidth(live.mark),
    textWidth(liqText),
    textWidth(live.margin),
    textWidth(modeText),
    textWidth(live.pnl),
  ];
  return c;
}

/** The live cells' texts at the figures' mark price, kept per mark price for the row's snapshot. */
export function liveTexts(c: RowConstants, figures: LivePositionFigures, locale: string | undefined): LiveTexts {
  const { position } = c;
  const kept = c.texts.get(figures.markPrice);
  if (kept) return kept;
  const pnl = figures.unrealizedPnl;
  const asset = position.marginAsset;
  const texts: LiveTexts = {
    mark: formatPrice(figures.markPrice, { locale, pricePrecision: position.pricePrecision }),
    margin: formatAmount(figures.margin, { locale, decimals: c.decimals, asset }),
    pnl: `${pnl.isNegative() ? '−' : '+'}${formatDecimal(pnl.abs(), { locale, decimals: c.decimals })} ${asset}`,
    pnlClass: pnl.isNegative() ? 'amk-live amk-side-short' : 'amk-live amk-side-long',
  };
  if (c.texts.size >= TEXTS_KEPT) c.texts.delete(c.texts.keys().next().value!);
  c.texts.set(figures.markPrice, texts);
  return texts;
}
