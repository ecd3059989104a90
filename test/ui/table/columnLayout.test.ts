import { describe, expect, it } from 'vitest';
import { columnLayout, textWidth } from '../../../src/ui/table/columnLayout';
import { defaultMessages } from '../../../src/ui/messages';
import { tableColumns } from '../../../src/ui/table/columns';

const c = defaultMessages.columns;
const HEADERS = [
  c.symbol,
  c.side,
  c.size,
  c.entryPrice,
  c.markPrice,
  c.liquidationPrice,
  c.margin,
  c.marginMode,
  c.unrealizedPnl,
];
const PADDING = '2 * var(--amk-space-3, 12px)';
const COLUMNS = tableColumns();

describe('textWidth', () => {
  it('counts a Latin character as 1 and a wide (CJK) one as 1.8', () => {
    expect(textWidth('BTCUSDT')).toBe(7);
    expect(textWidth('逐仓')).toBeCloseTo(3.6, 10);
    expect(textWidth('A全')).toBeCloseTo(2.8, 10);
  });
});

describe('columnLayout', () => {
  // One row: BTCUSDT | Long | 0.5 | 60,000.00 | 62,000.00 | 54,216.87 | 4,000.00 USDT | Isolated | +1,000.00 USDT
  const row = [7, 4, 3, 9, 9, 9, 13, 8, 14];
  const layout = columnLayout([row], HEADERS, {}, COLUMNS);
  const tracks = layout.columns.split(') ').map((t) => (t.endsWith(')') ? t : `${t})`));

  it('sizes each track from its widest text, in em, rounded up to 0.1 em', () => {
    expect(tracks).toHaveLength(9);
    // Symbol: max(7 × 0.66 = 4.62, "Symbol" 6 × 0.52 = 3.12) → 4.7 em.
    expect(tracks[0]).toBe(`minmax(calc(4.7em + 0px + ${PADDING}), 1fr)`);
    // Size: max(3 × 0.61 = 1.83, "Size" 4 × 0.52 = 2.08) → the header wins: 2.1 em.
    expect(tracks[2]).toBe(`minmax(calc(2.1em + 0px + ${PADDING}), 1fr)`);
    // Margin: (13 + 1 spare) × 0.61 = 8.54 → 8.6 em, plus the 34 px [Edit] button.
    expect(tracks[6]).toBe(`minmax(calc(8.6em + 34px + ${PADDING}), 1fr)`);
  });

  it('pads every track with the theme’s --amk-space-3 on both sides, never a pixel constant', () => {
    for (const t of tracks) expect(t).toContain(`+ ${PADDING})`);
    expect(layout.minWidth).toMatch(/^calc\([\d.]+em \+ 34px \+ 9 \* 2 \* var\(--amk-space-3, 12px\)\)$/);
  });

  it('a live text wider than any row widens its column, and the table’s minimum width with it', () => {
    // PnL column: (14 + 1) × 0.61 = 9.15 → 9.2 em; a 20-character PnL seen live: 21 × 0.61 = 12.81 → 12.9 em.
    expect(tracks[8]).toBe(`minmax(calc(9.2em + 0px + ${PADDING}), 1fr)`);
    const wider = columnLayout([row], HEADERS, { unrealizedPnl: 20 }, COLUMNS);
    expect(wider.columns.split(') ').at(-1)).toBe(`minmax(calc(12.9em + 0px + ${PADDING}), 1fr)`);
    const em = (l: { minWidth: string }) => Number(/calc\(([\d.]+)em/.exec(l.minWidth)![1]);
    expect(em(wider) - em(layout)).toBeCloseTo(12.9 - 9.2, 5);
  });
});

describe('columnLayout of chosen columns', () => {
  it('has one track per column in the order given, Leverage, Margin ratio and ROE sized like numbers', () => {
    const columns = tableColumns(['roe', 'margin', 'leverage', 'marginRatio']);
    expect(columns).toEqual(['symbol', 'roe', 'margin', 'leverage', 'marginRatio']);
    // BTCUSDT | +33.33% | 4,000.00 USDT | 10× | 0.74%
    const layout = columnLayout(
      [[7, 7, 13, 3, 5]],
      ['Symbol', c.roe, c.margin, c.leverage, c.marginRatio],
      {},
      columns,
    );
    const tracks = layout.columns.split(') ').map((t) => (t.endsWith(')') ? t : `${t})`));
    expect(tracks).toHaveLength(5);
    // ROE: (7 + 1 spare) × 0.61 = 4.88 → 4.9 em; Leverage: the header wins, 8 × 0.52 = 4.16 → 4.2 em.
    expect(tracks[1]).toBe(`minmax(calc(4.9em + 0px + ${PADDING}), 1fr)`);
    expect(tracks[2]).toBe(`minmax(calc(8.6em + 34px + ${PADDING}), 1fr)`);
    expect(tracks[3]).toBe(`minmax(calc(4.2em + 0px + ${PADDING}), 1fr)`);
    expect(layout.minWidth).toContain(`5 * ${PADDING}`);
  });
});

describe('tableColumns', () => {
  it('defaults to the nine columns of a positions tab', () => {
    expect(tableColumns()).toEqual([
      'symbol',
      'side',
      'size',
      'entryPrice',
      'markPrice',
      'liquidationPrice',
      'margin',
      'marginMode',
      'unrealizedPnl',
    ]);
  });

  it('always starts with the symbol and keeps Margin (its [Edit]); a repeated or unknown name is skipped', () => {
    expect(tableColumns(['roe', 'side', 'roe'])).toEqual(['symbol', 'roe', 'side', 'margin']);
    expect(tableColumns(['bogus' as never, 'leverage'])).toEqual(['symbol', 'leverage', 'margin']);
    expect(tableColumns([])).toEqual(['symbol', 'margin']);
  });
});
