'use client';
import { memo, useRef, useState } from 'react';
import type { LiveWidths } from './columnLayout';
import { LIVE_KEYS, type TableColumn } from './columns';
import type { RowConstants } from './rowCells';
import type { RowVisibility } from './rowVisibility';
import { useLiveCells } from './useLiveCells';

/** Props of {@link PositionRow}. */
export interface PositionRowProps {
  c: RowConstants;
  locale?: string;
  visibility: RowVisibility;
  /** The widest live texts shown so far, by column. */
  liveWidths: LiveWidths;
  /** A live text wider than `liveWidths`: the table widens its column. */
  onWiden: (column: TableColumn, width: number) => void;
  /** The row's place in the whole table (1 is the header row) when only some rows are in the DOM. */
  rowIndex?: number;
}

/**
 * One position, its cells in the table's column order. The cells that do not depend on the mark
 * price are elements made once per position snapshot; the live cells are rendered with the figures
 * of the moment and then written by `useLiveCells` on each tick of the row's symbol, without
 * rendering the row again. Each cell carries its column's name (`data-label`), shown when the rows
 * are cards.
 */
export const PositionRow = memo(function PositionRow({
  c,
  locale,
  visibility,
  liveWidths,
  onWiden,
  rowIndex,
}: PositionRowProps) {
  const row = useRef<HTMLTableRowElement>(null);
  const mark = useRef<HTMLSpanElement>(null);
  const margin = useRef<HTMLSpanElement>(null);
  const pnl = useRef<HTMLSpanElement>(null);
  const ratio = useRef<HTMLSpanElement>(null);
  const roe = useRef<HTMLSpanElement>(null);
  const [cells] = useState(() => ({ mark, margin, pnl, ratio, roe }));
  const figures = useLiveCells(c, locale, row, cells, visibility, liveWidths, onWiden);
  const classes = { pnl: figures.pnlClass, roe: figures.roeClass };
  return (
    <tr ref={row} role="row" aria-rowindex={rowIndex}>
      {c.columns.map((column) => {
        if (!Object.hasOwn(LIVE_KEYS, column)) return c.cells[column];
        const key = LIVE_KEYS[column as keyof typeof LIVE_KEYS];
        return (
          <td
            key={column}
            role="cell"
            className={column === 'margin' ? 'amk-num amk-margin-cell' : 'amk-num'}
            data-label={c.labels[column]}
          >
            <span ref={cells[key]} className={key === 'pnl' || key === 'roe' ? classes[key] : 'amk-live'}>
              {figures[key]}
            </span>
            {column === 'margin' && c.edit}
          </td>
        );
      })}
    </tr>
  );
});
