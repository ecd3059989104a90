/**
 * Generators and hand-written oracles for the fuzz and agreement tests.
 *
 * Nothing here calls the kit's parser or formatter: the oracle below is written from the rules in
 * `src/core/amount.ts`'s module doc and the spec ("Rounding and input rules"), with the locales'
 * separators typed in by hand, so it can disagree with the code.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { AmountErrorCode } from '../../src/core/amount';
import { defaultScenario, type SimulatedState } from '../../src/data/simulated';
import type { PositionSide } from '../../src/engine/types';

/** decimal.js with room for 50-digit integers and 30-digit fractions: exact for everything generated here. */
export const HD = Decimal.clone({ precision: 200, toExpNeg: -200, toExpPos: 200 });
export type HDecimal = InstanceType<typeof HD>;

// ---------------------------------------------------------------------------------------------
// Locales, by hand (what Intl.NumberFormat writes in Node 20 / ICU 7x, plus the documented extras)

export type FuzzLocale = 'en' | 'de' | 'fr' | 'de-CH' | 'en-IN' | 'ar-EG';

export interface LocaleRules {
  /** Characters read as the decimal separator. */
  decimals: readonly string[];
  /** Characters read as a group separator (interchangeable within a locale). */
  groups: readonly string[];
  /** Also accepts the Indian pattern (last group 3 digits, earlier ones 2). */
  indian: boolean;
  /** The other common decimal separator, a mistake the parser refuses (null: none). */
  wrongDecimal: string | null;
}

const SPACES = [' ', '\u00A0', '\u202F', '\u2009', '\u2007'] as const;

export const LOCALE_RULES: Readonly<Record<FuzzLocale, LocaleRules>> = {
  en: { decimals: ['.'], groups: [','], indian: false, wrongDecimal: ',' },
  de: { decimals: [','], groups: ['.'], indian: false, wrongDecimal: '.' },
  fr: { decimals: [','], groups: SPACES, indian: false, wrongDecimal: '.' },
  'de-CH': { decimals: ['.'], groups: ["'", '\u2019'], indian: false, wrongDecimal: ',' },
  'en-IN': { decimals: ['.'], groups: [','], indian: true, wrongDecimal: ',' },
  // Arabic separators, plus the Latin convention (documented for locales whose decimal is not ASCII).
  'ar-EG': { decimals: ['\u066B', '.'], groups: ['\u066C', ','], indian: false, wrongDecimal: null },
};

export const FUZZ_LOCALES = Object.keys(LOCALE_RULES) as FuzzLocale[];

/** Zero of each digit script used (each run of ten is 0–9 in order). */
export const DIGIT_ZEROS = [
  0x30, // ASCII
  0x660, // Arabic-Indic
  0x6f0, // Extended Arabic-Indic (Persian)
  0x966, // Devanagari
  0x9e6, // Bengali
  0xae6, // Gujarati
  0xbe6, // Tamil
  0xe50, // Thai
  0x1040, // Myanmar
  0x7c0, // NKo
  0xff10, // full-width
  0x1d7ce, // mathematical bold
  0x1d7d8, // mathematical double-struck
] as const;

/** Each digit of the table: its ASCII value and the zero of its script. */
const DIGIT_OF = new Map<string, { value: string; zero: number }>();
for (const zero of DIGIT_ZEROS) {
  for (let i = 0; i < 10; i++) DIGIT_OF.set(String.fromCodePoint(zero + i), { value: String(i), zero });
}

/** Full-width punctuation from CJK input methods, documented as read as ASCII. */
const FULL_WIDTH: Readonly<Record<string, string>> = { '\uFF0E': '.', '\uFF0C': ',', '\uFF07': "'" };

/** Invisible characters the parser documents as ignored: zero-width space, non-joiner, joiner, word joiner, BOM. */
export const IGNORED_INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'] as const;
const IGNORED_SET: ReadonlySet<string> = new Set(IGNORED_INVISIBLES);

/** The bidi controls the parser documents as refused anywhere: embeddings and overrides, isolates, LRM, RLM, ALM. */
export const BIDI_CONTROLS = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
] as const;
const BIDI_SET: ReadonlySet<string> = new Set(BIDI_CONTROLS);

/** The documented cap on an amount's text, in UTF-16 code units (typed here, not imported). */
export const AMOUNT_CAP = 64;

/** ECMAScript WhiteSpace and LineTerminator: what "leading/trailing whitespace" means. */
const WS_CLASS = '\\t\\n\\v\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
const TRIM_RE = new RegExp(`^[${WS_CLASS}]+|[${WS_CLASS}]+$`, 'gu');

/** Padding put around a typed or pasted amount. */
export const PADDING = [' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u202F', '\u3000', '\u2009', ' \t '] as const;

// ---------------------------------------------------------------------------------------------
// The oracle

export type Oracle =
  | { kind: 'ok'; value: string }
  | { kind: 'reject'; code?: AmountErrorCode }
  /** The text holds a Unicode digit of a script the oracle has no table for: value unknown. */
  | { kind: 'indeterminate' };

const escapeClass = (chars: readonly string[]) => chars.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');

const grammarCache = new Map<FuzzLocale, RegExp>();

/** `^(INT)(?:DEC(FRAC))?$` of a locale, over ASCII digits. */
function grammar(locale: FuzzLocale): RegExp {
  let re = grammarCache.get(locale);
  if (!re) {
    const rules = LOCALE_RULES[locale];
    const g = `[${escapeClass(rules.groups)}]`;
    const d = `[${escapeClass(rules.decimals)}]`;
    const grouped = `[1-9][0-9]{0,2}(?:${g}[0-9]{3})+`;
    const indian = rules.indian ? `|[1-9][0-9]?(?:${g}[0-9]{2})+${g}[0-9]{3}` : '';
    re = new RegExp(`^([0-9]*|${grouped}${indian})(?:${d}([0-9]*))?$`, 'u');
    grammarCache.set(locale, re);
  }
  return re;
}

/**
 * Text → ASCII digits and separators; or the refusal that comes before reading the number (over the
 * cap, a bidi control, digits of two scripts); or indeterminate when it holds an Nd digit the table
 * does not know.
 */
export function oracleNormalise(text: string): { kind: 'text'; text: string } | Oracle {
  if (text.length > AMOUNT_CAP) return { kind: 'reject', code: 'tooLong' };
  if ([...text].some((c) => BIDI_SET.has(c))) return { kind: 'reject', code: 'bidiControl' };
  const visible = [...text].filter((c) => !IGNORED_SET.has(c)).join('');
  const s = visible.replace(TRIM_RE, '');
  let out = '';
  const zeros = new Set<number>();
  for (const ch of s) {
    const digit = DIGIT_OF.get(ch);
    if (digit !== undefined) {
      out += digit.value;
      zeros.add(digit.zero);
    } else if (/^\p{Nd}$/u.test(ch)) return { kind: 'indeterminate' };
    else out += FULL_WIDTH[ch] ?? ch;
  }
  if (out === '') return { kind: 'reject', code: 'empty' };
  if (zeros.size > 1) return { kind: 'reject', code: 'mixedScripts' };
  return { kind: 'text', text: out };
}

/** The canonical string of typed digits: no leading zeros (one before "."), no trailing fraction zeros. */
export function canonicalOf(intDigits: string, fracDigits: string): string {
  const int = intDigits.replace(/^0+/, '') || '0';
  const frac = fracDigits.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** `max` rounded down to `decimals` by string surgery; null when unknown. */
export function floorMax(max: unknown, decimals: number): HDecimal | null {
  if (max === null || max === undefined) return null;
  let d: HDecimal;
  try {
    d = new HD(max as Decimal.Value);
  } catch {
    return null;
  }
  if (!d.isFinite()) return null;
  return d.toDecimalPlaces(decimals, HD.ROUND_DOWN);
}

/** What `parseAmount` must answer (code only for the checks made after the text is well formed). */
export function oracleParse(text: string, locale: FuzzLocale, decimals: number): Oracle {
  const normalised = oracleNormalise(text);
  if (normalised.kind !== 'text') return normalised;
  const s = normalised.text;
  const m = grammar(locale).exec(s);
  if (!m) return { kind: 'reject' };
  const intDigits = m[1]!.replace(/[^0-9]/g, '');
  const fracDigits = m[2] ?? '';
  if (intDigits === '' && fracDigits === '') return { kind: 'reject' };
  const value = canonicalOf(intDigits, fracDigits);
  const frac = value.split('.')[1] ?? '';
  if (frac.length > decimals) return { kind: 'reject', code: 'tooManyDecimals' };
  if (value === '0') return { kind: 'reject', code: 'zero' };
  return { kind: 'ok', value };
}

/** What `validateAmount` must answer, from the spec: `0 < amount ≤ max rounded down`, ≤ `decimals` digits. */
export function oracleValidate(text: string, locale: FuzzLocale, decimals: number, max: unknown): Oracle {
  const limit = floorMax(max, decimals);
  if (limit !== null && limit.lte(0)) return { kind: 'reject', code: 'noneAvailable' };
  const parsed = oracleParse(text, locale, decimals);
  if (parsed.kind !== 'ok') return parsed;
  if (limit === null) return { kind: 'reject', code: 'limitUnknown' };
  if (new HD(parsed.value).gt(limit)) return { kind: 'reject', code: 'overLimit' };
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Writing a known decimal the way a person would

export interface Layout {
  locale: FuzzLocale;
  grouping: 'none' | 'thousands' | 'indian';
  /** Decimal separator index into the locale's list. */
  decimal: number;
  /** Digit script: index into DIGIT_ZEROS (one script per number: mixing them is refused). */
  script: number;
  /** Drives the per-separator choices (mixed group characters of a locale). */
  mix: number;
}

/** A tiny deterministic PRNG (xorshift) for the mixed choices of a layout. */
function picker(seed: number): (n: number) => number {
  let x = seed | 0 || 0x9e3779b9;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

/** Splits integer digits into groups (3s, or Indian 3 then 2s). */
export function groupDigits(int: string, indian: boolean): string[] {
  if (int.length <= 3) return [int];
  const groups = [int.slice(-3)];
  let rest = int.slice(0, -3);
  const size = indian ? 2 : 3;
  while (rest.length > size) {
    groups.unshift(rest.slice(-size));
    rest = rest.slice(0, -size);
  }
  groups.unshift(rest);
  return groups;
}

/** Writes ASCII digits `int` [sep `frac`] in a layout. `point`: write the separator even with no fraction. */
export function writeNumber(int: string, frac: string, point: boolean, layout: Layout): string {
  const rules = LOCALE_RULES[layout.locale];
  const pick = picker(layout.mix);
  const digit = (ch: string) => String.fromCodePoint(DIGIT_ZEROS[layout.script]! + (ch.charCodeAt(0) - 48));
  const digits = (s: string) => [...s].map(digit).join('');
  const groups = layout.grouping === 'none' ? [int] : groupDigits(int, layout.grouping === 'indian');
  let out = digits(groups[0]!);
  for (const g of groups.slice(1)) out += rules.groups[pick(rules.groups.length)]! + digits(g);
  if (point || frac) out += rules.decimals[layout.decimal % rules.decimals.length]! + digits(frac);
  return out;
}

export const layoutArb = (locales: readonly FuzzLocale[] = FUZZ_LOCALES): fc.Arbitrary<Layout> =>
  fc
    .record({
      locale: fc.constantFrom(...locales),
      grouping: fc.constantFrom('none', 'none', 'thousands', 'indian'),
      decimal: fc.nat(1),
      script: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: DIGIT_ZEROS.length - 1 }) },
      ),
      mix: fc.integer(),
    })
    .map((l) => ({
      ...l,
      grouping: l.grouping === 'indian' && !LOCALE_RULES[l.locale].indian ? 'thousands' : l.grouping,
    }));

const digitsArb = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });

/** Integer digits: empty, small, medium, 16–24 digit ones (past 2^53), and 40–50 digit ones (often past the cap). */
export const intDigitsArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant('0') },
  { weight: 5, arbitrary: digitsArb(1, 4) },
  { weight: 4, arbitrary: digitsArb(5, 12) },
  { weight: 2, arbitrary: digitsArb(16, 24) },
  { weight: 1, arbitrary: digitsArb(40, 50) },
);

/** Fraction digits: none, a few, around 8, and up to 30; sometimes with trailing zeros. */
export const fracDigitsArb = fc
  .tuple(
    fc.oneof(
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 5, arbitrary: digitsArb(1, 8) },
      { weight: 3, arbitrary: digitsArb(8, 10) },
      { weight: 2, arbitrary: digitsArb(20, 30) },
    ),
    fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) }),
  )
  .map(([f, zeros]) => f + '0'.repeat(zeros));

export const decimalsArb = fc.constantFrom(0, 1, 2, 6, 8, 8, 8, 8, 10, 18, 30);

export const paddingArb = fc.array(fc.constantFrom(...PADDING), { maxLength: 2 }).map((a) => a.join(''));

/** Inserts characters of `pool` (default: the ignored invisible ones) at pseudo-random places. */
export function sprinkle(
  text: string,
  count: number,
  seed: number,
  pool: readonly string[] = IGNORED_INVISIBLES,
): string {
  if (count === 0) return text;
  const pick = picker(seed);
  const chars = [...text];
  for (let i = 0; i < count; i++) chars.splice(pick(chars.length + 1), 0, pool[pick(pool.length)]!);
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------
// Limits relative to a value

export type MaxKind =
  | 'equal'
  | 'stepAbove'
  | 'stepBelow'
  | 'extraDigits'
  | 'random'
  | 'huge'
  | 'zero'
  | 'negative'
  | 'belowStep'
  | 'null'
  | 'undefined'
  | 'garbage';

export const maxKindArb: fc.Arbitrary<MaxKind> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<MaxKind>('equal', 'stepAbove', 'stepBelow', 'extraDigits') },
  { weight: 3, arbitrary: fc.constantFrom<MaxKind>('random', 'huge') },
  { weight: 1, arbitrary: fc.constantFrom<MaxKind>('zero', 'negative', 'belowStep', 'null', 'undefined', 'garbage') },
);

/** A limit for `value` (a canonical decimal, or null when there is none), as the kit accepts it. */
export function maxFor(
  kind: MaxKind,
  value: string | null,
  decimals: number,
  random: string,
  asDecimal: boolean,
): unknown {
  const step = new HD(10).pow(-decimals);
  const v = value === null ? new HD(random) : new HD(value);
  let max: HDecimal | string | null | undefined;
  switch (kind) {
    case 'equal':
      max = v;
      break;
    case 'stepAbove':
      max = v.plus(step);
      break;
    case 'stepBelow':
      max = v.minus(step);
      break;
    case 'extraDigits':
      max = new HD(`${v.toFixed(decimals, HD.ROUND_DOWN)}${decimals === 0 ? '.' : ''}987654321`);
      break;
    case 'random':
      max = new HD(random);
      break;
    case 'huge':
      max = new HD(`9${'9'.repeat(55)}.5`);
      break;
    case 'zero':
      max = '0';
      break;
    case 'negative':
      max = new HD(random).negated().minus(1);
      break;
    case 'belowStep':
      max = step.div(2);
      break;
    case 'null':
      max = null;
      break;
    case 'undefined':
      max = undefined;
      break;
    case 'garbage':
      max = 'not a number';
      break;
  }
  if (max instanceof HD) return asDecimal ? max : max.toFixed();
  return max;
}

// ---------------------------------------------------------------------------------------------
// Simulated-exchange scenarios

export interface PositionKey {
  symbol: string;
  positionSide: PositionSide;
}

/** The isolated positions of `defaultScenario()`: USDⓈ-M hedge LONG/SHORT, COIN-M one-way long and short. */
export const ISOLATED_POSITIONS: readonly PositionKey[] = [
  { symbol: 'BTCUSDT', positionSide: 'LONG' },
  { symbol: 'ETHUSDT', positionSide: 'LONG' },
  { symbol: 'ETHUSDT', positionSide: 'SHORT' },
  { symbol: 'BTCUSD_PERP', positionSide: 'BOTH' },
  { symbol: 'ETHUSD_PERP', positionSide: 'BOTH' },
];

/** Cross positions, and positions that do not exist (wrong side in hedge / one-way mode). */
export const OTHER_POSITIONS: readonly PositionKey[] = [
  { symbol: 'SOLUSDT', positionSide: 'SHORT' },
  { symbol: 'BTCUSD_260626', positionSide: 'BOTH' },
  { symbol: 'BTCUSDT', positionSide: 'BOTH' },
  { symbol: 'BTCUSDT', positionSide: 'SHORT' },
  { symbol: 'ETHUSD_PERP', positionSide: 'LONG' },
];

/** A decimal string `n / 10^scale` from a bigint: no float involved. */
export function scaled(n: bigint, scale: number): string {
  return new HD(n.toString()).div(new HD(10).pow(scale)).toFixed();
}

const walletEditArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'keep' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('scale' as const),
      perMille: fc.integer({ min: 0, max: 3000 }),
      dust: fc.bigInt(0n, 10n ** 10n - 1n),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      value: fc.constantFrom('0', '0.00000001', '0.000000019', '-5', '1'),
    }),
  },
);

const isolatedEditArb = fc.record({
  wallet: walletEditArb,
  leverage: fc.option(fc.integer({ min: 1, max: 125 }), { nil: undefined, freq: 3 }),
  openOrderPerMille: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined, freq: 3 }),
});

const markMoveArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -300, max: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(-300, 300, 0) },
);

export const scenarioSpecArb = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  markPerMille: fc.array(markMoveArb, { minLength: 7, maxLength: 7 }),
  walletEdits: fc.array(walletEditArb, { minLength: 3, maxLength: 3 }),
  isolatedEdits: fc.array(isolatedEditArb, { minLength: 5, maxLength: 5 }),
});

export type ScenarioSpecValue = typeof scenarioSpecArb extends fc.Arbitrary<infer T> ? T : never;

function applyWallet(current: string, edit: ScenarioSpecValue['walletEdits'][number]): string {
  if (edit.kind === 'keep') return current;
  if (edit.kind === 'set') return edit.value;
  return new HD(current).times(edit.perMille).div(1000).plus(scaled(edit.dust, 10)).toFixed();
}

/**
 * `defaultScenario(seed)` with every mark moved by up to ±30 %, cross wallets and isolated wallets
 * edited, some leverages and open-order margins changed, latency 0. Plain JSON, valid for import.
 */
export function buildScenario(spec: ScenarioSpecValue): SimulatedState {
  const state = defaultScenario(spec.seed);
  state.latencyMs = 0;
  const symbols = Object.keys(state.markets).sort();
  symbols.forEach((symbol, i) => {
    const m = state.markets[symbol]!;
    const tick = new HD(10).pow(-m.pricePrecision);
    const moved = new HD(m.markPrice)
      .times(1000 + spec.markPerMille[i]!)
      .div(1000)
      .toDecimalPlaces(m.pricePrecision, HD.ROUND_HALF_UP);
    m.markPrice = HD.max(moved, tick).toFixed(m.pricePrecision);
  });
  state.account = {
    ...state.account,
    assets: state.account.assets.map((a, i) => ({
      ...a,
      crossWalletBalance: applyWallet(a.crossWalletBalance, spec.walletEdits[i]!),
    })),
    positions: state.account.positions.map((p) => {
      const index = ISOLATED_POSITIONS.findIndex((k) => k.symbol === p.symbol && k.positionSide === p.positionSide);
      if (index < 0) return { ...p, markPrice: state.markets[p.symbol]!.markPrice };
      const edit = spec.isolatedEdits[index]!;
      return {
        ...p,
        markPrice: state.markets[p.symbol]!.markPrice,
        isolatedWallet: HD.max(0, new HD(applyWallet(p.isolatedWallet, edit.wallet))).toFixed(),
        leverage: edit.leverage === undefined ? p.leverage : String(edit.leverage),
        openOrderInitialMargin:
          edit.openOrderPerMille === undefined
            ? p.openOrderInitialMargin
            : new HD(p.openOrderInitialMargin).times(edit.openOrderPerMille).div(1000).toFixed(),
      };
    }),
  };
  return state;
}

/** Marks by symbol from a state's markets. */
export function marksOfState(state: SimulatedState): Record<string, string> {
  return Object.fromEntries(Object.entries(state.markets).map(([s, m]) => [s, m.markPrice]));
}

// ---------------------------------------------------------------------------------------------
// Amounts a person types into the dialog, relative to the live max

export type AmountKind =
  | 'max'
  | 'maxPlusStep'
  | 'maxMinusStep'
  | 'percentExact'
  | 'percentDown'
  | 'extraDecimal'
  | 'trailingZeros'
  | 'leadingZeros'
  | 'fractionOfMax'
  | 'random'
  | 'tiny'
  | 'zero'
  | 'notANumber';

export const amountKindArb: fc.Arbitrary<AmountKind> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<AmountKind>('max', 'maxPlusStep', 'maxMinusStep') },
  {
    weight: 4,
    arbitrary: fc.constantFrom<AmountKind>(
      'percentExact',
      'percentDown',
      'extraDecimal',
      'trailingZeros',
      'leadingZeros',
    ),
  },
  { weight: 4, arbitrary: fc.constantFrom<AmountKind>('fractionOfMax', 'random', 'tiny') },
  { weight: 1, arbitrary: fc.constantFrom<AmountKind>('zero', 'notANumber') },
);

/** Typed amounts of the given kinds (default: all, weighted towards the max). */
export const typedAmountArbOf = (kind: fc.Arbitrary<AmountKind> = amountKindArb) =>
  fc.record({
    kind,
    k: fc.integer({ min: 1, max: 200 }),
    random: fc.bigInt(1n, 10n ** 14n),
    randomScale: fc.integer({ min: 0, max: 10 }),
    digit: fc.integer({ min: 1, max: 9 }),
    junk: fc.constantFrom(
      'abc',
      '1e3',
      '2E-2',
      '-5',
      '+1',
      '−0.5',
      'NaN',
      'Infinity',
      '∞',
      '$10',
      '10 USDT',
      '1_000',
      '0x10',
      '',
      '   ',
    ),
    locale: fc.constantFrom<FuzzLocale>('en', 'en', 'de', 'fr', 'de-CH', 'ar-EG'),
    grouping: fc.boolean(),
    script: fc.constantFrom(0, 0, 0, 1, 10),
    mix: fc.integer(),
  });

export const typedAmountArb = typedAmountArbOf();

export type TypedAmountSpec = typeof typedAmountArb extends fc.Arbitrary<infer T> ? T : never;

export interface TypedAmount {
  /** What is typed into the field. */
  text: string;
  /**
   * The same amount as the request's plain decimal string: canonical when the text denotes a decimal
   * (possibly 0, negative or with too many decimals), else the raw text.
   */
  wire: string;
}

/** The typed text (in the spec's locale) and the amount it means, given the live max (8-dp, ≥ 0) and the asset's decimals. */
export function typedAmount(spec: TypedAmountSpec, max: HDecimal, decimals: number): TypedAmount {
  const step = new HD(10).pow(-decimals);
  let value: HDecimal;
  let suffixZeros = 0;
  let leadingZeros = 0;
  switch (spec.kind) {
    case 'notANumber':
      return { text: spec.junk, wire: spec.junk };
    case 'max':
      value = max;
      break;
    case 'maxPlusStep':
      value = max.plus(step);
      break;
    case 'maxMinusStep':
      value = max.minus(step);
      break;
    case 'percentExact':
      value = max.times(spec.k).div(100);
      break;
    case 'percentDown':
      value = max.times(spec.k).div(100).toDecimalPlaces(decimals, HD.ROUND_DOWN);
      break;
    case 'extraDecimal':
      // one significant digit past the allowed precision
      value = max.plus(step.times(spec.digit).div(10));
      break;
    case 'trailingZeros':
      value = max.gt(0) ? max : new HD(scaled(spec.random, spec.randomScale));
      suffixZeros = 1 + (spec.k % 12);
      break;
    case 'leadingZeros':
      value = max.gt(0) ? max : new HD(scaled(spec.random, spec.randomScale));
      leadingZeros = 1 + (spec.k % 3);
      break;
    case 'fractionOfMax':
      value = max.times(spec.k).div(100).toDecimalPlaces(spec.randomScale, HD.ROUND_DOWN);
      break;
    case 'random':
      value = new HD(scaled(spec.random, spec.randomScale));
      break;
    case 'tiny':
      value = step.times(spec.k);
      break;
    case 'zero':
      value = new HD(0);
      suffixZeros = spec.k % 3;
      break;
  }
  const negative = value.isNegative() && !value.isZero();
  const plain = value.abs().toFixed();
  const [int = '0', frac = ''] = plain.split('.');
  const layout: Layout = {
    locale: spec.locale,
    grouping: spec.grouping && leadingZeros === 0 ? 'thousands' : 'none',
    decimal: 0,
    script: spec.locale === 'ar-EG' ? spec.script : 0,
    mix: spec.mix,
  };
  const text = writeNumber('0'.repeat(leadingZeros) + int, frac + '0'.repeat(suffixZeros), suffixZeros > 0, layout);
  const wire = canonicalOf(int, frac);
  return negative ? { text: `-${text}`, wire: `-${wire}` } : { text, wire };
}
