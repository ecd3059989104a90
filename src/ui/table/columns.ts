/**
 * Which columns the positions table shows, in which order. Symbol always comes first (it names the
 * row); Margin is always shown, since [Edit] sits beside the margin it edits.
 */

/** A column an app can choose for {@link PositionsTable}'s `columns` prop. */
export type PositionsTableColumn =
  | 'side'
  | 'size'
  | 'entryPrice'
  | 'markPrice'
  | 'liquidationPrice'
  | 'margin'
  | 'marginMode'
  | 'unrealizedPnl'
  | 'leverage'
  | 'marginRatio'
  | 'roe';

/** A column of the table as laid out: the symbol, then the chosen ones. */
export type TableColumn = 'symbol' | PositionsTableColumn;

/** The table's columns when an app chooses none. */
const DEFAULT_COLUMNS: readonly PositionsTableColumn[] = [
  'side',
  'size',
  'entryPrice',
  'markPrice',
  'liquidationPrice',
  'margin',
  'marginMode',
  'unrealizedPnl',
];

/** The live columns (written on each tick, outside React's render) and the key of their text. */
export const LIVE_KEYS = {
  markPrice: 'mark',
  margin: 'margin',
  unrealizedPnl: 'pnl',
  marginRatio: 'ratio',
  roe: 'roe',
} as const satisfies Partial<Record<TableColumn, string>>;

/** The key of a live column's text in `LiveTexts`. */
export type LiveKey = (typeof LIVE_KEYS)[keyof typeof LIVE_KEYS];

const CHOOSABLE: ReadonlySet<string> = new Set<PositionsTableColumn>([
  ...DEFAULT_COLUMNS,
  'leverage',
  'marginRatio',
  'roe',
]);

/**
 * The columns laid out for an app's choice: the symbol, then each known column once in the order
 * given (an unknown name is skipped), with Margin at the end when the choice leaves it out.
 */
export function tableColumns(columns: readonly PositionsTableColumn[] = DEFAULT_COLUMNS): TableColumn[] {
  const chosen = [...new Set(columns)].filter((c) => CHOOSABLE.has(c));
  if (!chosen.includes('margin')) chosen.push('margin');
  return ['symbol', ...chosen];
}

/** The live columns among `columns`, each with the key of its text. */
export function liveColumns(columns: readonly TableColumn[]): (readonly [TableColumn, LiveKey])[] {
  return columns.flatMap((c) =>
    Object.hasOwn(LIVE_KEYS, c) ? [[c, LIVE_KEYS[c as keyof typeof LIVE_KEYS]] as const] : [],
  );
}
