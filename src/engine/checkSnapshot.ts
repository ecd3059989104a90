/**
 * Checks of what a data source hands the kit (issue 16: hostile or broken data must never hang,
 * blank or mislead). Pure functions over `unknown`: they read only the fields the kit knows, never
 * recurse into anything else, never throw, and build fresh objects holding only those fields.
 *
 * - A snapshot whose shape is wrong (not an object, `assets`/`positions` not lists, `updateTime` not
 *   a finite number, more rows than {@link SNAPSHOT_LIMITS}) fails as a whole.
 * - A position row that fails is **unavailable** with its {@link SnapshotProblem} when it can still
 *   be identified (a valid `symbol` and `positionSide`); otherwise it is dropped and counted. Two rows
 *   of one symbol and side are both unavailable (`duplicate`): neither can be trusted over the other.
 * - A position with `positionAmt` 0 is closed: it is left out, as the Binance adapter leaves it out.
 *   Every kept position is open, so its `entryPrice` must be > 0 (margin-math.md: the COIN-M PnL
 *   `size × CS × (1/EP − 1/MP)` divides by it, and a USDⓈ-M position bought at 0 has no meaningful
 *   PnL or liquidation price).
 * - An asset row that fails is left out; positions margined in it are unavailable (`assetUnavailable`):
 *   their Max addable would be computed from a wallet the kit cannot read.
 * - Decimal fields are canonical decimal strings, what Binance sends (`-?(0|[1-9]\d*)(\.\d+)?`):
 *   no exponent, no "Infinity", no padding. Bracket fields may also be finite JS numbers or
 *   Decimals, as the `Bracket` type allows. No amount ever goes through `Number()` or `parseFloat`.
 * - Brackets: a non-empty list, ascending (`notionalCap > notionalFloor`), contiguous (each floor is
 *   the previous cap), `cum ≥ 0`, `0 ≤ maintMarginRatio < 1`. Only the top cap may be unbounded:
 *   beyond the sane magnitude (the top tier applies past its cap anyway, margin-math.md; Binance
 *   writes such caps as 9223372036854775807).
 * - Names (`symbol`, `asset`, `marginAsset`) are 1–40 characters of letters, combining marks, decimal
 *   digits and `_ - / : .`: no control, format (bidi, zero-width) or space character, no comma.
 *   `toString`, `constructor` or `__proto__` are ordinary names: nothing here is keyed by a plain object.
 *
 * @module
 */
import { Dec, type Decimal } from '../core/decimal';
import type { Bracket, ContractType } from '../core/types';
import type {
  AccountSnapshot,
  AssetSnapshot,
  MarginType,
  MarkPriceUpdate,
  PositionSide,
  PositionSnapshot,
} from './types';

/** Why a snapshot, a position, an asset or a bracket is not used. */
export type SnapshotProblemCode =
  /** Not an object (null, a list, a string…). */
  | 'notAnObject'
  /** Not a list (`assets`, `positions`, `brackets`). */
  | 'notAList'
  /** An empty list where one entry is needed (`brackets`). */
  | 'empty'
  /** More entries than {@link SNAPSHOT_LIMITS} allows (`rows`, `brackets`). */
  | 'tooMany'
  /** Reading the field threw (a getter or a proxy of a custom source). */
  | 'unreadable'
  /** A required field is absent, `undefined` or `null`. */
  | 'missing'
  /** Not a name: empty, longer than 40, or a character other than letters, marks, digits and `_ - / : .`. */
  | 'notName'
  /** Not one of the allowed values (`positionSide`, `marginType`, `contractType`). */
  | 'notOneOf'
  /** Not a canonical decimal (an exponent, "Infinity", "NaN", padding, a JS number where a string is due…). */
  | 'notDecimal'
  /** Not a finite JS number (`updateTime`, `eventTime`). */
  | 'notFinite'
  /** Not an integer (`marginAssetPrecision`, `pricePrecision`). */
  | 'notInteger'
  /** Beyond the sane magnitude (|x| ≤ 1e15; a top bracket cap ≤ 1e20). */
  | 'tooLarge'
  /** More than 18 fraction digits. */
  | 'tooPrecise'
  /** Must be > 0 (`leverage`, `entryPrice`, `markPrice`, `contractSize`, a bracket's `notionalCap`). */
  | 'notPositive'
  /** Must be ≥ 0 (`openOrderInitialMargin`, a bracket's `notionalFloor` and `cum`). */
  | 'negative'
  /** Outside its range: `maintMarginRatio` not in [0, 1), a precision not in 0–18. */
  | 'outOfRange'
  /** `positionAmt` has the sign the other side holds (a LONG short, a SHORT long). */
  | 'wrongSign'
  /** A bracket's `notionalCap` is not above its `notionalFloor`. */
  | 'notAscending'
  /** A bracket's `notionalFloor` is not the previous bracket's `notionalCap`. */
  | 'notContiguous'
  /** A cap beyond the sane magnitude on a bracket other than the top one. */
  | 'unboundedCap'
  /** Two rows of one position (symbol and side) or of one asset. */
  | 'duplicate'
  /** The position's margin asset row is missing its valid wallet (it failed, or was duplicated). */
  | 'assetUnavailable'
  /** The source has no reference data for the symbol (exchange info, leverage brackets…). */
  | 'notListed';

const PROBLEM_CODES: ReadonlySet<string> = new Set<SnapshotProblemCode>([
  'notAnObject',
  'notAList',
  'empty',
  'tooMany',
  'unreadable',
  'missing',
  'notName',
  'notOneOf',
  'notDecimal',
  'notFinite',
  'notInteger',
  'tooLarge',
  'tooPrecise',
  'notPositive',
  'negative',
  'outOfRange',
  'wrongSign',
  'notAscending',
  'notContiguous',
  'unboundedCap',
  'duplicate',
  'assetUnavailable',
  'notListed',
]);

/** A field path as the checks write them (`entryPrice`, `brackets[2].cum`); anything else reads as no field. */
const FIELD_PATH = /^[A-Za-z0-9_.[\]]{0,60}$/;

/**
 * What is wrong and where: codes and field paths only, the UI words them. `field` is relative to the
 * row (`"leverage"`, `"brackets[2].cum"`) for a position or asset, or names the snapshot's own field
 * (`"positions"`, `"updateTime"`; `""` for the snapshot itself).
 */
export interface SnapshotProblem {
  readonly code: SnapshotProblemCode;
  readonly field: string;
}

/** A position that can be named but not used: the row says so, the dialog refuses to open on it. */
export interface UnavailablePosition {
  readonly symbol: string;
  readonly positionSide: PositionSide;
  /** Set when the row's own `marginAsset` is a valid name. */
  readonly marginAsset?: string;
  readonly problem: SnapshotProblem;
}

/** An asset row that can be named but not used. */
export interface UnavailableAsset {
  readonly asset: string;
  readonly problem: SnapshotProblem;
}

/** Result of {@link checkAccountSnapshot}. */
export type CheckedAccount =
  | {
      ok: true;
      /** Only the valid assets and open, valid positions, as fresh objects with the known fields. */
      account: AccountSnapshot;
      unavailable: readonly UnavailablePosition[];
      unavailableAssets: readonly UnavailableAsset[];
      /** Rows (positions or assets) that could not even be named, left out. */
      dropped: number;
    }
  | { ok: false; problem: SnapshotProblem };

/** The bounds the checks apply. */
export const SNAPSHOT_LIMITS = Object.freeze({
  /** Largest |value| of a size, price, balance, leverage or bracket field. */
  magnitude: '1e15',
  /** Largest top bracket cap (Binance writes an unbounded top tier as 9223372036854775807). */
  unboundedCap: '1e20',
  /** Most fraction digits of a decimal. */
  fractionDigits: 18,
  /** Largest `marginAssetPrecision` and `pricePrecision`. */
  precision: 18,
  /** Longest symbol or asset name, in UTF-16 code units. */
  nameLength: 40,
  /** Most assets, and most positions, in one snapshot. */
  rows: 10_000,
  /** Most brackets of one position. */
  brackets: 100,
});

const MAGNITUDE = /* @__PURE__ */ new Dec(SNAPSHOT_LIMITS.magnitude);
const UNBOUNDED_CAP = /* @__PURE__ */ new Dec(SNAPSHOT_LIMITS.unboundedCap);
/** Integer digits beyond which no value can be within either bound (skips decimal.js on long strings). */
const MAX_INTEGER_DIGITS = 21;
const ONE = /* @__PURE__ */ new Dec(1);

const POSITION_SIDES: readonly PositionSide[] = ['BOTH', 'LONG', 'SHORT'];
const MARGIN_TYPES: readonly MarginType[] = ['isolated', 'cross'];
const CONTRACT_TYPES: readonly ContractType[] = ['linear', 'inverse'];
const NAME = /^[\p{L}\p{M}\p{Nd}_\-/:.]+$/u;

/**
 * True for a name the checks accept as a symbol or asset: letters, combining marks, decimal digits
 * and `_ - / : .` (no control, bidi or other format character, no space, comma or markup). The
 * length is checked apart, against `SNAPSHOT_LIMITS.nameLength`.
 */
export function isSnapshotName(text: string): boolean {
  return NAME.test(text);
}

/** A check that failed: thrown inside a row's check, caught where the row is handled. */
class Fault {
  constructor(readonly problem: SnapshotProblem) {}
}

function fault(code: SnapshotProblemCode, field: string): never {
  throw new Fault({ code, field });
}

function problemOf(error: unknown, field: string): SnapshotProblem {
  return error instanceof Fault ? error.problem : { code: 'unreadable', field };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One field of a row (`field`, the path a problem names, defaults to `key`); a throwing getter is `unreadable`. */
function read(row: object, key: string, field = key): unknown {
  try {
    return (row as Record<string, unknown>)[key];
  } catch {
    return fault('unreadable', field);
  }
}

/** A list's entries, read once; not a list, or longer than `max`, fails. */
function listOf(value: unknown, field: string, max: number): unknown[] {
  if (value === undefined || value === null) return fault('missing', field);
  if (!Array.isArray(value)) return fault('notAList', field);
  let length: number;
  try {
    length = value.length;
  } catch {
    return fault('unreadable', field);
  }
  if (length > max) return fault('tooMany', field);
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) out.push(read(value, String(i), `${field}[${i}]`));
  return out;
}

function nameOf(value: unknown, field: string): string {
  if (value === undefined || value === null) return fault('missing', field);
  if (typeof value !== 'string' || value.length > SNAPSHOT_LIMITS.nameLength || !isSnapshotName(value)) {
    return fault('notName', field);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (value === undefined || value === null) return fault('missing', field);
  if (!(allowed as readonly unknown[]).includes(value)) return fault('notOneOf', field);
  return value as T;
}

/**
 * Canonical decimal text, `-?(0|[1-9]\d*)(\.\d+)?`: its digit counts, or null. The pattern is
 * anchored and has no nested quantifier, so it reads any text in one linear pass.
 */
const CANONICAL = /^-?(0|[1-9]\d*)(?:\.(\d+))?$/;

function scanDecimal(text: string): { integerDigits: number; fractionDigits: number } | null {
  const match = CANONICAL.exec(text);
  return match && { integerDigits: match[1]!.length, fractionDigits: match[2]?.length ?? 0 };
}

/** The text of a decimal field: a string; for bracket fields also a finite number or a Decimal. */
function decimalText(value: unknown, field: string, numbersToo: boolean): string {
  if (value === undefined || value === null) return fault('missing', field);
  if (typeof value === 'string') return value;
  if (numbersToo && typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (numbersToo && typeof value === 'object') {
    let text: string | null = null;
    try {
      if (Dec.isDecimal(value) && (value as Decimal).isFinite()) text = (value as Decimal).toFixed();
    } catch {
      return fault('unreadable', field);
    }
    if (text !== null) return text;
  }
  return fault('notDecimal', field);
}

/**
 * A decimal field within `bound` (default: the magnitude) and the precision bound, as a Decimal (for
 * the range checks); `numbersToo` for bracket fields.
 */
function decimalOf(value: unknown, field: string, numbersToo = false, bound = MAGNITUDE): Decimal {
  const text = decimalText(value, field, numbersToo);
  const shape = scanDecimal(text);
  if (!shape) return fault('notDecimal', field);
  if (shape.fractionDigits > SNAPSHOT_LIMITS.fractionDigits) return fault('tooPrecise', field);
  if (shape.integerDigits > MAX_INTEGER_DIGITS) return fault('tooLarge', field);
  const d = new Dec(text);
  if (d.abs().gt(bound)) return fault('tooLarge', field);
  return d;
}

function positive(value: unknown, field: string, numbersToo = false): Decimal {
  const d = decimalOf(value, field, numbersToo);
  if (!d.gt(0)) return fault('notPositive', field);
  return d;
}

const NONZERO = /[1-9]/;

/**
 * A canonical decimal string above 0 and below 10^15 (at most 15 integer digits) with at most
 * `SNAPSHOT_LIMITS.fractionDigits` fraction digits: what `positive` accepts, told from the text
 * alone (most mark prices are such; `positive` decides every other value).
 */
function isPlainPositive(value: unknown): boolean {
  if (typeof value !== 'string' || value[0] === '-') return false;
  const shape = scanDecimal(value);
  return (
    shape !== null &&
    shape.integerDigits <= 15 &&
    shape.fractionDigits <= SNAPSHOT_LIMITS.fractionDigits &&
    NONZERO.test(value)
  );
}

function nonNegative(value: unknown, field: string, numbersToo = false): Decimal {
  const d = decimalOf(value, field, numbersToo);
  if (d.isNegative() && !d.isZero()) return fault('negative', field);
  return d;
}

function precisionOf(value: unknown, field: string): number {
  if (value === undefined || value === null) return fault('missing', field);
  if (typeof value !== 'number' || !Number.isInteger(value)) return fault('notInteger', field);
  if (value < 0 || value > SNAPSHOT_LIMITS.precision) return fault('outOfRange', field);
  return value;
}

function finiteNumber(value: unknown, field: string): number {
  if (value === undefined || value === null) return fault('missing', field);
  if (typeof value !== 'number' || !Number.isFinite(value)) return fault('notFinite', field);
  return value;
}

function bracketsOf(value: unknown): Bracket[] {
  const rows = listOf(value, 'brackets', SNAPSHOT_LIMITS.brackets);
  if (rows.length === 0) return fault('empty', 'brackets');
  const out: Bracket[] = [];
  let previousCap: Decimal | null = null;
  rows.forEach((row, i) => {
    const at = `brackets[${i}]`;
    if (!isObject(row)) return fault('notAnObject', at);
    const top = i === rows.length - 1;
    const floorValue = read(row, 'notionalFloor', `${at}.notionalFloor`);
    const capValue = read(row, 'notionalCap', `${at}.notionalCap`);
    const mmrValue = read(row, 'maintMarginRatio', `${at}.maintMarginRatio`);
    const cumValue = read(row, 'cum', `${at}.cum`);
    const floor = nonNegative(floorValue, `${at}.notionalFloor`, true);
    const cap = decimalOf(capValue, `${at}.notionalCap`, true, UNBOUNDED_CAP);
    if (!cap.gt(0)) fault('notPositive', `${at}.notionalCap`);
    if (!top && cap.gt(MAGNITUDE)) fault('unboundedCap', `${at}.notionalCap`);
    if (!cap.gt(floor)) fault('notAscending', `${at}.notionalCap`);
    if (previousCap !== null && !floor.eq(previousCap)) fault('notContiguous', `${at}.notionalFloor`);
    const mmr = decimalOf(mmrValue, `${at}.maintMarginRatio`, true);
    if (mmr.isNegative() || !mmr.lt(ONE)) fault('outOfRange', `${at}.maintMarginRatio`);
    nonNegative(cumValue, `${at}.cum`, true);
    previousCap = cap;
    out.push({
      notionalFloor: floorValue as Bracket['notionalFloor'],
      notionalCap: capValue as Bracket['notionalCap'],
      maintMarginRatio: mmrValue as Bracket['maintMarginRatio'],
      cum: cumValue as Bracket['cum'],
    });
  });
  return out;
}

/** An identified position row: valid, closed (size 0), or unavailable with its problem. */
type PositionOutcome =
  | { kind: 'valid'; position: PositionSnapshot }
  | { kind: 'closed' }
  | { kind: 'unavailable'; problem: SnapshotProblem; marginAsset?: string };

/** The decimal fields of a position, in the order they are checked. */
const DECIMAL_FIELDS = [
  'positionAmt',
  'entryPrice',
  'markPrice',
  'leverage',
  'isolatedWallet',
  'openOrderInitialMargin',
] as const;

function checkPosition(row: object, symbol: string, positionSide: PositionSide): PositionOutcome {
  // Each field is read once: a getter cannot show the check one value and the kit another.
  const get = (key: string): unknown => read(row, key);
  const text = {} as Record<(typeof DECIMAL_FIELDS)[number], string>;
  for (const key of DECIMAL_FIELDS) text[key] = get(key) as string;
  const size = decimalOf(text.positionAmt, 'positionAmt');
  if (size.isZero()) return { kind: 'closed' };
  if ((positionSide === 'LONG' && size.isNegative()) || (positionSide === 'SHORT' && size.isPositive())) {
    fault('wrongSign', 'positionAmt');
  }
  const marginType = oneOf(get('marginType'), MARGIN_TYPES, 'marginType');
  const contractType = oneOf(get('contractType'), CONTRACT_TYPES, 'contractType');
  positive(text.entryPrice, 'entryPrice');
  positive(text.markPrice, 'markPrice');
  positive(text.leverage, 'leverage');
  decimalOf(text.isolatedWallet, 'isolatedWallet');
  nonNegative(text.openOrderInitialMargin, 'openOrderInitialMargin');
  const rawContractSize = get('contractSize');
  // A linear position needs no contract size; when it has one, it is checked all the same.
  const contractSize = rawContractSize === undefined || rawContractSize === null ? undefined : rawContractSize;
  if (contractType === 'inverse' || contractSize !== undefined) positive(contractSize, 'contractSize');
  const marginAsset = nameOf(get('marginAsset'), 'marginAsset');
  const marginAssetPrecision = precisionOf(get('marginAssetPrecision'), 'marginAssetPrecision');
  const pricePrecision = precisionOf(get('pricePrecision'), 'pricePrecision');
  const brackets = bracketsOf(get('brackets'));
  const position: PositionSnapshot = {
    symbol,
    positionSide,
    marginType,
    contractType,
    ...(contractSize === undefined ? {} : { contractSize: contractSize as string }),
    ...text,
    brackets,
    marginAsset,
    marginAssetPrecision,
    pricePrecision,
  };
  // Optional and only shown (the size's unit): a base asset that is not a valid name is left out.
  const baseAsset = validName(row, 'baseAsset');
  if (baseAsset !== undefined) position.baseAsset = baseAsset;
  return { kind: 'valid', position };
}

/** A row's name field when it is a valid name. */
function validName(row: object, key: string): string | undefined {
  try {
    return nameOf(read(row, key), key);
  } catch {
    return undefined;
  }
}

function positionOutcome(row: object, symbol: string, positionSide: PositionSide): PositionOutcome {
  try {
    return checkPosition(row, symbol, positionSide);
  } catch (error) {
    return { kind: 'unavailable', problem: problemOf(error, ''), marginAsset: validName(row, 'marginAsset') };
  }
}

/** The row's symbol and side, or null when it cannot be named. */
function identify(row: unknown): { symbol: string; positionSide: PositionSide } | null {
  if (!isObject(row)) return null;
  try {
    return {
      symbol: nameOf(read(row, 'symbol'), 'symbol'),
      positionSide: oneOf(read(row, 'positionSide'), POSITION_SIDES, 'positionSide'),
    };
  } catch {
    return null;
  }
}

interface AssetsChecked {
  valid: AssetSnapshot[];
  unavailable: Map<string, SnapshotProblem>;
  dropped: number;
}

function checkAssets(rows: readonly unknown[]): AssetsChecked {
  const unavailable = new Map<string, SnapshotProblem>();
  const byName = new Map<string, AssetSnapshot>();
  let dropped = 0;
  for (const row of rows) {
    const name = isObject(row) ? validName(row, 'asset') : undefined;
    if (name === undefined) {
      dropped++;
      continue;
    }
    if (byName.has(name) || unavailable.has(name)) {
      byName.delete(name);
      unavailable.set(name, { code: 'duplicate', field: 'asset' });
      continue;
    }
    try {
      const balance = read(row as object, 'crossWalletBalance');
      decimalOf(balance, 'crossWalletBalance');
      byName.set(name, { asset: name, crossWalletBalance: balance as string });
    } catch (error) {
      unavailable.set(name, problemOf(error, 'crossWalletBalance'));
    }
  }
  return { valid: [...byName.values()], unavailable, dropped };
}

function checkAccount(raw: unknown): CheckedAccount {
  if (!isObject(raw)) return fault('notAnObject', '');
  const assetRows = listOf(read(raw, 'assets'), 'assets', SNAPSHOT_LIMITS.rows);
  const positionRows = listOf(read(raw, 'positions'), 'positions', SNAPSHOT_LIMITS.rows);
  const updateTime = finiteNumber(read(raw, 'updateTime'), 'updateTime');

  const assets = checkAssets(assetRows);
  let dropped = assets.dropped;
  const outcomes = new Map<string, { symbol: string; positionSide: PositionSide; outcome: PositionOutcome }[]>();
  for (const row of positionRows) {
    const id = identify(row);
    if (!id) {
      dropped++;
      continue;
    }
    const key = `${id.positionSide}:${id.symbol}`;
    const entry = { ...id, outcome: positionOutcome(row as object, id.symbol, id.positionSide) };
    const same = outcomes.get(key);
    if (same) same.push(entry);
    else outcomes.set(key, [entry]);
  }

  const positions: PositionSnapshot[] = [];
  const unavailable: UnavailablePosition[] = sourceUnavailable(raw, outcomes);
  for (const rows of outcomes.values()) {
    const open = rows.filter((r) => r.outcome.kind !== 'closed');
    if (open.length === 0) continue;
    const { symbol, positionSide, outcome } = open[0]!;
    if (open.length > 1) {
      unavailable.push({ symbol, positionSide, problem: { code: 'duplicate', field: 'symbol' } });
    } else if (outcome.kind === 'unavailable') {
      const marginAsset = outcome.marginAsset === undefined ? {} : { marginAsset: outcome.marginAsset };
      unavailable.push({ symbol, positionSide, ...marginAsset, problem: outcome.problem });
    } else if (outcome.kind === 'valid' && assets.unavailable.has(outcome.position.marginAsset)) {
      const { marginAsset } = outcome.position;
      unavailable.push({
        symbol,
        positionSide,
        marginAsset,
        problem: { code: 'assetUnavailable', field: 'marginAsset' },
      });
    } else if (outcome.kind === 'valid') {
      positions.push(outcome.position);
    }
  }

  return {
    ok: true,
    account: { assets: assets.valid, positions, updateTime },
    unavailable,
    unavailableAssets: [...assets.unavailable].map(([asset, problem]) => ({ asset, problem })),
    dropped,
  };
}

/**
 * The positions the source itself reports as unreadable (`AccountSnapshot.unavailable`), checked like
 * any row: a nameable symbol and side, a known problem code (else 'unreadable') and a plain field
 * path. A position also present among the rows is left to the rows' own outcome.
 */
function sourceUnavailable(raw: object, rows: ReadonlyMap<string, unknown>): UnavailablePosition[] {
  let entries: unknown[];
  try {
    const list = read(raw, 'unavailable');
    entries = list === undefined || list === null ? [] : listOf(list, 'unavailable', SNAPSHOT_LIMITS.rows);
  } catch {
    // A garbled list of unreadable rows names no position: the readable rows still count.
    return [];
  }
  const result: UnavailablePosition[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const id = identify(entry);
    if (!id) continue;
    const key = `${id.positionSide}:${id.symbol}`;
    if (rows.has(key) || seen.has(key)) continue;
    seen.add(key);
    let problem: SnapshotProblem = { code: 'unreadable', field: '' };
    try {
      const p = read(entry as object, 'problem');
      if (isObject(p)) {
        const code = read(p, 'code', 'problem.code');
        const field = read(p, 'field', 'problem.field');
        problem = {
          code: typeof code === 'string' && PROBLEM_CODES.has(code) ? (code as SnapshotProblemCode) : 'unreadable',
          field: typeof field === 'string' && FIELD_PATH.test(field) ? field : '',
        };
      }
    } catch {
      // A problem that cannot be read is itself 'unreadable'.
    }
    result.push({ ...id, problem });
  }
  return result;
}

/**
 * Checks an account snapshot from any source. Never throws: a snapshot that cannot be used at all is
 * `{ ok: false, problem }`; otherwise the account holds only the valid assets and open valid
 * positions (fresh objects, unknown keys left behind), and `unavailable` names every position that
 * failed, with why.
 */
export function checkAccountSnapshot(raw: unknown): CheckedAccount {
  try {
    return checkAccount(raw);
  } catch (error) {
    return { ok: false, problem: problemOf(error, '') };
  }
}

/**
 * Checks one mark-price update: a valid symbol name, a canonical `markPrice` > 0 within the sane
 * magnitude and precision, a finite `eventTime`. Returns a fresh update, or `undefined` to ignore it.
 * Never throws.
 */
export function checkMarkPriceUpdate(raw: unknown): MarkPriceUpdate | undefined {
  if (!isObject(raw)) return undefined;
  try {
    const symbol = nameOf(read(raw, 'symbol'), 'symbol');
    const markPrice = read(raw, 'markPrice');
    // Parsed into a Decimal only when the text alone cannot tell: the engine parses the price it uses.
    if (!isPlainPositive(markPrice)) positive(markPrice, 'markPrice');
    const eventTime = finiteNumber(read(raw, 'eventTime'), 'eventTime');
    return { symbol, markPrice: markPrice as string, eventTime };
  } catch {
    return undefined;
  }
}
