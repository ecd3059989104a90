import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decimal } from '../../src/core/decimal';
import { maxAddable, maxRemovable } from '../../src/core/limits';
import { liquidationPrice } from '../../src/core/liquidation';
import {
  initialMarginAtMark,
  maintenanceMargin,
  notional,
  positionMargin,
  unrealizedPnl,
} from '../../src/core/position';
import type { Bracket } from '../../src/core/types';
import { crossInputFor, findPosition, markOf, toPositionInput } from '../../src/engine/account';
import {
  createLiveAccount,
  type LiveAccount,
  type LiveAccountChange,
  type LiveCrossSums,
  type LivePositionFigures,
} from '../../src/engine/liveAccount';
import { positionKey } from '../../src/engine/positionKey';
import { computeMarginLimits } from '../support/oracle';
import type { AccountSnapshot, PositionSide, PositionSnapshot } from '../../src/engine/types';
import { vectors } from '../support/vectors';

// ---------------------------------------------------------------------------------------------
// Generators. Decimal strings are built from digit strings, never from JS floats.

/** A positive decimal string with `intDigits` integer digits at most and up to `maxScale` decimals. */
function positive(intDigits: number, maxScale: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** BigInt(intDigits) - 1n }),
      fc.integer({ min: 0, max: maxScale }),
      fc.bigInt({ min: 0n, max: 10n ** 20n }),
    )
    .map(([int, scale, frac]) => {
      const f = frac.toString().padStart(20, '0').slice(0, scale);
      const s = scale > 0 ? `${int}.${f}` : `${int}`;
      return /^0(\.0*)?$/.test(s) ? '1' : s;
    });
}

/** Prices: mostly plain ones on a tick grid, sometimes with many significant digits to exercise 40-digit rounding. */
const price = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.integer({ min: 1, max: 9_000_000 }).map((n) => (n / 100).toFixed(2).replace(/\.?0+$/, '') || '1'),
  },
  { weight: 1, arbitrary: positive(6, 18) },
);

const quantity = fc.oneof(positive(3, 3), positive(5, 12));
const signedQuantity = fc.tuple(quantity, fc.boolean()).map(([q, short]) => (short ? `-${q}` : q));
const amount = fc.oneof(fc.constant('0'), positive(6, 8), positive(2, 16));

/** A bracket table: the spec's, or a random one (caps not necessarily sorted, to pin bracketFor's semantics). */
const brackets: fc.Arbitrary<readonly Bracket[]> = fc.oneof(
  fc.constantFrom(...Object.values(vectors.brackets)),
  fc
    .array(fc.record({ cap: positive(7, 2), mmr: fc.integer({ min: 1, max: 500 }), cum: positive(4, 3) }), {
      minLength: 1,
      maxLength: 5,
    })
    .map((tiers) =>
      tiers.map((t, i) => ({
        notionalFloor: i === 0 ? '0' : tiers[i - 1]!.cap,
        notionalCap: t.cap,
        maintMarginRatio: `0.${String(t.mmr).padStart(4, '0')}`,
        cum: t.cum,
      })),
    ),
);

/** Symbols: linear in USDT or USDC, inverse in BTC or ETH. A few of each so that symbols repeat. */
const SYMBOLS = [
  { symbol: 'BTCUSDT', linear: true, asset: 'USDT' },
  { symbol: 'ETHUSDT', linear: true, asset: 'USDT' },
  { symbol: 'SOLUSDC', linear: true, asset: 'USDC' },
  { symbol: 'BTCUSD_PERP', linear: false, asset: 'BTC' },
  { symbol: 'BTCUSD_260626', linear: false, asset: 'BTC' },
  { symbol: 'ETHUSD_PERP', linear: false, asset: 'ETH' },
] as const;

const positionArb: fc.Arbitrary<PositionSnapshot> = fc
  .record({
    market: fc.constantFrom(...SYMBOLS),
    positionSide: fc.constantFrom<PositionSide>('BOTH', 'LONG', 'SHORT'),
    cross: fc.boolean(),
    positionAmt: signedQuantity,
    entryPrice: price,
    markPrice: price,
    leverage: fc.oneof(fc.integer({ min: 1, max: 125 }).map(String), positive(2, 3)),
    isolatedWallet: amount,
    openOrderInitialMargin: amount,
    brackets,
    contractSize: fc.constantFrom('10', '100'),
    decimals: fc.constantFrom(8, 8, 6),
  })
  .map((g) => ({
    symbol: g.market.symbol,
    positionSide: g.positionSide,
    marginType: g.cross ? 'cross' : 'isolated',
    contractType: g.market.linear ? 'linear' : 'inverse',
    contractSize: g.market.linear ? undefined : g.contractSize,
    positionAmt: g.positionAmt,
    entryPrice: g.entryPrice,
    markPrice: g.markPrice,
    leverage: g.leverage === '0' ? '1' : g.leverage,
    isolatedWallet: g.cross ? '0' : g.isolatedWallet,
    openOrderInitialMargin: g.openOrderInitialMargin,
    brackets: g.brackets,
    marginAsset: g.market.asset,
    marginAssetPrecision: g.decimals,
    pricePrecision: 2,
  }));

const accountArb: fc.Arbitrary<AccountSnapshot> = fc
  .record({
    positions: fc.array(positionArb, { minLength: 1, maxLength: 14 }),
    assets: fc.array(fc.record({ asset: fc.constantFrom('USDT', 'USDC', 'BTC', 'ETH'), crossWalletBalance: amount }), {
      maxLength: 5,
    }),
  })
  .map(({ positions, assets }) => ({ positions, assets, updateTime: 0 }));

type Step =
  | { kind: 'tick'; symbol: string; price: string }
  | { kind: 'marks'; marks: Record<string, string>; asMap: boolean }
  | { kind: 'account'; account: AccountSnapshot };

const symbolArb = fc.constantFrom(...SYMBOLS.map((s) => s.symbol), 'XRPUSDT');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('tick' as const), symbol: symbolArb, price }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('marks' as const),
      marks: fc.dictionary(symbolArb, price, { maxKeys: 7 }),
      asMap: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('account' as const), account: accountArb }) },
);

// ---------------------------------------------------------------------------------------------
// The oracle: the straightforward core functions at the accumulated marks.

function same(a: Decimal | null | undefined, b: Decimal | null | undefined, what: string): void {
  if (a === null || a === undefined || b === null || b === undefined) {
    expect(a ?? null, what).toBe(b ?? null);
    return;
  }
  if (!a.eq(b)) expect.fail(`${what}: engine ${a.toString()} ≠ core ${b.toString()}`);
}

function check(live: LiveAccount, account: AccountSnapshot, marks: Map<string, string>): void {
  const figures: readonly LivePositionFigures[] = live.positions();
  expect(figures).toHaveLength(account.positions.length);
  account.positions.forEach((p, i) => {
    const f = figures[i]!;
    const input = toPositionInput(p, markOf(marks, p));
    const isolated = p.marginType === 'isolated';
    const at = `${p.symbol} ${p.positionSide} #${i}`;
    expect(f.position).toBe(p);
    expect(f.markPrice, at).toBe(input.markPrice);
    same(f.notional, notional(input), `${at} notional`);
    same(f.unrealizedPnl, unrealizedPnl(input), `${at} uPnL`);
    same(f.initialMargin, initialMarginAtMark(input), `${at} IM`);
    same(f.maintenanceMargin, maintenanceMargin(input), `${at} MM`);
    same(f.margin, isolated ? positionMargin(input) : initialMarginAtMark(input), `${at} margin`);
    if (isolated) {
      const r = maxRemovable(input, p.marginAssetPrecision);
      same(f.maxRemovable!.amount, r.amount, `${at} maxRemovable`);
      same(f.maxRemovable!.maintenanceTerm, r.maintenanceTerm, `${at} maintenanceTerm`);
      same(f.maxRemovable!.initialTerm, r.initialTerm, `${at} initialTerm`);
      expect(f.maxRemovable!.limitedBy, at).toBe(r.limitedBy);
      same(f.liquidationPrice, liquidationPrice(input), `${at} LP`);
    } else {
      expect(f.maxRemovable).toBeNull();
      expect(f.liquidationPrice).toBeNull();
    }
  });

  const names = new Set([
    'DOGE',
    ...account.assets.map((a) => a.asset),
    ...account.positions.map((p) => p.marginAsset),
  ]);
  for (const asset of names) {
    const core = crossInputFor(account, asset, marks);
    const mine: LiveCrossSums = live.crossSums(asset);
    for (const k of Object.keys(core) as (keyof typeof core)[]) same(mine[k], core[k] as Decimal, `${asset} ${k}`);
    for (const d of [8, 6, 2]) same(live.maxAddable(asset, d), maxAddable(core, d), `${asset} maxAddable(${d})`);
  }

  for (const p of account.positions) {
    const first = findPosition(account, p.symbol, p.positionSide)!;
    const mine = live.limits(p.symbol, p.positionSide);
    expect(live.position(p.symbol, p.positionSide)?.position).toBe(first);
    if (first.marginType !== 'isolated') {
      expect(mine).toBeUndefined();
      continue;
    }
    const core = computeMarginLimits(account, first, marks);
    const at = `limits ${p.symbol} ${p.positionSide}`;
    expect(mine).toBeDefined();
    expect(mine!.position).toBe(core.position);
    expect(mine!.markPrice).toBe(core.markPrice);
    expect(mine!.input).toEqual(core.input);
    same(mine!.maxAddable, core.maxAddable, `${at} maxAddable`);
    same(mine!.maxRemovable.amount, core.maxRemovable.amount, `${at} maxRemovable`);
    same(mine!.maxRemovable.maintenanceTerm, core.maxRemovable.maintenanceTerm, `${at} maintenanceTerm`);
    same(mine!.maxRemovable.initialTerm, core.maxRemovable.initialTerm, `${at} initialTerm`);
    expect(mine!.maxRemovable.limitedBy).toBe(core.maxRemovable.limitedBy);
    same(mine!.unrealizedPnl, core.unrealizedPnl, `${at} uPnL`);
    same(mine!.current.isolatedWallet, core.current.isolatedWallet, `${at} wallet`);
    same(mine!.current.margin, core.current.margin, `${at} margin`);
    same(mine!.current.effectiveLeverage, core.current.effectiveLeverage, `${at} leverage`);
    same(mine!.current.liquidationPrice, core.current.liquidationPrice, `${at} LP`);
  }
}

// ---------------------------------------------------------------------------------------------

describe('createLiveAccount', () => {
  it('gives exactly the core functions’ figures after any sequence of ticks, batches and account changes', () => {
    fc.assert(
      fc.property(accountArb, fc.array(stepArb, { maxLength: 12 }), (initial, steps) => {
        const live = createLiveAccount(initial);
        const marks = new Map<string, string>();
        let account = initial;
        check(live, account, marks);
        for (const step of steps) {
          const before = live.positions();
          const assets = [...new Set(account.positions.map((p) => p.marginAsset))];
          const sumsBefore = assets.map((a) => live.crossSums(a));
          let change: LiveAccountChange;
          if (step.kind === 'tick') {
            marks.set(step.symbol, step.price);
            change = live.applyTick(step.symbol, step.price);
          } else if (step.kind === 'marks') {
            for (const [s, m] of Object.entries(step.marks)) marks.set(s, m);
            change = live.applyMarks(step.asMap ? new Map(Object.entries(step.marks)) : step.marks);
          } else {
            account = step.account;
            live.setAccount(account);
            check(live, account, marks);
            continue;
          }
          const changed = change.positions;
          // A position left out of the change list keeps its very figures object.
          const after = live.positions();
          account.positions.forEach((p, i) => {
            if (!changed.includes(positionKey(p.symbol, p.positionSide))) expect(after[i]).toBe(before[i]);
          });
          // An asset left out of the change list keeps its very sums.
          assets.forEach((a, i) => {
            if (!change.assets.includes(a)) expect(live.crossSums(a)).toBe(sumsBefore[i]);
          });
          check(live, account, marks);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('reports only the positions of the symbol that moved, and the assets of the cross ones among them', () => {
    const base = {
      contractType: 'linear' as const,
      entryPrice: '100',
      markPrice: '100',
      leverage: '10',
      openOrderInitialMargin: '0',
      brackets: vectors.brackets['BTCUSDT-illustrative']!,
      marginAsset: 'USDT',
      marginAssetPrecision: 8,
      pricePrecision: 2,
    };
    const account: AccountSnapshot = {
      assets: [{ asset: 'USDT', crossWalletBalance: '1000' }],
      positions: [
        {
          ...base,
          symbol: 'AUSDT',
          positionSide: 'LONG',
          marginType: 'isolated',
          positionAmt: '1',
          isolatedWallet: '20',
        },
        {
          ...base,
          symbol: 'AUSDT',
          positionSide: 'SHORT',
          marginType: 'isolated',
          positionAmt: '-1',
          isolatedWallet: '20',
        },
        { ...base, symbol: 'BUSDT', positionSide: 'BOTH', marginType: 'cross', positionAmt: '2', isolatedWallet: '0' },
      ],
      updateTime: 0,
    };
    const live = createLiveAccount(account);
    expect(live.applyTick('AUSDT', '101')).toEqual({ positions: ['AUSDT:LONG', 'AUSDT:SHORT'], assets: [] });
    expect(live.applyTick('AUSDT', '101')).toEqual({ positions: [], assets: [] });
    expect(live.applyTick('BUSDT', '99')).toEqual({ positions: ['BUSDT:BOTH'], assets: ['USDT'] });
    expect(live.applyTick('CUSDT', '5')).toEqual({ positions: [], assets: [] });
    // uPnL of the cross position: 2 × (99 − 100) = −2; IM 2 × 99 / 10 = 19.8; MM 198 × 0.004 = 0.792.
    expect(live.crossSums('USDT').crossUnrealizedPnl.toString()).toBe('-2');
    expect(live.crossSums('USDT').crossInitialMargin.toString()).toBe('19.8');
    expect(live.crossSums('USDT').crossMaintMargin.toString()).toBe('0.792');
    // min(1000 − 0 − 0.792, 1000 − 2 − 19.8) = 978.2
    expect(live.maxAddable('USDT').toString()).toBe('978.2');
    expect(live.markPrice('AUSDT')).toBe('101');
    expect(live.markPrice('CUSDT')).toBe('5');
  });

  it('keeps the liquidation price per snapshot and computes it only when read', () => {
    const p = vectors.isolated[0]!;
    const account: AccountSnapshot = {
      assets: [],
      positions: [
        {
          symbol: 'BTCUSDT',
          positionSide: 'BOTH',
          marginType: 'isolated',
          contractType: p.contractType,
          contractSize: p.contractSize,
          positionAmt: p.positionAmt,
          entryPrice: p.entryPrice,
          markPrice: p.markPrice,
          leverage: p.leverage,
          isolatedWallet: p.isolatedWallet,
          openOrderInitialMargin: '0',
          brackets: vectors.brackets[p.brackets]!,
          marginAsset: 'USDT',
          marginAssetPrecision: 8,
          pricePrecision: 2,
        },
      ],
      updateTime: 0,
    };
    const live = createLiveAccount(account);
    const lp = live.position('BTCUSDT', 'BOTH')!.liquidationPrice;
    live.applyTick('BTCUSDT', '1000');
    expect(live.position('BTCUSDT', 'BOTH')!.liquidationPrice).toBe(lp);
    same(lp, liquidationPrice(toPositionInput(account.positions[0]!)), 'LP');
    // Vector V1 of the spec.
    expect(lp?.toFixed(8)).toBe(p.expect.liquidationPrice);
  });

  it('throws as the core does for a position it cannot compute', () => {
    const bad = {
      ...({} as PositionSnapshot),
      symbol: 'X',
      positionSide: 'BOTH' as const,
      marginType: 'isolated' as const,
      contractType: 'inverse' as const,
      positionAmt: '1',
      entryPrice: '1',
      markPrice: '1',
      leverage: '1',
      isolatedWallet: '1',
      openOrderInitialMargin: '0',
      brackets: vectors.brackets['BTCUSD-illustrative']!,
      marginAsset: 'BTC',
      marginAssetPrecision: 8,
      pricePrecision: 1,
    };
    expect(() => createLiveAccount({ assets: [], positions: [bad], updateTime: 0 })).toThrow(RangeError);
    expect(() =>
      createLiveAccount({ assets: [], positions: [{ ...bad, contractType: 'linear', brackets: [] }], updateTime: 0 }),
    ).toThrow(RangeError);
  });
});
