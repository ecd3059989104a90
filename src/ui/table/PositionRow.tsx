'use client';
import { memo, useLayoutEffect, useRef } from 'react';
import { LIVE_COLUMNS, textWidth } from './columnLayout';
import { liveTexts, type RowConstants } from './rowCells';
import { useRowFigures, type RowVisibility } from './useRowVisibility';

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
 * position snapshot, so React skips them on a tick; the three live cells show the session's
 * figures, written once per (snapshot, mark price), and the row re-renders only when its figures
 * change. A row off screen shows its figures at most once a second (see `useRowFigures`).
 */
export const PositionRow = memo(function PositionRow({ c, locale, visibility, liveWidths, onWiden }: PositionRowProps) {
  const ref = useRef<HTMLTableRowElement>(null);
  const live = useRowFigures(c.position.symbol, c.position.positionSide, ref, visibility);
  const figures = liveTexts(c, live ?? c.figuresAtStart, locale);
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
