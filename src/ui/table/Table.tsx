'use client';
import { useId, useMemo, useState, type CSSProperties } from 'react';
import type { PositionSnapshot } from '../../engine/types';
import { useMarginSource } from '../../react/MarginSourceProvider';
import { useAccount } from '../../react/useAccount';
import type { AdjustMarginMessages } from '../messages';
import { tableColumns, type PositionsTableColumn, type TableColumn } from './columns';
import { PositionRow } from './PositionRow';
import { rowConstants, type OnEdit, type RowConstants } from './rowCells';
import { UnavailableRow, unavailableChars } from './UnavailableRow';
import { useColumnLayout } from './useColumnLayout';
import { createRowVisibility } from './rowVisibility';

/** Props of {@link Table}. */
export interface TableProps {
  m: AdjustMarginMessages;
  locale?: string;
  /** [Edit] on an isolated position's row; keep it stable (rows are cached per snapshot with it). */
  onEdit: OnEdit;
  /** The columns after the symbol, in order (see `tableColumns`); default: the nine of a positions tab. */
  columns?: readonly PositionsTableColumn[];
}

/**
 * Every position of the account with live mark prices: the loading, error and empty states, one
 * row per position (those the kit will not compute say why, after the others), and the column
 * template the rows share. A tick re-renders only the rows of
 * the symbols that moved; rows off screen show their prices once a second.
 */
export function Table({ m, locale, onEdit, columns: chosen }: TableProps) {
  const { session } = useMarginSource();
  const account = useAccount();
  const [visibility] = useState(createRowVisibility);
  const captionId = useId();
  const positions = account.account?.positions;
  const { unavailable } = account;
  // The same columns for an equal list (an app may pass a new array on each render).
  const columnsKey = tableColumns(chosen).join(' ');
  const columns = useMemo(() => columnsKey.split(' ') as TableColumn[], [columnsKey]);
  // Row constants per position snapshot, kept while the messages, locale, onEdit and columns stay.
  const [cache, setCache] = useState(() => ({
    m,
    locale,
    onEdit,
    columns,
    rows: new WeakMap<PositionSnapshot, RowConstants>(),
  }));
  if (cache.m !== m || cache.locale !== locale || cache.onEdit !== onEdit || cache.columns !== columns) {
    setCache({ m, locale, onEdit, columns, rows: new WeakMap() });
  }
  const rows = useMemo(
    () =>
      (positions ?? []).flatMap((p) => {
        let r = cache.rows.get(p);
        if (!r) {
          const figures = session.figures(p.symbol, p.positionSide);
          if (!figures) return [];
          r = rowConstants(figures, cache.m, cache.locale, cache.onEdit, cache.columns);
          cache.rows.set(p, r);
        }
        return [r];
      }),
    [positions, cache, session],
  );
  const headers = useMemo(() => columns.map((c) => m.columns[c]), [m, columns]);
  const rowChars = useMemo(
    () => [...rows.map((r) => r.chars), ...unavailable.map((u) => unavailableChars(u, m, columns))],
    [rows, unavailable, m, columns],
  );
  const { layout, liveWidths, onWiden } = useColumnLayout(rowChars, headers, columns);
  const note = (className: string, text: string) => (
    <tr role="row">
      <td role="cell" colSpan={columns.length} className={className}>
        {text}
      </td>
    </tr>
  );
  return (
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
        {account.status === 'loading' && note('amk-muted', m.loadingPositions)}
        {account.status === 'error' && note('amk-alert', m.loadError)}
        {account.status === 'ready' && rows.length + unavailable.length === 0 && note('amk-muted', m.noPositions)}
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
        {unavailable.map((u) => (
          <UnavailableRow key={`unavailable:${u.symbol}:${u.positionSide}`} position={u} m={m} columns={columns} />
        ))}
      </tbody>
    </table>
  );
}
