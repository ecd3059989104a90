import type { UnavailablePosition } from '../../engine/checkSnapshot';
import { unavailableText } from '../labels';
import type { AdjustMarginMessages } from '../messages';
import { COLUMNS, textWidth } from './columnLayout';

/** A hedge side's label; a one-way position's side is its size's sign, which the source garbled. */
function sideOf(position: UnavailablePosition, m: AdjustMarginMessages): string {
  if (position.positionSide === 'LONG') return m.sideLong;
  if (position.positionSide === 'SHORT') return m.sideShort;
  return '';
}

/** The widths an unavailable row asks of the columns: its symbol and side (the reason spans the rest). */
export function unavailableChars(position: UnavailablePosition, m: AdjustMarginMessages): number[] {
  return COLUMNS.map((_, i) => (i === 0 ? textWidth(position.symbol) : i === 1 ? textWidth(sideOf(position, m)) : 0));
}

/** A position the kit will not compute: its symbol, its side when known, and why; no figures, no [Edit]. */
export function UnavailableRow({ position, m }: { position: UnavailablePosition; m: AdjustMarginMessages }) {
  return (
    <tr role="row">
      <th scope="row" role="rowheader" className="amk-cell-symbol">
        {position.symbol}
      </th>
      <td role="cell">{sideOf(position, m)}</td>
      <td role="cell" colSpan={COLUMNS.length - 2} className="amk-unavailable">
        {unavailableText(position.problem, m)}
      </td>
    </tr>
  );
}
