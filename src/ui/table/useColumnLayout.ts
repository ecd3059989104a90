'use client';
import { useCallback, useMemo, useReducer } from 'react';
import { COLUMNS, columnLayout, type ColumnLayout } from './columnLayout';
import type { RowConstants } from './rowCells';

/**
 * The table's column layout for its rows and headers, and `onWiden` for a row whose live text
 * grew: the widest live texts shown since the table mounted are kept, so columns never shrink
 * under a moving price.
 */
export function useColumnLayout(
  rows: readonly RowConstants[],
  headers: readonly string[],
): { layout: ColumnLayout; liveWidths: readonly number[]; onWiden: (column: number, width: number) => void } {
  const [liveWidths, widen] = useReducer(
    (w: readonly number[], [column, width]: [number, number]) =>
      width > w[column]! ? w.map((v, i) => (i === column ? width : v)) : w,
    COLUMNS.map(() => 0),
  );
  const onWiden = useCallback((column: number, width: number) => widen([column, width]), []);
  const layout = useMemo(
    () =>
      columnLayout(
        rows.map((r) => r.chars),
        headers,
        liveWidths,
      ),
    [rows, headers, liveWidths],
  );
  return { layout, liveWidths, onWiden };
}
