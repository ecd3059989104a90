import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { bracketFor } from '../../src/core/position';
import type { Bracket } from '../../src/core/types';
import { bracketIndex, maintenanceAt, prepareBrackets } from '../../src/engine/preparedBrackets';

const decimal = (max: number, scale: number) =>
  fc.integer({ min: 0, max }).map((units) => new Dec(units).div(new Dec(10).pow(scale)).toFixed());

/** A table of 1–5 brackets, caps in any order (sorted or not, repeated or not), cum zero or not. */
const tableArb = fc.array(
  fc.record({
    notionalFloor: fc.constant('0'),
    notionalCap: decimal(1_000_000, 0),
    maintMarginRatio: decimal(500, 4),
    cum: fc.oneof(fc.constant('0'), decimal(10_000, 2)),
  }),
  { minLength: 1, maxLength: 5 },
);

describe('bracketIndex', () => {
  it('picks the bracket bracketFor picks, whatever bracket the search starts from', () => {
    fc.assert(
      fc.property(tableArb, decimal(2_000_000, 3), fc.integer({ min: -1, max: 6 }), (table, n, near) => {
        const prepared = prepareBrackets(table);
        const i = bracketIndex(prepared, new Dec(n), near);
        expect(table[i]).toBe(bracketFor(table, n));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the bracket it starts from while it holds the notional, and leaves it at its cap', () => {
    const table: Bracket[] = [
      { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0' },
      { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '50' },
    ];
    const prepared = prepareBrackets(table);
    expect(bracketIndex(prepared, new Dec('49999.99'), 0)).toBe(0);
    expect(bracketIndex(prepared, new Dec('50000'), 0)).toBe(1);
    expect(bracketIndex(prepared, new Dec('49999.99'), 1)).toBe(0);
    expect(bracketIndex(prepared, new Dec('900000'), 1)).toBe(1);
  });
});

describe('maintenanceAt', () => {
  it('is n × MMR − cum, with a zero cum, a zero notional and a zero ratio', () => {
    fc.assert(
      fc.property(tableArb, fc.oneof(fc.constant('0'), decimal(2_000_000, 3)), (table, n) => {
        const prepared = prepareBrackets(table);
        const b = prepared.list[bracketIndex(prepared, new Dec(n), -1)]!;
        const expected = new Dec(n).times(b.bracket.maintMarginRatio).minus(b.bracket.cum);
        const mm = maintenanceAt(new Dec(n), b);
        expect(mm.eq(expected)).toBe(true);
        expect(mm.toFixed()).toBe(expected.toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it('works an example out by hand', () => {
    const [first, second] = prepareBrackets([
      { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0' },
      { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '50' },
    ]).list;
    // 40,000 × 0.004 = 160; 60,000 × 0.005 − 50 = 250.
    expect(maintenanceAt(new Dec('40000'), first!).toFixed()).toBe('160');
    expect(maintenanceAt(new Dec('60000'), second!).toFixed()).toBe('250');
  });
});
