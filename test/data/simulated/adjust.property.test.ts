import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, type Decimal } from '../../../src/core/decimal';
import { maxAddable, maxRemovable } from '../../../src/core/limits';
import { crossInputFor, findPosition, toPositionInput } from '../../../src/engine/account';
import { amountErrorCode, createSimulatedExchange, defaultScenario } from '../../../src/data/simulated';
import { AdjustMarginError, type AccountSnapshot } from '../../../src/engine/types';

const BASE = defaultScenario();
const SYMBOLS = Object.keys(BASE.markets).sort();
const ISOLATED = BASE.account.positions.filter((p) => p.marginType === 'isolated');
const ASSETS = BASE.account.assets.map((a) => a.asset);

/** How the amount is built from the limit, so both sides of the boundary are hit often. */
const amountRecipe = fc.oneof(
  fc.constant({ mode: 'exact' as const }),
  fc.record({ mode: fc.constant('above' as const), exp: fc.constantFrom(8, 8, 8, 9, 10) }),
  fc.record({ mode: fc.constant('below' as const), exp: fc.constantFrom(8, 8, 8, 9, 10) }),
  fc.record({
    mode: fc.constant('scaled' as const),
    permille: fc.integer({ min: 0, max: 2000 }),
    decimals: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    mode: fc.constant('free' as const),
    units: fc.integer({ min: 0, max: 2_000_000_000 }),
    decimals: fc.integer({ min: 0, max: 10 }),
  }),
);

const scenario = fc.record({
  markMovesBp: fc.array(fc.integer({ min: -3000, max: 3000 }), {
    minLength: SYMBOLS.length,
    maxLength: SYMBOLS.length,
  }),
  walletPercents: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: ASSETS.length, maxLength: ASSETS.length }),
  position: fc.integer({ min: 0, max: ISOLATED.length - 1 }),
  type: fc.constantFrom('ADD' as const, 'REMOVE' as const),
  recipe: amountRecipe,
  trailingZeros: fc.constantFrom(0, 0, 0, 0, 1, 2),
});

function amountOf(
  limit: Decimal,
  r:
    | { mode: 'exact' }
    | { mode: 'above' | 'below'; exp: number }
    | { mode: 'scaled'; permille: number; decimals: number }
    | { mode: 'free'; units: number; decimals: number },
): string {
  switch (r.mode) {
    case 'exact':
      return limit.toFixed();
    case 'above':
      return limit.plus(new Dec(10).pow(-r.exp)).toFixed();
    case 'below':
      return limit.minus(new Dec(10).pow(-r.exp)).toFixed();
    case 'scaled':
      return limit.times(r.permille).div(1000).toDecimalPlaces(r.decimals, Dec.ROUND_DOWN).toFixed();
    case 'free':
      return new Dec(r.units).div(new Dec(10).pow(r.decimals)).toFixed();
  }
}

function pad(amount: string, zeros: number): string {
  if (zeros === 0 || amount.startsWith('-')) return amount;
  return `${amount}${amount.includes('.') ? '' : '.'}${'0'.repeat(zeros)}`;
}

function walletOf(a: AccountSnapshot, asset: string): Decimal {
  return new Dec(a.assets.find((x) => x.asset === asset)!.crossWalletBalance);
}

describe('adjustMargin agrees with the core', () => {
  it('accepts an amount exactly when 0 < amount ≤ the limit at that moment, with ≤ 8 decimals', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const ex = createSimulatedExchange({ state: BASE, latencyMs: 0 });
        try {
          SYMBOLS.forEach((sym, i) => {
            const base = new Dec(BASE.markets[sym]!.markPrice);
            ex.setMarkPrice(
              sym,
              base
                .times(10000 + s.markMovesBp[i]!)
                .div(10000)
                .toFixed(),
            );
          });
          ASSETS.forEach((asset, i) => {
            const base = walletOf(BASE.account, asset);
            ex.setCrossWallet(
              asset,
              base.times(s.walletPercents[i]!).div(100).toDecimalPlaces(8, Dec.ROUND_DOWN).toFixed(),
            );
          });
          const target = ISOLATED[s.position]!;
          const before = await ex.getAccount();
          const position = findPosition(before, target.symbol, target.positionSide)!;
          const limit =
            s.type === 'REMOVE'
              ? maxRemovable(toPositionInput(position)).amount
              : maxAddable(crossInputFor(before, position.marginAsset));
          const amount = pad(amountOf(limit, s.recipe), s.trailingZeros);

          const written = amount.includes('.') ? amount.length - amount.indexOf('.') - 1 : 0;
          const value = new Dec(amount);
          const expectAccept = value.gt(0) && value.lte(limit) && written <= 8;

          const outcome = await ex
            .adjustMargin({
              symbol: position.symbol,
              positionSide: position.positionSide,
              type: s.type,
              amount,
              clientRequestId: 'p',
            })
            .then(
              () => ({ ok: true as const }),
              (e: unknown) => ({ ok: false as const, e }),
            );
          expect(outcome.ok).toBe(expectAccept);
          const after = await ex.getAccount();
          if (outcome.ok) {
            const sign = s.type === 'ADD' ? 1 : -1;
            const moved = findPosition(after, position.symbol, position.positionSide)!;
            expect(new Dec(moved.isolatedWallet).minus(position.isolatedWallet).eq(value.times(sign))).toBe(true);
            expect(
              walletOf(after, position.marginAsset)
                .minus(walletOf(before, position.marginAsset))
                .eq(value.times(-sign)),
            ).toBe(true);
          } else {
            const e = outcome.e as AdjustMarginError;
            expect(e).toBeInstanceOf(AdjustMarginError);
            const formCode = amountErrorCode(amount, 8);
            expect(e.code).toBe(formCode ?? (s.type === 'REMOVE' ? -4051 : -4050));
            expect(after).toBe(before);
          }
        } finally {
          ex.dispose();
        }
      }),
      { numRuns: 300 },
    );
  });
});
