'use client';
import { useCallback, useMemo, useReducer } from 'react';
import { COLUMNS, columnLayout, type ColumnLayout } from './columnLayout';

/**
 * The table's column layout for its rows' widths (per row, per column, in characters) and its
 * headers, and `onWiden` for a row whose live text
 * grew: the widest live texts shown since the table mounted are kept, so columns never shrink
 * under a moving price.
 */
export function useColumnLayout(
  rowChars: readonly (readonly number[])[],
  headers: readonly string[],
): { layout: ColumnLayout; liveWidths: readonly number[]; onWiden: (column: number, width: number) => void } {
  const [liveWidths, widen] = useReducer(
    (w: readonly number[], [column, width]: [number, number]) =>
      width > w[column]! ? w.map((v, i) => (i === column ? width : v)) : w,
    COLUMNS.map(() => 0),
  );
  const onWiden = useCallback((column: number, width: number) => widen([column, width]), []);
  const layout = useMemo(() => columnLayout(rowChars, headers, liveWidths), [rowChars, headers, liveWidths]);
  return { layout, liveWidths, onWiden };
}
