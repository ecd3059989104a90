'use client';
import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useMemo, useRef, useState, type ReactElement } from 'react';
import { Dec, toDecimal, type Decimal } from '../core/decimal';
import { formatAmount, formatDecimal, formatPrice } from '../core/format';
import { liquidationPrice } from '../core/liquidation';
import { initialMarginAtMark, unrealizedPnl } from '../core/position';
import type { PositionInput } from '../core/types';
import { toPositionInput } from '../data/account';
import { useMarginSource } from '../data/MarginSourceProvider';
import { accountQueryOptions } from '../data/queries';
import type { AdjustMarginRequest, PositionSide, PositionSnapshot } from '../data/types';
import type { SubmitAdjustMargin } from '../data/useAdjustMargin';
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
  position: PositionSnapshot;
  m: AdjustMarginMessages;
  locale?: string;
  onEdit: (symbol: string, positionSide: PositionSide) => void;
  visibility: RowVisibility;
}

/** What a row shows that does not depend on the mark price: made once per position snapshot. */
interface RowConstants {
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
  onEdit: RowProps['onEdit'],
): RowConstants {
  const isolated = position.marginType === 'isolated';
  // Decimal fields parsed once; the core functions below take Decimals as they take strings, and
  // compute the same digits.
  const input: Omit<PositionInput, 'markPrice'> = {
    contractType: position.contractType,
    positionAmt: toDecimal(position.positionAmt),
    entryPrice: toDecimal(position.entryPrice),
    leverage: toDecimal(position.leverage),
    isolatedWallet: toDecimal(position.isolatedWallet),
    contractSize: position.contractSize === undefined ? undefined : toDecimal(position.contractSize),
    brackets: position.brackets,
  };
  // The liquidation price does not depend on the mark price.
  const liq = isolated ? liquidationPrice(toPositionInput(position)) : null;
  const price = (v: Parameters<typeof formatPrice>[0]) =>
    formatPrice(v, { locale, pricePrecision: position.pricePrecision });
  const side = sideLabel(position, m);
  const size = new Dec(position.positionAmt).abs();
  return {
    input,
    isolated,
    wallet: input.isolatedWallet as Decimal,
    // USDⓈ-M balances show cents, as exchanges show them; COIN-M balances every decimal of the coin.
    decimals: position.contractType === 'linear' ? 2 : position.marginAssetPrecision,
    head: (
      <>
        <th scope="row" className="amk-cell-symbol">
          {position.symbol}
        </th>
        <td className={side === m.sideLong ? 'amk-side-long' : 'amk-side-short'}>
          {side}
          {position.positionSide !== 'BOTH' && <span className="amk-badge amk-hedge">{m.hedge}</span>}
        </td>
        <td className="amk-num">{formatDecimal(size, { locale, decimals: size.decimalPlaces(), minDecimals: 0 })}</td>
        <td className="amk-num">{price(position.entryPrice)}</td>
      </>
    ),
    liq: <td className="amk-num">{price(liq)}</td>,
    mode: <td>{isolated ? m.isolated : m.cross}</td>,
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
  };
}

/** The live cells' texts at `mark`: the same decimal operations as `unrealizedPnl` and `positionMargin` / `initialMarginAtMark`. */
function liveFigures(
  position: PositionSnapshot,
  c: RowConstants,
  mark: string,
  locale: string | undefined,
): LiveFigures {
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
const PositionRow = memo(function PositionRow({ position, m, locale, onEdit, visibility }: RowProps) {
  const ref = useRef<HTMLTableRowElement>(null);
  const live = useRowMarkPrice(position.symbol, ref, visibility);
  const mark = live ?? position.markPrice;
  const c = useMemo(() => rowConstants(position, m, locale, onEdit), [position, m, locale, onEdit]);
  const figures = liveFigures(position, c, mark, locale);
  return (
    <tr ref={ref}>
      {c.head}
      <td className="amk-num">{figures.mark}</td>
      {c.liq}
      <td>
        <span className="amk-margin">
          <span className="amk-num">{figures.margin}</span>
          {c.edit}
        </span>
      </td>
      {c.mode}
      <td className={figures.pnlClass}>{figures.pnl}</td>
    </tr>
  );
});

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
  const positions = query.data?.positions ?? [];
  const c = m.columns;
  return (
    <div
      className={`amk-root amk-table-wrap${props.className ? ` ${props.className}` : ''}`}
      data-amk-theme={props.theme ?? 'dark'}
    >
      <table className="amk-table">
        <caption className="amk-caption">{m.positions}</caption>
        <thead>
          <tr>
            <th scope="col">{c.symbol}</th>
            <th scope="col">{c.side}</th>
            <th scope="col">{c.size}</th>
            <th scope="col">{c.entryPrice}</th>
            <th scope="col">{c.markPrice}</th>
            <th scope="col">{c.liquidationPrice}</th>
            <th scope="col">{c.margin}</th>
            <th scope="col">{c.marginMode}</th>
            <th scope="col">{c.unrealizedPnl}</th>
          </tr>
        </thead>
        <tbody>
          {query.isPending && (
            <tr>
              <td colSpan={9} className="amk-muted">
                {m.loadingPositions}
              </td>
            </tr>
          )}
          {query.isError && !query.data && (
            <tr>
              <td colSpan={9} className="amk-alert">
                {m.loadError}
              </td>
            </tr>
          )}
          {query.data && positions.length === 0 && (
            <tr>
              <td colSpan={9} className="amk-muted">
                {m.noPositions}
              </td>
            </tr>
          )}
          {positions.map((p) => (
            <PositionRow
              key={`${p.symbol}:${p.positionSide}`}
              position={p}
              m={m}
              locale={props.locale}
              onEdit={onEdit}
              visibility={visibility}
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
