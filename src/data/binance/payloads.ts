/**
 * Shapes of the Binance payloads the adapter reads, as documented (only the fields used here).
 * Decimal fields are strings unless noted; the mappers also accept numbers there.
 */

/** One row of `assets[]` in `GET /fapi/v3/account` / `/dapi/v1/account` (the field read here). */
export interface RawAccountAsset {
  asset: string;
  crossWalletBalance: string;
}

/**
 * One row of `positions[]` in `GET /dapi/v1/account` (the fields read here: the position's key and its
 * open orders' margin). `/fapi/v3/account` rows carry no `openOrderInitialMargin`: on USDⓈ-M it comes
 * from the positionRisk row.
 */
export interface RawAccountPosition {
  symbol: string;
  positionSide: string;
  openOrderInitialMargin?: string;
}

/** `GET /fapi/v3/account` / `/dapi/v1/account`. */
export interface RawAccount {
  assets: RawAccountAsset[];
  positions: RawAccountPosition[];
}

/**
 * One row of `GET /fapi/v3/positionRisk` or `/dapi/v1/positionRisk` (the fields read here).
 * `/fapi/v3` rows have `isolatedWallet` and `openOrderInitialMargin` but no `leverage` or
 * `marginType` (those come from `/fapi/v1/symbolConfig`); `/dapi/v1` rows have `leverage` and
 * `marginType` but no `isolatedWallet`, which is `isolatedMargin − unRealizedProfit`.
 */
export interface RawPositionRisk {
  symbol: string;
  positionSide: string;
  positionAmt: string;
  entryPrice: string;
  markPrice: string;
  unRealizedProfit: string;
  isolatedMargin: string;
  /** `/fapi/v3` only. */
  isolatedWallet?: string;
  /** `/fapi/v3` only. */
  openOrderInitialMargin?: string;
  /** `/dapi/v1` only: a string ("10"). */
  leverage?: string;
  /** `/dapi/v1` only: "isolated" or "cross". */
  marginType?: string;
}

/** One row of `GET /fapi/v1/symbolConfig`. */
export interface RawSymbolConfig {
  symbol: string;
  /** "ISOLATED" or "CROSSED". */
  marginType: string;
  /** A number (21). */
  leverage: number;
}

/** One tier of `GET /fapi/v1/leverageBracket` (numbers) or `/dapi/v2/leverageBracket` (in coin: `qtyFloor`/`qtyCap`). */
export interface RawBracketTier {
  bracket: number;
  initialLeverage: number;
  notionalCap?: number | string;
  notionalFloor?: number | string;
  qtyCap?: number | string;
  qtyFloor?: number | string;
  /** The COIN-M docs' spelling of `qtyFloor` in their examples; accepted too. */
  qtylFloor?: number | string;
  maintMarginRatio: number | string;
  cum: number | string;
}

/** One entry of a leverage-bracket response: per `symbol` (or per `pair` on `/dapi/v1`). */
export interface RawSymbolBrackets {
  symbol?: string;
  pair?: string;
  brackets: RawBracketTier[];
}

/** One row of `symbols[]` in `GET /fapi/v1/exchangeInfo` / `/dapi/v1/exchangeInfo`. */
export interface RawExchangeSymbol {
  symbol: string;
  pair?: string;
  marginAsset: string;
  pricePrecision: number;
  /** COIN-M only, a number (100 for BTCUSD). */
  contractSize?: number | string;
}

/** One balance of an `ACCOUNT_UPDATE` event (`a.B[]`). */
export interface RawUpdateBalance {
  a: string;
  wb: string;
  cw: string;
}

/** One position of an `ACCOUNT_UPDATE` event (`a.P[]`). */
export interface RawUpdatePosition {
  s: string;
  pa: string;
  ep: string;
  mt: string;
  iw: string;
  ps: string;
}

/** The user-data stream's `ACCOUNT_UPDATE` event. */
export interface RawAccountUpdate {
  e: 'ACCOUNT_UPDATE';
  E: number;
  a: { m?: string; B?: RawUpdateBalance[]; P?: RawUpdatePosition[] };
}

/** The `markPriceUpdate` event of `<symbol>@markPrice@1s`. */
export interface RawMarkPriceUpdate {
  e: 'markPriceUpdate';
  E: number;
  s: string;
  p: string;
}

/** `true` for a non-null object (narrowing helper for payload parsing). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A stream frame as an event object: JSON text is parsed (`undefined` when it is not JSON), and a
 * combined-stream wrapper `{ stream, data }` gives its `data`.
 */
export function unwrapFrame(frame: unknown): unknown {
  let value = frame;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return isRecord(value) && isRecord(value.data) && typeof value.stream === 'string' ? value.data : value;
}

/** The array itself, or a one-element array of a single object, or `[]`. */
export function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return isRecord(value) ? [value] : [];
}
