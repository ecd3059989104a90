import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import { maxAddable, maxRemovable } from '../../../src/core/limits';
import { crossInputFor, toPositionInput } from '../../../src/engine/account';
import { defaultScenario, validateState, type SimulatedState } from '../../../src/data/simulated';
import { generateState } from '../../../scripts/bench/fixtures';

describe('default scenario', () => {
  const state = defaultScenario();
  const { account } = state;
  const ps = account.positions;

  it('is a valid, JSON-serialisable state', () => {
    expect(() => validateState(state)).not.toThrow();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('has linear and inverse positions, long and short, isolated and cross', () => {
    const kinds = new Set(ps.map((p) => `${p.contractType}/${new Dec(p.positionAmt).isNegative() ? 'short' : 'long'}`));
    expect(kinds).toEqual(new Set(['linear/long', 'linear/short', 'inverse/long', 'inverse/short']));
    expect(ps.some((p) => p.marginType === 'cross')).toBe(true);
    expect(ps.some((p) => p.marginType === 'isolated')).toBe(true);
  });

  it('has a hedge pair (LONG and SHORT of one symbol) and one-way positions', () => {
    const eth = ps.filter((p) => p.symbol === 'ETHUSDT');
    expect(eth.map((p) => p.positionSide).sort()).toEqual(['LONG', 'SHORT']);
    expect(eth.every((p) => p.marginType === 'isolated')).toBe(true);
    expect(ps.some((p) => p.positionSide === 'BOTH')).toBe(true);
  });

  it('uses the agreed precisions', () => {
    const precision = (s: string) => ps.find((p) => p.symbol === s)!.pricePrecision;
    expect([precision('BTCUSDT'), precision('ETHUSDT'), precision('BTCUSD_PERP'), precision('ETHUSD_PERP')]).toEqual([
      2, 2, 1, 2,
    ]);
    expect(ps.every((p) => p.marginAssetPrecision === 8)).toBe(true);
    for (const p of ps) expect(state.markets[p.symbol]!.pricePrecision).toBe(p.pricePrecision);
  });

  it('has isolated open-order initial margin > 0', () => {
    expect(ps.some((p) => p.marginType === 'isolated' && new Dec(p.openOrderInitialMargin).gt(0))).toBe(true);
  });

  it.each(['USDT', 'BTC', 'ETH'])('%s: every cross term is non-zero and both limits are positive', (asset) => {
    const cross = crossInputFor(account, asset);
    for (const v of [
      cross.crossWalletBalance,
      cross.crossUnrealizedPnl,
      cross.crossInitialMargin,
      cross.crossMaintMargin,
      cross.isolatedOpenOrderInitialMargin,
    ]) {
      expect(new Dec(v).isZero()).toBe(false);
    }
    expect(maxAddable(cross).gt(0)).toBe(true);
    for (const p of ps.filter((q) => q.marginAsset === asset && q.marginType === 'isolated')) {
      expect(maxRemovable(toPositionInput(p)).amount.gt(0)).toBe(true);
    }
  });

  it('has positions in profit and in loss', () => {
    const cross = ['USDT', 'BTC', 'ETH'].map((a) => new Dec(crossInputFor(account, a).crossUnrealizedPnl));
    expect(cross.some((v) => v.gt(0))).toBe(true);
    expect(cross.some((v) => v.lt(0))).toBe(true);
  });

  it('gives a fresh object on each call', () => {
    const a = defaultScenario();
    (a.account.positions[0]!.brackets[0] as { cum: string }).cum = '999';
    expect(defaultScenario().account.positions[0]!.brackets[0]!.cum).toBe('0');
  });
});

describe('validateState', () => {
  it("accepts the bench's generated 200-position account", () => {
    expect(() => validateState(generateState(200))).not.toThrow();
  });

  // Each case breaks one field of the default scenario's BTCUSD_PERP position (one-way) or of the
  // ETHUSDT hedge pair; the error names what is wrong, so a hand-edited scenario link is refused
  // before anything renders.
  type Edit = (s: SimulatedState) => void;
  const position = (s: SimulatedState, symbol: string, side = 'BOTH') =>
    s.account.positions.find((p) => p.symbol === symbol && p.positionSide === side) as unknown as Record<
      string,
      unknown
    >;
  const cases: [string, Edit, RegExp][] = [
    [
      'positionSide not a side',
      (s) => (position(s, 'BTCUSD_PERP').positionSide = 'UP'),
      /BTCUSD_PERP\/UP\.positionSide/,
    ],
    [
      'marginType unknown',
      (s) => (position(s, 'BTCUSD_PERP').marginType = 'ISOLATED'),
      /BTCUSD_PERP\/BOTH\.marginType/,
    ],
    [
      'contractType unknown',
      (s) => (position(s, 'BTCUSD_PERP').contractType = 'perp'),
      /BTCUSD_PERP\/BOTH\.contractType/,
    ],
    ['no margin asset', (s) => (position(s, 'BTCUSD_PERP').marginAsset = ''), /BTCUSD_PERP\/BOTH\.marginAsset/],
    [
      'margin-asset precision not an integer',
      (s) => (position(s, 'BTCUSD_PERP').marginAssetPrecision = 2.5),
      /marginAssetPrecision/,
    ],
    [
      "price precision other than the market's",
      (s) => (position(s, 'BTCUSD_PERP').pricePrecision = 5),
      /BTCUSD_PERP\/BOTH\.pricePrecision/,
    ],
    ['a LONG side that is short', (s) => (position(s, 'ETHUSDT', 'LONG').positionAmt = '-4'), /wrong sign for LONG/],
    ['a SHORT side that is long', (s) => (position(s, 'ETHUSDT', 'SHORT').positionAmt = '2.5'), /wrong sign for SHORT/],
    [
      'one-way and hedge positions of one symbol',
      (s) => (position(s, 'ETHUSDT', 'SHORT').positionSide = 'BOTH'),
      /ETHUSDT has both one-way and hedge positions/,
    ],
  ];
  it.each(cases)('refuses %s, naming it', (_name, edit, message) => {
    const state = defaultScenario();
    edit(state);
    expect(() => validateState(state)).toThrow(RangeError);
    expect(() => validateState(state)).toThrow(message);
  });
});
