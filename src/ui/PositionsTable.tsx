'use client';
import { useQuery } from '@tanstack/react-query';
import {
  memo,
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type CSSProperties,
  type ReactElement,
} from 'react';
import { Dec, type Decimal } from '../core/decimal';
import { formatAmount, formatDecimal, formatPrice } from '../core/format';
import { initialMarginAtMark, unrealizedPnl } from '../core/position';
import type { PositionInput } from '../core/types';
import { parsedPositionInput } from '../engine/account';
import { snapshotLiquidationPrice } from '../engine/marginLimits';
import { useMarginSource } from '../react/MarginSourceProvider';
import { accountQueryOptions } from '../react/queries';
import type { AdjustMarginRequest, PositionSide, PositionSnapshot } from '../engine/types';
import type { SubmitAdjustMargin } from '../react/useAdjustMargin';
import { AdjustMarginDialog } from './AdjustMarginDialog';
import { sideLabel } from './AdjustMarginPanel';
import { resolveMessages, type AdjustMarginMessages } from './messages';
import { createRowVisibility, useRowMarkPrice, type RowVisibility } from './useRowVisibility';

/** Props of {@link PositionsTable}. */
export interface PositionsTableProps {
  locale?: string;
  messages?: Partial<AdjustMarginMessages>;
  theme?: 'dark' | 'light';
  /** Passed to the dialog: submits instead of the data source. */
  onConfirm?: SubmitAdjustMargin;
  /** Passed to the dialog. */
  staleAfterMs?: number;
  className?: string;
}

interface RowProps {
  c: RowConstants;
  locale?: string;
  visibility: RowVisibility;
  /** The widest live texts shown so far, by column (see `LIVE_COLUMNS`). */
  liveWidths: readonly number[];
  /** A live text wider than `liveWidths`: the table widens its column. */
  onWiden: (column: number, width: number) => void;
}

type OnEdit = (symbol: string, positionSide: PositionSide) => void;

/** What a row shows that does not depend on the mark price: made once per position snapshot. */
interface RowConstants {
  position: PositionSnapshot;
  input: Omit<PositionInput, 'markPrice'>;
  isolated: boolean;
  wallet: Decimal;
  decimals: number;
  /** Cells before the mark price: symbol, side, size, entry price. */
  head: ReactElement;
  liq: ReactElement;
  mode: ReactElement;
  edit: ReactElement;
  /** The live cells' texts by mark price string, for prices seen again (a price walks back and forth). */
  figures: Map<string, LiveFigures>;
  /** Each cell's text width by column, in characters, the live cells at the snapshot's mark price (see `textWidth`). */
  chars: number[];
}

interface LiveFigures {
  mark: string;
  margin: string;
  pnl: string;
  pnlClass: string;
}

/** Mark prices whose live cells a row keeps, per position snapshot. */
const FIGURES_KEPT = 64;

function rowConstants(
  position: PositionSnapshot,
  m: AdjustMarginMessages,
  locale: string | undefined,
  onEdit: OnEdit,
): RowConstants {
  const isolated = position.marginType === 'isolated';
  const input = parsedPositionInput(position);
  const liq = isolated ? snapshotLiquidationPrice(position) : null;
  const price = (v: Parameters<typeof formatPrice>[0]) =>
    formatPrice(v, { locale, pricePrecision: position.pricePrecision });
  const side = sideLabel(position, m);
  const size = new Dec(position.positionAmt).abs();
  const sizeText = formatDecimal(size, { locale, decimals: size.decimalPlaces(), minDecimals: 0 });
  const entryText = price(position.entryPrice);
  const liqText = price(liq);
  const modeText = isolated ? m.isolated : m.cross;
  const hedged = position.positionSide !== 'BOTH';
  const c: RowConstants = {
    position,
    input,
    isolated,
    wallet: input.isolatedWallet as Decimal,
    // USDⓈ-M balances show cents, as exchanges show them; COIN-M balances every decimal of the coin.
    decimals: position.contractType === 'linear' ? 2 : position.marginAssetPrecision,
    head: (
      <>
        <th scope="row" role="rowheader" className="amk-cell-symbol">
          {position.symbol}
        </th>
        <td role="cell" className={side === m.sideLong ? 'amk-side-long' : 'amk-side-short'}>
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
        onClick={() => onEdit(position.symbol, position.positionSide)}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M11.5 1.5l3 3L5 14H2v-3l9.5-9.5z" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
    ) : (
      <span className="amk-edit-placeholder" aria-hidden="true" />
    ),
    figures: new Map(),
    chars: [],
  };
  const live = liveFigures(c, position.markPrice, locale);
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

/** The live columns: mark price, margin, unrealized PnL. */
const LIVE_COLUMNS = [
  [4, 'mark'],
  [6, 'margin'],
  [8, 'pnl'],
] as const;

/**
 * A text's width in characters of the Latin UI and monospace fonts: a wide character (CJK,
 * Hangul, full-width forms) counts about as two.
 */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000;
    w += wide ? 1.8 : 1;
  }
  return w;
}

/** The live cells' texts at `mark`: the same decimal operations as `unrealizedPnl` and `positionMargin` / `initialMarginAtMark`. */
function liveFigures(c: RowConstants, mark: string, locale: string | undefined): LiveFigures {
  const { position } = c;
  const kept = c.figures.get(mark);
  if (kept) return kept;
  const input: PositionInput = { ...c.input, markPrice: mark };
  const pnl = unrealizedPnl(input);
  // positionMargin (wallet + uPnL) with the uPnL above; a cross position shows its initial margin.
  const margin = c.isolated ? c.wallet.plus(pnl) : initialMarginAtMark(input);
  const asset = position.marginAsset;
  const figures: LiveFigures = {
    mark: formatPrice(mark, { locale, pricePrecision: position.pricePrecision }),
    margin: formatAmount(margin, { locale, decimals: c.decimals, asset }),
    pnl: `${pnl.isNegative() ? '−' : '+'}${formatDecimal(pnl.abs(), { locale, decimals: c.decimals })} ${asset}`,
    pnlClass: pnl.isNegative() ? 'amk-num amk-side-short' : 'amk-num amk-side-long',
  };
  if (c.figures.size >= FIGURES_KEPT) c.figures.delete(c.figures.keys().next().value!);
  c.figures.set(mark, figures);
  return figures;
}

/**
 * One position. The cells that do not depend on the mark price are elements made once per
 * position snapshot, so React skips them on a tick; the three live cells are computed once per
 * (snapshot, mark price) and the row re-renders only when its symbol's price string changes. A row
 * off screen shows its price at most once a second (see `useRowMarkPrice`).
 */
const PositionRow = memo(function PositionRow({ c, locale, visibility, liveWidths, onWiden }: RowProps) {
  const ref = useRef<HTMLTableRowElement>(null);
  const live = useRowMarkPrice(c.position.symbol, ref, visibility);
  const figures = liveFigures(c, live ?? c.position.markPrice, locale);
  // Before paint: a live figure that grew (a PnL from +0.00 to −1,500.00) widens its column.
  useLayoutEffect(() => {
    for (const [column, key] of LIVE_COLUMNS) {
      const width = textWidth(figures[key]);
      if (width > liveWidths[column]!) onWiden(column, width);
    }
  }, [figures, liveWidths, onWiden]);
  return (
    <tr ref={ref} role="row">
      {c.head}
      <td role="cell" className="amk-num">
        {figures.mark}
      </td>
      {c.liq}
      <td role="cell">
        <span className="amk-margin">
          <span className="amk-num">{figures.margin}</span>
          {c.edit}
        </span>
      </td>
      {c.mode}
      <td role="cell" className={figures.pnlClass}>
        {figures.pnl}
      </td>
    </tr>
  );
});

/**
 * How each column is sized. Rows are laid out one by one (each row its own grid, so a row whose
 * price moves is laid out alone and a row off screen not at all), so the columns line up through
 * one template made from the widest text each column has shown, in em: numbers are in the
 * monospace font (0.61 em a character covers common monospace fonts); names in the UI font. Live
 * columns keep a character to spare, and a live text that grows past that widens its column
 * before it is painted.
 */
const COLUMNS: { em: number; px: number; spare: number }[] = [
  { em: 0.66, px: 0, spare: 0 }, // symbol, bold
  { em: 0.6, px: 0, spare: 0 }, // side (+ hedge badge)
  { em: 0.61, px: 0, spare: 0 }, // size
  { em: 0.61, px: 0, spare: 0 }, // entry price
  { em: 0.61, px: 0, spare: 1 }, // mark price
  { em: 0.61, px: 0, spare: 0 }, // liquidation price
  { em: 0.61, px: 34, spare: 1 }, // margin + [Edit]
  { em: 0.6, px: 0, spare: 0 }, // margin mode
  { em: 0.61, px: 0, spare: 1 }, // unrealized PnL
];
/** A cell's padding, both sides (`--amk-space-3`). */
const CELL_PADDING_PX = 24;
/** Header labels: 0.9 em, UI font. */
const HEADER_EM_PER_CHAR = 0.52;

/** The grid template the rows share, and the width under which the table scrolls sideways. */
function columnTemplate(rows: readonly RowConstants[], headers: readonly string[], liveWidths: readonly number[]) {
  let em = 0;
  let px = 0;
  const tracks = COLUMNS.map((col, i) => {
    let chars = liveWidths[i]!;
    for (const r of rows) chars = Math.max(chars, r.chars[i]!);
    const w = Math.max((chars + col.spare) * col.em, textWidth(headers[i]!) * HEADER_EM_PER_CHAR);
    const min = Math.ceil(w * 10) / 10;
    em += min;
    px += col.px + CELL_PADDING_PX;
    return `minmax(calc(${min}em + ${col.px + CELL_PADDING_PX}px), 1fr)`;
  });
  return { columns: tracks.join(' '), minWidth: `calc(${Math.round(em * 10) / 10}em + ${px}px)` };
}

/**
 * The Positions tab: every position with live mark prices, and [Edit] beside each isolated
 * position's margin, which opens the Adjust Margin dialog. A tick re-renders only the rows of
 * the symbols that moved; rows off screen show their prices once a second.
 */
export function PositionsTable(props: PositionsTableProps) {
  const { source, sourceKey } = useMarginSource();
  const query = useQuery(accountQueryOptions(source, sourceKey));
  const m = useMemo(() => resolveMessages(props.messages), [props.messages]);
  const [editing, setEditing] = useState<{ symbol: string; positionSide: PositionSide } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [visibility] = useState(createRowVisibility);
  const onEdit = useCallback((symbol: string, positionSide: PositionSide) => {
    setAnnouncement('');
    setEditing({ symbol, positionSide });
  }, []);
  const onSuccess = useCallback(
    (r: AdjustMarginRequest) => {
      const position = query.data?.positions.find((p) => p.symbol === r.symbol && p.positionSide === r.positionSide);
      setAnnouncement(m.succeeded(r.type, `${r.amount} ${position?.marginAsset ?? ''}`.trim(), r.symbol));
    },
    [m, query.data],
  );
  const positions = query.data?.positions;
  const locale = props.locale;
  const captionId = useId();
  // Row constants per position snapshot, kept while the messages and locale stay (onEdit never changes).
  const [cache, setCache] = useState(() => ({ m, locale, rows: new WeakMap<PositionSnapshot, RowConstants>() }));
  if (cache.m !== m || cache.locale !== locale) setCache({ m, locale, rows: new WeakMap() });
  const rows = useMemo(
    () =>
      (positions ?? []).map((p) => {
        let r = cache.rows.get(p);
        if (!r) {
          r = rowConstants(p, m, locale, onEdit);
          cache.rows.set(p, r);
        }
        return r;
      }),
    [positions, cache, m, locale, onEdit],
  );
  const headers = useMemo(() => {
    const c = m.columns;
    return [
      c.symbol,
      c.side,
      c.size,
      c.entryPrice,
      c.markPrice,
      c.liquidationPrice,
      c.margin,
      c.marginMode,
      c.unrealizedPnl,
    ];
  }, [m]);
  // The widest live texts shown since the table mounted: columns never shrink under a moving price.
  const [liveWidths, widen] = useReducer(
    (w: readonly number[], [column, width]: [number, number]) =>
      width > w[column]! ? w.map((v, i) => (i === column ? width : v)) : w,
    COLUMNS.map(() => 0),
  );
  const onWiden = useCallback((column: number, width: number) => widen([column, width]), []);
  const layout = useMemo(() => columnTemplate(rows, headers, liveWidths), [rows, headers, liveWidths]);
  return (
    <div
      className={`amk-root amk-table-wrap${props.className ? ` ${props.className}` : ''}`}
      data-amk-theme={props.theme ?? 'dark'}
    >
      <table
        className="amk-table"
        role="table"
        aria-labelledby={captionId}
        style={{ '--amk-table-columns': layout.columns, '--amk-table-min-width': layout.minWidth } as CSSProperties}
      >
        <caption id={captionId} className="amk-caption">
          {m.positions}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            {headers.map((h, i) => (
              <th key={i} scope="col" role="columnheader">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {query.isPending && (
            <tr role="row">
              <td role="cell" colSpan={9} className="amk-muted">
                {m.loadingPositions}
              </td>
            </tr>
          )}
          {query.isError && !query.data && (
            <tr role="row">
              <td role="cell" colSpan={9} className="amk-alert">
                {m.loadError}
              </td>
            </tr>
          )}
          {query.data && rows.length === 0 && (
            <tr role="row">
              <td role="cell" colSpan={9} className="amk-muted">
                {m.noPositions}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <PositionRow
              key={`${r.position.symbol}:${r.position.positionSide}`}
              c={r}
              locale={locale}
              visibility={visibility}
              liveWidths={liveWidths}
              onWiden={onWiden}
            />
          ))}
        </tbody>
      </table>
      <p role="status" className="amk-announcement">
        {announcement}
      </p>
      {editing && (
        <AdjustMarginDialog
          key={`${editing.symbol}:${editing.positionSide}`}
          symbol={editing.symbol}
          positionSide={editing.positionSide}
          open
          onOpenChange={(open) => {
            if (!open) setEditing(null);
          }}
          onSuccess={onSuccess}
          onConfirm={props.onConfirm}
          locale={props.locale}
          messages={props.messages}
          staleAfterMs={props.staleAfterMs}
          theme={props.theme}
        />
      )}
    </div>
  );
}
