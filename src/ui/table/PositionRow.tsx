'use client';
import { memo, useRef, useState } from 'react';
import type { RowConstants } from './rowCells';
import type { RowVisibility } from './rowVisibility';
import { useLiveCells } from './useLiveCells';

/** Props of {@link PositionRow}. */
export interface PositionRowProps {
  c: RowConstants;
  locale?: string;
  visibility: RowVisibility;
  /** The widest live texts shown so far, by column (see `LIVE_COLUMNS`). */
  liveWidths: readonly number[];
  /** A live text wider than `liveWidths`: the table widens its column. */
  onWiden: (column: number, width: number) => void;
}

/**
 * One position. The cells that do not depend on the mark price are elements made once per
 * position snapshot; the three live cells are rendered with the figures of the moment and then
 * written by `useLiveCells` on each tick of the row's symbol, without rendering the row again.
 */
export const PositionRow = memo(function PositionRow({ c, locale, visibility, liveWidths, onWiden }: PositionRowProps) {
  const row = useRef<HTMLTableRowElement>(null);
  const mark = useRef<HTMLSpanElement>(null);
  const margin = useRef<HTMLSpanElement>(null);
  const pnl = useRef<HTMLSpanElement>(null);
  const [cells] = useState(() => ({ mark, margin, pnl }));
  const figures = useLiveCells(c, locale, row, cells, visibility, liveWidths, onWiden);
  return (
    <tr ref={row} role="row">
      {c.head}
      <td role="cell" className="amk-num">
        <span ref={mark} className="amk-live">
          {figures.mark}
        </span>
      </td>
      {c.liq}
      <td role="cell" className="amk-num amk-margin-cell">
        <span ref={margin} className="amk-live">
          {figures.margin}
        </span>
        {c.edit}
      </td>
      {c.mode}
      <td role="cell" className="amk-num">
        <span ref={pnl} className={figures.pnlClass}>
          {figures.pnl}
        </span>
      </td>
    </tr>
  );
});
