import { describe, expect, it } from 'vitest';
import { ar } from '../../src/locales/ar';
import { zhCN } from '../../src/locales/zh-CN';
import { defaultMessages } from '../../src/ui/messages';

const params = { asset: 'USDT', max: '10', maxText: '10', decimals: '2', decimalsText: '2', maxLength: '40' };

/**
 * Sample arguments for the builders that branch on them, one call per branch. Any other builder is
 * called with figures ('1 USDT', '2 USDT', '3', '4'); the amount error builders with error params.
 */
const samples: Readonly<Record<string, readonly (readonly unknown[])[]>> = {
  percentOfMax: [[25, '25']],
  confirm: [
    ['ADD', '1 USDT'],
    ['REMOVE', '1 USDT'],
    ['ADD', null],
    ['REMOVE', null],
  ],
  confirming: [
    ['ADD', '1 USDT'],
    ['REMOVE', '1 USDT'],
  ],
  receiptAction: [
    ['ADD', '1 USDT', 'BTCUSDT Long'],
    ['REMOVE', '1 USDT', 'BTCUSDT Long'],
  ],
  receiptSummary: [[['a', 'b']]],
  limitedBy: [['maintenanceMargin'], ['initialMargin']],
  limitExplanation: [['maintenanceMargin'], ['initialMargin']],
  follows: [[100], [50]],
  markAge: [
    [0, '0'],
    [3, '3'],
  ],
  feedState: [['live'], ['stale'], ['reconnecting']],
  hedgeSide: [['BOTH'], ['LONG'], ['SHORT']],
  targetWrongSide: [[true], [false]],
  targetBeyondMax: [
    ['ADD', '1'],
    ['REMOVE', null],
  ],
  exchangeSaid: [
    ['Margin is insufficient.', -2019],
    ['Margin is insufficient.', undefined],
  ],
  ladderText: [[{ mark: '1', entry: '2', liqNow: '3', liqAfter: '4' }]],
  unavailable: [
    ['is missing', 'leverage'],
    ['is missing', ''],
  ],
  'account.confirm': [['1 USDT'], [null]],
};
const errorSamples = [[params], [{ ...params, decimals: '0', bound: 'availableBalance' }], [{}]];

function argumentsFor(path: string): readonly (readonly unknown[])[] {
  if (path.startsWith('amountErrors.') || path.startsWith('targetPriceErrors.')) return errorSamples;
  return samples[path] ?? [['1 USDT', '2 USDT', '3', '4']];
}

type Leaf = { path: string; value: unknown };

/** Every leaf of a catalogue (strings and builders), by its dotted path, nested objects walked. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [{ path, value: node }];
}

function at(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    return (node as Record<string, unknown>)[key];
  }, root);
}

const english = leaves(defaultMessages);

describe.each([
  ['zh-CN', zhCN],
  ['ar', ar],
])('the %s catalogue', (_name, locale) => {
  it.each(english.map((leaf) => [leaf.path, leaf.value] as const))('translates %s', (path, value) => {
    const translated = at(locale.messages, path);
    expect(typeof translated, `${path} is missing or of another kind`).toBe(typeof value);
    if (typeof value === 'string') {
      expect((translated as string).trim(), path).not.toBe('');
      return;
    }
    const builder = translated as (...args: unknown[]) => unknown;
    for (const result of argumentsFor(path).map((args) => builder(...args))) {
      expect(typeof result, path).toBe('string');
      expect((result as string).trim(), path).not.toBe('');
    }
  });

  it('translates the sentences, not only copies the English', () => {
    const same = english.filter(
      (leaf) =>
        typeof leaf.value === 'string' && /[a-z]{3}/.test(leaf.value) && at(locale.messages, leaf.path) === leaf.value,
    );
    expect(same.map((leaf) => leaf.path)).toEqual([]);
  });

  it('has no key the English catalogue lacks (a misspelt key would never be read)', () => {
    const known = new Set(english.map((leaf) => leaf.path));
    expect(
      leaves(locale.messages)
        .filter((leaf) => !known.has(leaf.path))
        .map((leaf) => leaf.path),
    ).toEqual([]);
  });
});

describe('the locales', () => {
  it('name a tag Intl accepts and the direction of their script', () => {
    expect(Intl.getCanonicalLocales(zhCN.locale)).toEqual(['zh-CN']);
    expect(Intl.getCanonicalLocales(ar.locale)).toEqual(['ar']);
    expect(zhCN.dir).toBe('ltr');
    expect(ar.dir).toBe('rtl');
  });
});
