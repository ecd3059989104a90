import type { TableColumn } from './columns';

/**
 * How the table's columns are sized. Rows are laid out one by one (each row its own grid, so a row
 * whose price moves is laid out alone and a row off screen not at all), so the columns line up
 * through one template made from the widest text each column has shown, in em: numbers are in the
 * monospace font (0.61 em a character covers common monospace fonts); names in the UI font. Live
 * columns keep a character to spare, and a live text that grows past that widens its column
 * before it is painted. Each track adds the cell's padding from the theme's own `--amk-space-3`
 * (the cells' inline padding), which the browser reads when it lays the row out.
 */

/** How a column is sized: em per character, fixed pixels (the [Edit] button), spare characters for live figures. */
interface ColumnSizing {
  em: number;
  px: number;
  spare: number;
}

/** Per column: names in the UI font, numbers in the monospace one; live figures keep a character to spare. */
const SIZING: Readonly<Record<TableColumn, ColumnSizing>> = {
  symbol: { em: 0.66, px: 0, spare: 0 }, // bold
  side: { em: 0.6, px: 0, spare: 0 }, // + separator and hedge badge
  size: { em: 0.61, px: 0, spare: 0 }, // + unit
  entryPrice: { em: 0.61, px: 0, spare: 0 },
  markPrice: { em: 0.61, px: 0, spare: 1 },
  liquidationPrice: { em: 0.61, px: 0, spare: 0 },
  margin: { em: 0.61, px: 34, spare: 1 }, // + [Edit]
  marginMode: { em: 0.6, px: 0, spare: 0 },
  unrealizedPnl: { em: 0.61, px: 0, spare: 1 },
  leverage: { em: 0.61, px: 0, spare: 0 },
  marginRatio: { em: 0.61, px: 0, spare: 1 },
  roe: { em: 0.61, px: 0, spare: 1 },
};

/** The widest live text shown so far per column, in characters. */
export type LiveWidths = Readonly<Partial<Record<TableColumn, number>>>;

/** A cell's padding, both sides: the CSS token the cells are padded with (12 px by default). */
const CELL_PADDING = '2 * var(--amk-space-3, 12px)';

/** Header labels: 0.9 em, UI font. */
const HEADER_EM_PER_CHAR = 0.52;

/**
 * A text's width in characters of the Latin UI and monospace fonts: a wide character (CJK,
 * Hangul, full-width forms) counts about as two.
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000;
    w += wide ? 1.8 : 1;
  }
  return w;
}

/** The grid template the rows share, and the width under which the table scrolls sideways. */
export interface ColumnLayout {
  /** `grid-template-columns` of every row (`--amk-table-columns`). */
  columns: string;
  /** The table's `min-width` (`--amk-table-min-width`). */
  minWidth: string;
}

/**
 * The template for `columns`, with rows whose cells are `rowChars` characters wide (per row, per
 * column), under `headers`, and the widest live texts seen so far (`liveWidths`).
 */
export function columnLayout(
  rowChars: readonly (readonly number[])[],
  headers: readonly string[],
  liveWidths: LiveWidths,
  columns: readonly TableColumn[],
): ColumnLayout {
  let em = 0;
  let px = 0;
  const tracks = columns.map((column, i) => {
    const col = SIZING[column];
    let chars = liveWidths[column] ?? 0;
    for (const r of rowChars) chars = Math.max(chars, r[i] ?? 0);
    const w = Math.max((chars + col.spare) * col.em, textWidth(headers[i]!) * HEADER_EM_PER_CHAR);
    const min = Math.ceil(w * 10) / 10;
    em += min;
    px += col.px;
    return `minmax(calc(${min}em + ${col.px}px + ${CELL_PADDING}), 1fr)`;
  });
  return {
    columns: tracks.join(' '),
    minWidth: `calc(${Math.round(em * 10) / 10}em + ${px}px + ${columns.length} * ${CELL_PADDING})`,
  };
}
