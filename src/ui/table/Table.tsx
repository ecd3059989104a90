'use client';
import { useId, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
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
import { useRowWindow, WINDOW_FROM } from './useRowWindow';

/** Props of {@link Table}. */
export interface TableProps {
  m: AdjustMarginMessages;
  locale?: string;
  /** [Edit] on an isolated position's row; keep it stable (rows are cached per snapshot with it). */
  onEdit: OnEdit;
  /** The columns after the symbol, in order (see `tableColumns`); default: the nine of a positions tab. */
  columns?: readonly PositionsTableColumn[];
  /** A position whose row stays in the DOM however far the table scrolls (the open dialog's, for focus to return to). */
  keep?: PositionSnapshot | null;
}

/**
 * Every position of the account with live mark prices: the loading, error and empty states, one
 * row per position (those the kit will not compute say why, after the others), and the column
 * template the rows share. A tick re-renders only the rows of
 * the symbols that moved; rows off screen show their prices once a second.
 */
export function Table({ m, locale, onEdit, columns: chosen, keep }: TableProps) {
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
  const body = useRef<HTMLTableSectionElement>(null);
  const count = rows.length + unavailable.length;
  const windowed = count >= WINDOW_FROM;
  const { start, end, rowHeight } = useRowWindow(body, count, windowed);
  const kept = keep
    ? rows.findIndex((r) => r.position.symbol === keep.symbol && r.position.positionSide === keep.positionSide)
    : -1;
  const shown: number[] = [];
  if (kept >= 0 && kept < start) shown.push(kept);
  for (let i = start; i < end; i++) shown.push(i);
  if (kept >= end) shown.push(kept);
  // Rows left out of the window: one gap each run, as tall as its rows, hidden from assistive technology.
  const cells: ReactNode[] = [];
  let next = 0;
  const gap = (to: number) => {
    if (to > next)
      cells.push(
        <tr
          key={`gap:${cells.length}`}
          className="amk-gap"
          aria-hidden="true"
          style={{ height: (to - next) * rowHeight }}
        />,
      );
  };
  for (const i of shown) {
    gap(i);
    next = i + 1;
    const index = windowed ? i + 2 : undefined;
    const r = rows[i];
    if (r) {
      cells.push(
        <PositionRow
          key={`${r.position.symbol}:${r.position.positionSide}`}
          c={r}
          locale={locale}
          visibility={visibility}
          liveWidths={liveWidths}
          onWiden={onWiden}
          rowIndex={index}
        />,
      );
    } else {
      const u = unavailable[i - rows.length]!;
      cells.push(
        <UnavailableRow
          key={`unavailable:${u.symbol}:${u.positionSide}`}
          position={u}
          m={m}
          columns={columns}
          rowIndex={index}
        />,
      );
    }
  }
  gap(count);
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
      aria-rowcount={windowed ? count + 1 : undefined}
      style={{ '--amk-table-columns': layout.columns, '--amk-table-min-width': layout.minWidth } as CSSProperties}
    >
      <caption id={captionId} className="amk-caption">
        {m.positions}
      </caption>
      <thead role="rowgroup">
        <tr role="row" aria-rowindex={windowed ? 1 : undefined}>
          {headers.map((h, i) => (
            <th key={i} scope="col" role="columnheader">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body} role="rowgroup">
        {account.status === 'loading' && note('amk-muted', m.loadingPositions)}
        {account.status === 'error' && note('amk-alert', m.loadError)}
        {account.status === 'ready' && count === 0 && note('amk-muted', m.noPositions)}
        {cells}
      </tbody>
    </table>
  );
}
