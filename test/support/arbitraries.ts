import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import type { PositionInput } from '../../src/core/types';
import { vectors } from './vectors';

/** A positive decimal string `int / 10^scale`, built from integers so no float is involved. */
export function decimalString(min: number, max: number, scale: number): fc.Arbitrary<string> {
  const f = 10 ** scale;
  return fc.integer({ min: Math.round(min * f), max: Math.round(max * f) }).map((n) => {
    const neg = n < 0;
    const s = String(Math.abs(n)).padStart(scale + 1, '0');
    const int = s.slice(0, s.length - scale);
    const frac = s.slice(s.length - scale);
    return `${neg ? '-' : ''}${int}${scale ? `.${frac}` : ''}`;
  });
}

const linear = fc.record({
  contractType: fc.constant('linear' as const),
  qty: decimalString(0.001, 50, 3),
  entryPrice: decimalString(100, 90000, 2),
  markMove: fc.integer({ min: -40, max: 40 }),
  leverage: fc.integer({ min: 1, max: 125 }).map(String),
  walletFactor: fc.integer({ min: 60, max: 400 }),
  long: fc.boolean(),
  brackets: fc.constantFrom(vectors.brackets['BTCUSDT-illustrative']!, vectors.brackets['ETHUSDT-doc']!),
});

const inverse = fc.record({
  contractType: fc.constant('inverse' as const),
  qty: fc.integer({ min: 1, max: 2000 }).map(String),
  entryPrice: decimalString(100, 90000, 1),
  markMove: fc.integer({ min: -40, max: 40 }),
  leverage: fc.integer({ min: 1, max: 125 }).map(String),
  walletFactor: fc.integer({ min: 60, max: 400 }),
  long: fc.boolean(),
  brackets: fc.constantFrom(vectors.brackets['BTCUSD-illustrative']!, vectors.brackets['ETHUSD-illustrative']!),
  contractSize: fc.constantFrom('10', '100'),
});

/**
 * Isolated positions of every kind: linear and inverse, long and short, mark price up to ±40 %
 * from entry, wallet between 0.6× and 4× the initial margin at entry (so some are near liquidation).
 */
export const positionArb: fc.Arbitrary<PositionInput> = fc.oneof(linear, inverse).map((g) => {
  const ep = new Dec(g.entryPrice);
  const mp = ep.times(new Dec(100 + g.markMove).div(100)).toDecimalPlaces(2);
  const qty = new Dec(g.qty);
  const cs = 'contractSize' in g ? new Dec(g.contractSize) : new Dec(1);
  const notionalAtEntry = g.contractType === 'linear' ? qty.times(ep) : qty.times(cs).div(ep);
  const wallet = notionalAtEntry.div(g.leverage).times(g.walletFactor).div(100).toDecimalPlaces(8);
  return {
    contractType: g.contractType,
    positionAmt: g.long ? qty.toFixed() : qty.negated().toFixed(),
    entryPrice: ep.toFixed(),
    markPrice: mp.toFixed(),
    leverage: g.leverage,
    isolatedWallet: wallet.toFixed(),
    contractSize: 'contractSize' in g ? g.contractSize : undefined,
    brackets: g.brackets,
  };
});
