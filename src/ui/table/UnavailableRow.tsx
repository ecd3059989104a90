import type { UnavailablePosition } from '../../engine/checkSnapshot';
import { unavailableText } from '../labels';
import type { AdjustMarginMessages } from '../messages';
import { textWidth } from './columnLayout';
import type { TableColumn } from './columns';

/** A hedge side's label; a one-way position's side is its size's sign, which the source garbled. */
function sideOf(position: UnavailablePosition, m: AdjustMarginMessages): string {
  if (position.positionSide === 'LONG') return m.sideLong;
  if (position.positionSide === 'SHORT') return m.sideShort;
  return '';
}

/** The widths an unavailable row asks of the columns: its symbol and side (the reason spans the rest). */
export function unavailableChars(
  position: UnavailablePosition,
  m: AdjustMarginMessages,
  columns: readonly TableColumn[],
): number[] {
  return columns.map((c) =>
    c === 'symbol' ? textWidth(position.symbol) : c === 'side' ? textWidth(sideOf(position, m)) : 0,
  );
}

/**
 * A position the kit will not compute: its symbol, its side when known (when the table's second
 * column is the side), and why, across the other columns; no figures, no [Edit].
 */
export function UnavailableRow({
  position,
  m,
  columns,
  rowIndex,
}: {
  position: UnavailablePosition;
  m: AdjustMarginMessages;
  columns: readonly TableColumn[];
  /** The row's place in the whole table (1 is the header row) when only some rows are in the DOM. */
  rowIndex?: number;
}) {
  const side = columns[1] === 'side';
  return (
    <tr role="row" aria-rowindex={rowIndex}>
      <th scope="row" role="rowheader" className="amk-cell-symbol">
        {position.symbol}
      </th>
      {side && (
        <td role="cell" data-label={m.columns.side}>
          {sideOf(position, m)}
        </td>
      )}
      <td
        role="cell"
        colSpan={columns.length - (side ? 2 : 1)}
        className={side ? 'amk-unavailable' : 'amk-unavailable amk-unavailable-wide'}
      >
        {unavailableText(position.problem, m)}
      </td>
    </tr>
  );
}
