'use client';
import { useCallback, useMemo, useReducer } from 'react';
import { columnLayout, type ColumnLayout, type LiveWidths } from './columnLayout';
import type { TableColumn } from './columns';

/**
 * The table's column layout for its `columns`, its rows' widths (per row, per column, in
 * characters) and its headers, and `onWiden` for a row whose live text grew: the widest live texts
 * shown since the table mounted are kept, so columns never shrink under a moving price.
 */
export function useColumnLayout(
  rowChars: readonly (readonly number[])[],
  headers: readonly string[],
  columns: readonly TableColumn[],
): { layout: ColumnLayout; liveWidths: LiveWidths; onWiden: (column: TableColumn, width: number) => void } {
  const [liveWidths, widen] = useReducer(
    (w: LiveWidths, [column, width]: [TableColumn, number]) =>
      width > (w[column] ?? 0) ? { ...w, [column]: width } : w,
    {},
  );
  const onWiden = useCallback((column: TableColumn, width: number) => widen([column, width]), []);
  const layout = useMemo(
    () => columnLayout(rowChars, headers, liveWidths, columns),
    [rowChars, headers, liveWidths, columns],
  );
  return { layout, liveWidths, onWiden };
}
