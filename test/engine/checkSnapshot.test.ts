import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  checkAccountSnapshot,
  checkMarkPriceUpdate,
  SNAPSHOT_LIMITS,
  type CheckedAccount,
  type SnapshotProblem,
} from '../../src/engine/checkSnapshot';
import type { AccountSnapshot, PositionSnapshot } from '../../src/engine/types';
import { defaultScenario } from '../../src/data/simulated';
import { BRACKETS, btcLong, coinShort } from '../support/fakeSource';

/** An account of a valid BTCUSDT long, the given row, and a COIN-M short, with USDT and BTC wallets. */
function withRow(row: unknown): unknown {
  return {
    assets: [
      { asset: 'USDT', crossWalletBalance: '10000' },
      { asset: 'BTC', crossWalletBalance: '1.5' },
    ],
    positions: [btcLong({ positionSide: 'LONG' }), row, coinShort()],
    updateTime: 1_700_000_000_000,
  };
}

function checked(raw: unknown): Extract<CheckedAccount, { ok: true }> {
  const r = checkAccountSnapshot(raw);
  if (!r.ok) throw new Error(`expected an account, got ${JSON.stringify(r.problem)}`);
  return r;
}

/** The problem of the one unavailable row, checking that the two valid rows around it still work. */
function problemOfRow(row: Record<string, unknown>): SnapshotProblem {
  const r = checked(withRow(row));
  expect(r.account.positions.map((p) => `${p.symbol}:${p.positionSide}`)).toEqual(['BTCUSDT:LONG', 'BTCUSD_PERP:BOTH']);
  expect(r.unavailable).toHaveLength(1);
  expect(r.unavailable[0]).toMatchObject({ symbol: row.symbol, positionSide: row.positionSide });
  return r.unavailable[0]!.problem;
}

/** A valid USDⓈ-M short of ETHUSDT with some fields replaced. */
const eth = (over: Record<string, unknown>): Record<string, unknown> => ({
  ...btcLong({ symbol: 'ETHUSDT', positionSide: 'SHORT', positionAmt: '-2', entryPrice: '3000', markPrice: '3100' }),
  ...over,
});

/** The ETHUSDT short with one bracket table. */
const ethBrackets = (brackets: unknown) => eth({ brackets });

describe('checkAccountSnapshot: a valid snapshot', () => {
  it('passes unchanged, as fresh objects', () => {
    const raw = withRow(eth({})) as AccountSnapshot;
    const r = checked(raw);
    expect(r.account).toEqual(raw);
    expect(r.account).not.toBe(raw);
    expect(r.account.positions[0]).not.toBe(raw.positions[0]);
    expect(r.unavailable).toEqual([]);
    expect(r.unavailableAssets).toEqual([]);
    expect(r.dropped).toBe(0);
  });

  it("passes the simulated exchange's default scenario unchanged (USDⓈ-M and COIN-M, isolated and cross, hedge and one-way)", () => {
    const account = defaultScenario().account;
    expect(account.positions.some((p) => p.contractType === 'inverse')).toBe(true);
    expect(account.positions.some((p) => p.marginType === 'cross')).toBe(true);
    const r = checked(account);
    expect(r.account).toEqual(account);
    expect(r.unavailable).toEqual([]);
  });

  it('is a fixed point: a checked account checks to itself', () => {
    const once = checked(withRow(eth({ leverage: '-10' })));
    const twice = checked(once.account);
    expect(twice.account).toEqual(once.account);
    expect(twice.unavailable).toEqual([]);
  });

  it('leaves a closed position (positionAmt 0) out, as the Binance adapter does', () => {
    for (const positionAmt of ['0', '0.000', '-0']) {
      const r = checked(withRow(eth({ positionAmt, entryPrice: '0' })));
      expect(r.account.positions.map((p) => p.symbol)).toEqual(['BTCUSDT', 'BTCUSD_PERP']);
      expect(r.unavailable).toEqual([]);
    }
  });

  it('accepts bracket values as JS numbers and Decimals, as the Bracket type allows, and keeps them as given', () => {
    const brackets = [
      { notionalFloor: 0, notionalCap: 50000, maintMarginRatio: 0.004, cum: 0 },
      { notionalFloor: new Decimal(50000), notionalCap: '250000', maintMarginRatio: new Decimal('0.005'), cum: 50 },
    ];
    const r = checked(withRow(ethBrackets(brackets)));
    expect(r.account.positions[1]!.brackets).toEqual(brackets);
  });

  it('accepts an unbounded top cap, as Binance writes it (9223372036854775807)', () => {
    const brackets = [
      ...BRACKETS,
      { notionalFloor: '250000', notionalCap: '9223372036854775807', maintMarginRatio: '0.01', cum: '1300' },
    ];
    expect(checked(withRow(ethBrackets(brackets))).unavailable).toEqual([]);
  });
});

describe('checkAccountSnapshot: names', () => {
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'a symbol and an asset named %j are ordinary names',
    (name) => {
      const raw = {
        assets: [
          { asset: name, crossWalletBalance: '500' },
          { asset: 'USDT', crossWalletBalance: '10000' },
        ],
        positions: [btcLong({ symbol: name, marginAsset: name }), btcLong()],
        updateTime: 1,
      };
      const r = checked(raw);
      expect(r.account).toEqual(raw);
      expect(r.unavailable).toEqual([]);
    },
  );

  it.each([
    ['', 'empty'],
    ['BTC,USDT', 'a comma (lists were joined and split on it)'],
    ['BTC\u0000USDT', 'U+0000'],
    ['\u202EBTCUSDT', 'a bidi override'],
    ['BTC\u200BUSDT', 'a zero-width space'],
    ['BTCUSDT ', 'a trailing space (would look like BTCUSDT)'],
    ['BTC\nUSDT', 'a line feed'],
    ['B'.repeat(41), 'more than 40 characters'],
  ])('a row whose symbol is %j (%s) cannot be named: dropped and counted', (symbol) => {
    const r = checked(withRow(eth({ symbol })));
    expect(r.account.positions).toHaveLength(2);
    expect(r.unavailable).toEqual([]);
    expect(r.dropped).toBe(1);
  });

  it('a symbol that is not a string, or a row that is not an object, is dropped and counted', () => {
    for (const row of [eth({ symbol: 42 }), eth({ symbol: undefined }), null, 'BTCUSDT', [btcLong()], 7]) {
      expect(checked(withRow(row)).dropped).toBe(1);
    }
  });

  it('accepts letters of any script, digits, and _ - / : . (Binance, dated, CCXT-style symbols)', () => {
    for (const symbol of [
      'BTCUSD_250926',
      '1000SHIBUSDT',
      '币安人生USDT',
      'BTC-PERP',
      'BTC/USDT:USDT',
      'B'.repeat(40),
    ]) {
      expect(checked(withRow(eth({ symbol }))).unavailable).toEqual([]);
    }
  });

  it('a marginAsset that is not a name makes the row unavailable, without naming the asset', () => {
    const r = checked(withRow(eth({ marginAsset: 'US\u0000DT' })));
    expect(r.unavailable).toEqual([
      { symbol: 'ETHUSDT', positionSide: 'SHORT', problem: { code: 'notName', field: 'marginAsset' } },
    ]);
  });

  it('keeps a base asset that is a name; one that is not is left out, and the row stays available', () => {
    const kept = checked(withRow(eth({ baseAsset: 'ETH' })));
    expect(kept.account.positions[1]).toMatchObject({ symbol: 'ETHUSDT', baseAsset: 'ETH' });
    for (const baseAsset of ['E\u0000TH', '', 42, null]) {
      const r = checked(withRow(eth({ baseAsset })));
      expect(r.unavailable).toEqual([]);
      expect(r.account.positions[1]!.symbol).toBe('ETHUSDT');
      expect(r.account.positions[1]).not.toHaveProperty('baseAsset');
    }
  });

  it('an asset row that cannot be named is dropped and counted', () => {
    const raw = withRow(eth({})) as { assets: unknown[] };
    raw.assets.push({ asset: 'A,B', crossWalletBalance: '1' }, null);
    const r = checked(raw);
    expect(r.account.assets.map((a) => a.asset)).toEqual(['USDT', 'BTC']);
    expect(r.dropped).toBe(2);
  });
});

describe('checkAccountSnapshot: a position that fails is unavailable with its reason; the rest works', () => {
  it.each<[string, Record<string, unknown>, SnapshotProblem]>([
    // issue 16: leverage −10 and MMR −0.5 offered to remove 7,100 from a 3,000 wallet
    ['leverage −10', { leverage: '-10' }, { code: 'notPositive', field: 'leverage' }],
    ['leverage 0', { leverage: '0' }, { code: 'notPositive', field: 'leverage' }],
    ['mark price 0', { markPrice: '0' }, { code: 'notPositive', field: 'markPrice' }],
    ['entry price 0 on an open position', { entryPrice: '0' }, { code: 'notPositive', field: 'entryPrice' }],
    ['negative entry price', { entryPrice: '-3000' }, { code: 'notPositive', field: 'entryPrice' }],
    [
      'negative open-order margin',
      { openOrderInitialMargin: '-5' },
      { code: 'negative', field: 'openOrderInitialMargin' },
    ],
    ['a SHORT holding a long size', { positionAmt: '2' }, { code: 'wrongSign', field: 'positionAmt' }],
    ['marginType "ISOLATED"', { marginType: 'ISOLATED' }, { code: 'notOneOf', field: 'marginType' }],
    ['contractType missing', { contractType: undefined }, { code: 'missing', field: 'contractType' }],
    ['contractType "perpetual"', { contractType: 'perpetual' }, { code: 'notOneOf', field: 'contractType' }],
    ['a linear contract size of 0', { contractSize: '0' }, { code: 'notPositive', field: 'contractSize' }],
    ['pricePrecision 1.5', { pricePrecision: 1.5 }, { code: 'notInteger', field: 'pricePrecision' }],
    ['pricePrecision "2"', { pricePrecision: '2' }, { code: 'notInteger', field: 'pricePrecision' }],
    ['marginAssetPrecision 19', { marginAssetPrecision: 19 }, { code: 'outOfRange', field: 'marginAssetPrecision' }],
    ['marginAssetPrecision −1', { marginAssetPrecision: -1 }, { code: 'outOfRange', field: 'marginAssetPrecision' }],
  ])('%s', (_, over, problem) => {
    expect(problemOfRow(eth(over))).toEqual(problem);
  });

  it('a COIN-M position needs a contract size > 0 and an entry price > 0 (its PnL divides by it)', () => {
    const coin = (over: Partial<PositionSnapshot>) => ({ ...coinShort(over), symbol: 'ETHUSD_PERP' });
    expect(problemOfRow(coin({ entryPrice: '0' }))).toEqual({ code: 'notPositive', field: 'entryPrice' });
    expect(problemOfRow(coin({ contractSize: undefined }))).toEqual({ code: 'missing', field: 'contractSize' });
    expect(problemOfRow(coin({ contractSize: '-100' }))).toEqual({ code: 'notPositive', field: 'contractSize' });
  });

  it('a hedge-mode cross position with entry price 0 is unavailable too (it blanked the page on Edit)', () => {
    expect(problemOfRow(eth({ marginType: 'cross', isolatedWallet: '0', entryPrice: '0' }))).toEqual({
      code: 'notPositive',
      field: 'entryPrice',
    });
  });

  it('names the row and its margin asset', () => {
    const r = checked(withRow(eth({ leverage: '-10' })));
    expect(r.unavailable).toEqual([
      {
        symbol: 'ETHUSDT',
        positionSide: 'SHORT',
        marginAsset: 'USDT',
        problem: { code: 'notPositive', field: 'leverage' },
      },
    ]);
  });

  it('a row with an own "__proto__" key holding the fields does not get them from it', () => {
    const row = JSON.parse('{"symbol":"ETHUSDT","positionSide":"SHORT","__proto__":{"positionAmt":"-2"}}') as Record<
      string,
      unknown
    >;
    expect(problemOfRow(row)).toEqual({ code: 'missing', field: 'positionAmt' });
    expect(({} as Record<string, unknown>).positionAmt).toBeUndefined();
  });
});

describe('checkAccountSnapshot: decimal strings', () => {
  it.each<[string, unknown, SnapshotProblem['code']]>([
    ['"Infinity"', 'Infinity', 'notDecimal'],
    ['"NaN"', 'NaN', 'notDecimal'],
    ['"1e309"', '1e309', 'notDecimal'],
    ['1e309 as a JSON number (Infinity)', Number.POSITIVE_INFINITY, 'notDecimal'],
    ['a JS number where a string is due', 0.5, 'notDecimal'],
    ['"+0.5"', '+0.5', 'notDecimal'],
    ['".5"', '.5', 'notDecimal'],
    ['"0.5."', '0.5.', 'notDecimal'],
    ['"00.5"', '00.5', 'notDecimal'],
    ['" 0.5"', ' 0.5', 'notDecimal'],
    ['"0x10"', '0x10', 'notDecimal'],
    ['"1,5"', '1,5', 'notDecimal'],
    ['""', '', 'notDecimal'],
    ['"-"', '-', 'notDecimal'],
    ['"1." (a point with no fraction)', '1.', 'notDecimal'],
    ['"-.5"', '-.5', 'notDecimal'],
    ['"0.5" and a trailing line break', '0.5\n', 'notDecimal'],
    ['Arabic-Indic digits', '\u0661\u0662', 'notDecimal'],
    ['a million digits then a letter', '1'.repeat(1_000_000) + 'x', 'notDecimal'],
    ['1 followed by 309 zeros', '1' + '0'.repeat(309), 'tooLarge'],
    // 1e15 is the bound: one more hundredth is beyond it
    ['1000000000000000.01', '1000000000000000.01', 'tooLarge'],
    ['19 decimals', '0.' + '0'.repeat(18) + '1', 'tooPrecise'],
    ['more than 100 decimals (the formatter threw)', '0.' + '1'.repeat(101), 'tooPrecise'],
  ])('positionAmt %s → %s', (_, positionAmt, code) => {
    expect(problemOfRow(eth({ positionAmt }))).toEqual({ code, field: 'positionAmt' });
  });

  it('accepts the bounds themselves: 1e15 and 18 decimals', () => {
    const r = checked(withRow(eth({ positionAmt: '-1000000000000000', isolatedWallet: '0.' + '0'.repeat(17) + '1' })));
    expect(r.unavailable).toEqual([]);
    expect(SNAPSHOT_LIMITS).toMatchObject({ magnitude: '1e15', fractionDigits: 18 });
  });

  it('accepts negative balances and isolated wallets (losses), and trailing zeros as Binance sends them', () => {
    const r = checked(withRow(eth({ isolatedWallet: '-12.50000000', positionAmt: '-2.000' })));
    expect(r.unavailable).toEqual([]);
  });
});

describe('checkAccountSnapshot: brackets', () => {
  const cap = (notionalCap: unknown) => [
    { notionalFloor: '0', notionalCap, maintMarginRatio: '0.004', cum: '0' },
    { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '50' },
  ];

  it.each<[string, unknown, SnapshotProblem]>([
    ['missing', undefined, { code: 'missing', field: 'brackets' }],
    ['not a list', { 0: BRACKETS[0] }, { code: 'notAList', field: 'brackets' }],
    ['empty', [], { code: 'empty', field: 'brackets' }],
    ['[{}]', [{}], { code: 'missing', field: 'brackets[0].notionalFloor' }],
    ['[null]', [null], { code: 'notAnObject', field: 'brackets[0]' }],
    ['a list as a bracket', [['0', '50000', '0.004', '0']], { code: 'notAnObject', field: 'brackets[0]' }],
    [
      'notionalCap "Infinity" on the top bracket',
      [BRACKETS[0], { ...BRACKETS[1], notionalCap: 'Infinity' }],
      { code: 'notDecimal', field: 'brackets[1].notionalCap' },
    ],
    [
      'notionalCap Infinity as a number',
      cap(Number.POSITIVE_INFINITY),
      { code: 'notDecimal', field: 'brackets[0].notionalCap' },
    ],
    [
      'notionalCap NaN as a Decimal',
      cap(new Decimal(Number.NaN)),
      { code: 'notDecimal', field: 'brackets[0].notionalCap' },
    ],
    [
      'an unbounded cap below the top',
      cap('9223372036854775807'),
      { code: 'unboundedCap', field: 'brackets[0].notionalCap' },
    ],
    ['a cap at its floor', cap('0'), { code: 'notPositive', field: 'brackets[0].notionalCap' }],
    [
      'a cap below its floor',
      [{ ...BRACKETS[0], notionalFloor: '60000' }],
      { code: 'notAscending', field: 'brackets[0].notionalCap' },
    ],
    // the second floor must be the first cap, 50000
    ['a gap between tiers', cap('40000'), { code: 'notContiguous', field: 'brackets[1].notionalFloor' }],
    [
      'overlapping tiers',
      [BRACKETS[0], { ...BRACKETS[1], notionalFloor: '40000' }],
      { code: 'notContiguous', field: 'brackets[1].notionalFloor' },
    ],
    ['tiers out of order', [BRACKETS[1], BRACKETS[0]], { code: 'notContiguous', field: 'brackets[1].notionalFloor' }],
    [
      'a negative floor',
      [{ ...BRACKETS[0], notionalFloor: '-1' }],
      { code: 'negative', field: 'brackets[0].notionalFloor' },
    ],
    ['a negative cum', [BRACKETS[0], { ...BRACKETS[1], cum: '-50' }], { code: 'negative', field: 'brackets[1].cum' }],
    [
      'MMR −0.5',
      [{ ...BRACKETS[0], maintMarginRatio: '-0.5' }],
      { code: 'outOfRange', field: 'brackets[0].maintMarginRatio' },
    ],
    [
      'MMR 1',
      [{ ...BRACKETS[0], maintMarginRatio: '1' }],
      { code: 'outOfRange', field: 'brackets[0].maintMarginRatio' },
    ],
    [
      'a top cap beyond 1e20',
      [BRACKETS[0], { ...BRACKETS[1], notionalCap: '1' + '0'.repeat(21) }],
      { code: 'tooLarge', field: 'brackets[1].notionalCap' },
    ],
    [
      `${SNAPSHOT_LIMITS.brackets + 1} tiers`,
      Array.from({ length: SNAPSHOT_LIMITS.brackets + 1 }, (_, i) => ({
        notionalFloor: String(i),
        notionalCap: String(i + 1),
        maintMarginRatio: '0.01',
        cum: '0',
      })),
      { code: 'tooMany', field: 'brackets' },
    ],
  ])('%s', (_, brackets, problem) => {
    expect(problemOfRow(ethBrackets(brackets))).toEqual(problem);
  });

  it('accepts MMR 0 and 0.999, and a first floor above 0 (the first tier applies below it)', () => {
    const brackets = [
      { notionalFloor: '10', notionalCap: '50000', maintMarginRatio: '0', cum: '0' },
      { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.999', cum: '50' },
    ];
    expect(checked(withRow(ethBrackets(brackets))).unavailable).toEqual([]);
  });
});

describe('checkAccountSnapshot: assets', () => {
  it('an asset whose balance fails is left out; positions margined in it are unavailable, the others work', () => {
    const raw = withRow(eth({})) as { assets: { asset: string; crossWalletBalance: unknown }[] };
    raw.assets[1] = { asset: 'BTC', crossWalletBalance: 'Infinity' };
    const r = checked(raw);
    expect(r.account.assets).toEqual([{ asset: 'USDT', crossWalletBalance: '10000' }]);
    expect(r.unavailableAssets).toEqual([
      { asset: 'BTC', problem: { code: 'notDecimal', field: 'crossWalletBalance' } },
    ]);
    expect(r.unavailable).toEqual([
      {
        symbol: 'BTCUSD_PERP',
        positionSide: 'BOTH',
        marginAsset: 'BTC',
        problem: { code: 'assetUnavailable', field: 'marginAsset' },
      },
    ]);
    expect(r.account.positions.map((p) => p.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
  });

  it('two rows of one asset are both left out (duplicate): neither balance can be trusted', () => {
    const raw = withRow(eth({})) as { assets: unknown[] };
    raw.assets.push({ asset: 'USDT', crossWalletBalance: '99999' });
    const r = checked(raw);
    expect(r.account.assets.map((a) => a.asset)).toEqual(['BTC']);
    expect(r.unavailableAssets).toEqual([{ asset: 'USDT', problem: { code: 'duplicate', field: 'asset' } }]);
    expect(r.unavailable.map((u) => u.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
  });
});

describe('checkAccountSnapshot: duplicates and the snapshot itself', () => {
  it('two rows of one symbol and side are both unavailable (duplicate); a closed twin does not count', () => {
    const r = checked(withRow(btcLong({ positionSide: 'LONG', leverage: '20' })));
    expect(r.account.positions.map((p) => p.symbol)).toEqual(['BTCUSD_PERP']);
    expect(r.unavailable).toEqual([
      { symbol: 'BTCUSDT', positionSide: 'LONG', problem: { code: 'duplicate', field: 'symbol' } },
    ]);
    const closedTwin = checked(withRow(btcLong({ positionSide: 'LONG', positionAmt: '0' })));
    expect(closedTwin.account.positions.map((p) => p.symbol)).toEqual(['BTCUSDT', 'BTCUSD_PERP']);
  });

  it.each<[string, unknown, SnapshotProblem]>([
    ['null', null, { code: 'notAnObject', field: '' }],
    ['a list', [], { code: 'notAnObject', field: '' }],
    ['a string', '{"positions":[]}', { code: 'notAnObject', field: '' }],
    ['positions missing', { assets: [], updateTime: 1 }, { code: 'missing', field: 'positions' }],
    ['positions an object', { assets: [], positions: {}, updateTime: 1 }, { code: 'notAList', field: 'positions' }],
    ['assets a string', { assets: 'USDT', positions: [], updateTime: 1 }, { code: 'notAList', field: 'assets' }],
    [
      'updateTime NaN',
      { assets: [], positions: [], updateTime: Number.NaN },
      { code: 'notFinite', field: 'updateTime' },
    ],
    ['updateTime a string', { assets: [], positions: [], updateTime: '1' }, { code: 'notFinite', field: 'updateTime' }],
    ['updateTime missing', { assets: [], positions: [] }, { code: 'missing', field: 'updateTime' }],
    [
      `${SNAPSHOT_LIMITS.rows + 1} positions`,
      { assets: [], positions: new Array(SNAPSHOT_LIMITS.rows + 1).fill(null), updateTime: 1 },
      { code: 'tooMany', field: 'positions' },
    ],
  ])('a snapshot that is %s fails as a whole', (_, raw, problem) => {
    expect(checkAccountSnapshot(raw)).toEqual({ ok: false, problem });
  });
});

describe('checkAccountSnapshot: hostile objects', () => {
  /** An object nested `depth` levels deep, built without recursion. */
  function nested(depth: number): Record<string, unknown> {
    let value: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < depth; i++) value = { next: value };
    return value;
  }

  it('ignores deeply nested unknown keys without recursing, and leaves them behind', () => {
    const deep = nested(200_000);
    const raw = withRow({ ...eth({}), extra: deep }) as Record<string, unknown> & { positions: object[] };
    raw.extra = deep;
    raw.positions[0] = { ...raw.positions[0], extra: deep, brackets: [{ ...BRACKETS[0], extra: deep }, BRACKETS[1]] };
    const r = checked(raw);
    expect(r.unavailable).toEqual([]);
    expect(r.account.positions).toHaveLength(3);
    // nothing of the nesting is kept: the account serialises (JSON.stringify would overflow on `deep`)
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(JSON.stringify(r.account)).not.toContain('extra');
  });

  it('a throwing getter makes its row unavailable (unreadable), or the snapshot when it is the list', () => {
    const row = eth({});
    Object.defineProperty(row, 'leverage', {
      get() {
        throw new Error('boom');
      },
    });
    expect(problemOfRow(row)).toEqual({ code: 'unreadable', field: 'leverage' });
    const raw = { assets: [], updateTime: 1 };
    Object.defineProperty(raw, 'positions', {
      get() {
        throw new Error('boom');
      },
    });
    expect(checkAccountSnapshot(raw)).toEqual({ ok: false, problem: { code: 'unreadable', field: 'positions' } });
  });

  it('reads each field once: a getter cannot show the check one value and the kit another', () => {
    let reads = 0;
    const row = eth({});
    Object.defineProperty(row, 'leverage', {
      enumerable: true,
      get() {
        reads++;
        return reads === 1 ? '10' : '-10';
      },
    });
    const r = checked(withRow(row));
    expect(r.account.positions[1]!.leverage).toBe('10');
    expect(reads).toBe(1);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true }), (raw) => {
        const r = checkAccountSnapshot(raw);
        expect(typeof r.ok).toBe('boolean');
        expect(checkMarkPriceUpdate(raw)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('a snapshot with any one field of any row replaced never throws, and what it keeps checks valid again', () => {
    const junk = fc.oneof(
      fc.constantFrom('-10', '0', '-0.5', '1', 'Infinity', '1e309', '', '__proto__', 'A,B', '\u202E1', null, undefined),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.nat(), fc.nat(), junk, (rowIndex, fieldIndex, value) => {
        const raw = withRow(eth({})) as { positions: Record<string, unknown>[] };
        const row = raw.positions[rowIndex % raw.positions.length]!;
        const keys = Object.keys(row);
        raw.positions[rowIndex % raw.positions.length] = { ...row, [keys[fieldIndex % keys.length]!]: value };
        const r = checkAccountSnapshot(raw);
        if (!r.ok) throw new Error('one row cannot fail the snapshot');
        expect(r.account.positions.length + r.unavailable.length + r.dropped).toBeLessThanOrEqual(3);
        const again = checked(r.account);
        expect(again.account).toEqual(r.account);
        expect(again.unavailable).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('checkMarkPriceUpdate', () => {
  it('returns a fresh update holding the three fields', () => {
    const raw = { symbol: 'BTCUSDT', markPrice: '61000.5', eventTime: 1_700_000_000_000, e: 'markPriceUpdate' };
    const u = checkMarkPriceUpdate(raw);
    expect(u).toEqual({ symbol: 'BTCUSDT', markPrice: '61000.5', eventTime: 1_700_000_000_000 });
    expect(u).not.toBe(raw);
    expect(checkMarkPriceUpdate({ ...raw, symbol: '__proto__' })).toMatchObject({ symbol: '__proto__' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty symbol', { symbol: '' }],
    ['a symbol with a comma', { symbol: 'BTC,USDT' }],
    ['a symbol with U+0000', { symbol: 'BTC\u0000' }],
    ['mark price 0', { markPrice: '0' }],
    ['a negative mark price', { markPrice: '-1' }],
    ['mark price "Infinity"', { markPrice: 'Infinity' }],
    ['mark price as a number', { markPrice: 61000 }],
    ['mark price beyond 1e15', { markPrice: '1' + '0'.repeat(16) }],
    ['mark price 1e15 + 0.1', { markPrice: '1' + '0'.repeat(15) + '.1' }],
    ['mark price of 16 nines', { markPrice: '9'.repeat(16) }],
    ['mark price 0.000', { markPrice: '0.000' }],
    ['mark price -0.5', { markPrice: '-0.5' }],
    ['mark price "1e5"', { markPrice: '1e5' }],
    ['mark price " 1"', { markPrice: ' 1' }],
    ['mark price "1."', { markPrice: '1.' }],
    ['mark price ".5"', { markPrice: '.5' }],
    ['mark price "01.5"', { markPrice: '01.5' }],
    ['mark price with 19 fraction digits', { markPrice: '1.' + '0'.repeat(18) + '1' }],
    ['eventTime NaN', { eventTime: Number.NaN }],
    ['eventTime a string', { eventTime: '1700000000000' }],
  ])('ignores an update with %s', (_, over) => {
    expect(checkMarkPriceUpdate({ symbol: 'BTCUSDT', markPrice: '61000.5', eventTime: 1, ...over })).toBeUndefined();
  });

  it.each([
    ['15 integer digits', '9'.repeat(15) + '.5'],
    ['exactly 1e15', '1' + '0'.repeat(15)],
    ['exactly 1e15 with fraction zeros', '1' + '0'.repeat(15) + '.00'],
    ['18 fraction digits', '0.' + '0'.repeat(17) + '1'],
    ['a price below 1', '0.5'],
  ])('accepts a mark price of %s, as it is', (_, markPrice) => {
    expect(checkMarkPriceUpdate({ symbol: 'BTCUSDT', markPrice, eventTime: 1 })).toEqual({
      symbol: 'BTCUSDT',
      markPrice,
      eventTime: 1,
    });
  });
});

describe('positions the source reports as unreadable', () => {
  const account = (unavailable: unknown) =>
    ({
      assets: [{ asset: 'USDT', crossWalletBalance: '10000' }],
      positions: [btcLong()],
      updateTime: 1,
      unavailable,
    }) as unknown as Parameters<typeof checkAccountSnapshot>[0];

  it("are shown as unavailable with the source's code and field", () => {
    const checked = checkAccountSnapshot(
      account([{ symbol: 'ETHUSDT', positionSide: 'LONG', problem: { code: 'notDecimal', field: 'entryPrice' } }]),
    );
    expect(checked.ok && checked.unavailable).toEqual([
      { symbol: 'ETHUSDT', positionSide: 'LONG', problem: { code: 'notDecimal', field: 'entryPrice' } },
    ]);
    expect(checked.ok && checked.account.positions.map((p) => p.symbol)).toEqual(['BTCUSDT']);
  });

  it('with an unknown code or an odd field read as unreadable, never as the source wrote them', () => {
    const checked = checkAccountSnapshot(
      account([
        { symbol: 'ETHUSDT', positionSide: 'LONG', problem: { code: '<b>hi</b>', field: 'a b\u202E' } },
        { symbol: 'SOLUSDT', positionSide: 'BOTH' },
      ]),
    );
    expect(checked.ok && checked.unavailable.map((u) => u.problem)).toEqual([
      { code: 'unreadable', field: '' },
      { code: 'unreadable', field: '' },
    ]);
  });

  it('never override a row of the same position, and a garbled list is ignored', () => {
    const same = checkAccountSnapshot(
      account([{ symbol: 'BTCUSDT', positionSide: 'BOTH', problem: { code: 'missing', field: 'leverage' } }]),
    );
    expect(same.ok && same.unavailable).toEqual([]);
    expect(same.ok && same.account.positions).toHaveLength(1);
    const garbled = checkAccountSnapshot(account('not a list'));
    expect(garbled.ok && garbled.account.positions).toHaveLength(1);
  });
});
