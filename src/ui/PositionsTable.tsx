'use client';
import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useMemo, useState } from 'react';
import { Dec } from '../core/decimal';
import { formatAmount, formatDecimal, formatPrice } from '../core/format';
import { liquidationPrice } from '../core/liquidation';
import { initialMarginAtMark, positionMargin, unrealizedPnl } from '../core/position';
import { toPositionInput } from '../data/account';
import { useMarginSource } from '../data/MarginSourceProvider';
import { accountQueryOptions } from '../data/queries';
import type { AdjustMarginRequest, PositionSide, PositionSnapshot } from '../data/types';
import type { SubmitAdjustMargin } from '../data/useAdjustMargin';
import { useMarkPrice } from '../data/useMarkPrice';
import { AdjustMarginDialog } from './AdjustMarginDialog';
import { sideLabel } from './AdjustMarginPanel';
import { resolveMessages, type AdjustMarginMessages } from './messages';

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
}

const PositionRow = memo(function PositionRow({ position, m, locale, onEdit }: RowProps) {
  const live = useMarkPrice(position.symbol);
  const mark = live?.markPrice ?? position.markPrice;
  const isolated = position.marginType === 'isolated';
  // The liquidation price does not depend on the mark price: computed once per position snapshot.
  const liq = useMemo(() => (isolated ? liquidationPrice(toPositionInput(position)) : null), [position, isolated]);
  const input = toPositionInput(position, mark);
  const pnl = unrealizedPnl(input);
  const margin = isolated ? positionMargin(input) : initialMarginAtMark(input);
  // USDⓈ-M balances show cents, as exchanges show them; COIN-M balances every decimal of the coin.
  const decimals = position.contractType === 'linear' ? 2 : position.marginAssetPrecision;
  const price = (v: Parameters<typeof formatPrice>[0]) =>
    formatPrice(v, { locale, pricePrecision: position.pricePrecision });
  const side = sideLabel(position, m);
  const size = new Dec(position.positionAmt).abs();
  return (
    <tr>
      <th scope="row" className="amk-cell-symbol">
        {position.symbol}
      </th>
      <td className={side === m.sideLong ? 'amk-side-long' : 'amk-side-short'}>
        {side}
        {position.positionSide !== 'BOTH' && <span className="amk-badge amk-hedge">{m.hedge}</span>}
      </td>
      <td className="amk-num">{formatDecimal(size, { locale, decimals: size.decimalPlaces(), minDecimals: 0 })}</td>
      <td className="amk-num">{price(position.entryPrice)}</td>
      <td className="amk-num">{price(mark)}</td>
      <td className="amk-num">{price(liq)}</td>
      <td>
        <span className="amk-margin">
          <span className="amk-num">{formatAmount(margin, { locale, decimals, asset: position.marginAsset })}</span>
          {isolated ? (
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
          )}
        </span>
      </td>
      <td>{isolated ? m.isolated : m.cross}</td>
      <td className={`amk-num ${pnl.isNegative() ? 'amk-side-short' : 'amk-side-long'}`}>
        {pnl.isNegative() ? '−' : '+'}
        {formatDecimal(pnl.abs(), { locale, decimals })} {position.marginAsset}
      </td>
    </tr>
  );
});

/**
 * The Positions tab: every position with live mark prices, and [Edit] beside each isolated
 * position's margin, which opens the Adjust Margin dialog. A tick re-renders only the rows of
 * the symbols that moved.
 */
export function PositionsTable(props: PositionsTableProps) {
  const { source, sourceKey } = useMarginSource();
  const query = useQuery(accountQueryOptions(source, sourceKey));
  const m = useMemo(() => resolveMessages(props.messages), [props.messages]);
  const [editing, setEditing] = useState<{ symbol: string; positionSide: PositionSide } | null>(null);
  const [announcement, setAnnouncement] = useState('');
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
