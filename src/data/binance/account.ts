import type { Bracket, ContractType } from '../../core/types';
import { Dec } from '../../core/decimal';
import { positionKey } from '../../engine/positionKey';
import type { AccountSnapshot, AssetSnapshot, MarginType, PositionSide, PositionSnapshot } from '../../engine/types';
import { decimalString, isZeroDecimal } from './decimal-string';
import type { BinanceSymbolInfo } from './exchange-info';
import type { BinanceMarket } from './options';
import { asArray, isRecord } from './payloads';

/** The default decimals of a margin asset's amounts. */
export const DEFAULT_ASSET_PRECISION = 8;

/**
 * A position row the adapter could not read (a field missing or garbled, a symbol exchangeInfo does not
 * list): shown with its reason, never adjusted. The other rows of the account are unaffected.
 */
export interface UnavailablePosition {
  symbol: string;
  positionSide: PositionSide;
  /** Why, e.g. `Binance field "entryPrice" is not a decimal number: "n/a"`. */
  reason: string;
}

/** An account snapshot from Binance: the positions read, and those that could not be. */
export interface BinanceAccountSnapshot extends AccountSnapshot {
  unavailable: readonly UnavailablePosition[];
}

type Row = Readonly<Record<string, unknown>>;

/** Reference data the position mapping needs besides the position rows. */
export interface PositionContext {
  market: BinanceMarket;
  symbols: ReadonlyMap<string, BinanceSymbolInfo>;
  brackets: ReadonlyMap<string, readonly Bracket[]>;
  /**
   * USDⓈ-M: `GET /fapi/v1/symbolConfig` rows by symbol, for `leverage` and `marginType` (which
   * `/fapi/v3/positionRisk` rows do not carry). Without it, both are read from the position row (COIN-M).
   */
  symbolConfigs?: ReadonlyMap<string, Row>;
  /** The account endpoint's `positions[]` rows by `positionKey`, for `openOrderInitialMargin` (COIN-M). */
  accountPositions?: ReadonlyMap<string, Row>;
  /** Decimals per margin asset; missing assets use {@link DEFAULT_ASSET_PRECISION}. */
  assetPrecision?: Readonly<Record<string, number>>;
}

/** `BOTH`, `LONG` or `SHORT` from a Binance `positionSide`/`ps` field (missing means `BOTH`). */
export function mapPositionSide(value: unknown): PositionSide {
  const side = typeof value === 'string' ? value.toUpperCase() : 'BOTH';
  if (side === 'BOTH' || side === 'LONG' || side === 'SHORT') return side;
  throw new TypeError(`Unknown Binance positionSide: ${JSON.stringify(value)}`);
}

/** `isolated` or `cross` from a Binance `marginType`/`mt` field ("isolated", "ISOLATED", "cross", "CROSSED"…). */
export function mapMarginType(value: unknown): MarginType {
  const type = typeof value === 'string' ? value.toLowerCase() : '';
  if (type === 'isolated') return 'isolated';
  if (type === 'cross' || type === 'crossed') return 'cross';
  throw new TypeError(`Unknown Binance marginType: ${JSON.stringify(value)}`);
}

/** `linear` on USDⓈ-M, `inverse` on COIN-M. */
export function contractTypeOf(market: BinanceMarket): ContractType {
  return market === 'usdm' ? 'linear' : 'inverse';
}

/** Maps `assets[]` of the account endpoint to the cross wallet of each asset. Throws on a garbled balance. */
export function mapAccountAssets(account: unknown): AssetSnapshot[] {
  const rows = isRecord(account) ? asArray(account.assets) : [];
  return rows.filter(isRecord).map((row) => ({
    asset: String(row.asset),
    crossWalletBalance: decimalString(row.crossWalletBalance, 'crossWalletBalance'),
  }));
}

/** Rows of a list payload by symbol (`/fapi/v1/symbolConfig`); rows without a symbol are left out. */
export function rowsBySymbol(payload: unknown): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of asArray(payload)) if (isRecord(row) && typeof row.symbol === 'string') out.set(row.symbol, row);
  return out;
}

/** The account endpoint's `positions[]` rows by `positionKey`; rows without a symbol or a readable side are left out. */
export function accountPositionRows(account: unknown): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of isRecord(account) ? asArray(account.positions) : []) {
    if (!isRecord(row) || typeof row.symbol !== 'string') continue;
    try {
      out.set(positionKey(row.symbol, mapPositionSide(row.positionSide)), row);
    } catch {
      // a row whose side cannot be read belongs to no position
    }
  }
  return out;
}

/** The symbols of the open (non-zero) positions in a positionRisk response; unreadable rows are left out. */
export function openPositionSymbols(positionRisk: unknown): string[] {
  const symbols = new Set<string>();
  for (const row of asArray(positionRisk)) {
    if (!isRecord(row) || typeof row.symbol !== 'string') continue;
    try {
      if (!isZeroDecimal(decimalString(row.positionAmt, 'positionAmt'))) symbols.add(row.symbol);
    } catch {
      // an unreadable amount: the row becomes unavailable when mapped
    }
  }
  return [...symbols];
}

/** Brackets of a symbol: by symbol, else by its pair (a `/dapi/v1` response is keyed by pair). */
function bracketsFor(ctx: PositionContext, info: BinanceSymbolInfo): readonly Bracket[] {
  return ctx.brackets.get(info.symbol) ?? (info.pair ? ctx.brackets.get(info.pair) : undefined) ?? [];
}

/**
 * The isolated wallet of a row: `isolatedWallet` when the row has it (`/fapi/v3/positionRisk`), else
 * `isolatedMargin − unRealizedProfit` (`/dapi/v1/positionRisk` documents no `isolatedWallet`; its
 * `isolatedMargin` is the wallet plus the position's unrealized PnL).
 */
function isolatedWalletOf(row: Row): string {
  if (row.isolatedWallet !== undefined && row.isolatedWallet !== null) {
    return decimalString(row.isolatedWallet, 'isolatedWallet');
  }
  const margin = decimalString(row.isolatedMargin, 'isolatedMargin');
  const pnl = decimalString(row.unRealizedProfit, 'unRealizedProfit');
  return new Dec(margin).minus(pnl).toFixed();
}

function readablePositionSide(value: unknown): PositionSide {
  try {
    return mapPositionSide(value);
  } catch {
    return 'BOTH';
  }
}

/**
 * One positionRisk row as a position, `null` for a row of size 0 (or without a symbol), or an
 * {@link UnavailablePosition} with the reason when a field it needs is missing or garbled.
 */
export function mapPositionRow(row: unknown, ctx: PositionContext): PositionSnapshot | UnavailablePosition | null {
  if (!isRecord(row) || typeof row.symbol !== 'string') return null;
  const symbol = row.symbol;
  try {
    const positionAmt = decimalString(row.positionAmt, 'positionAmt');
    if (isZeroDecimal(positionAmt)) return null;
    const info = ctx.symbols.get(symbol);
    if (!info) throw new Error(`Binance exchangeInfo has no symbol ${symbol}`);
    const config = ctx.symbolConfigs ? ctx.symbolConfigs.get(symbol) : row;
    if (!config) throw new Error(`Binance symbolConfig has no symbol ${symbol}`);
    const positionSide = mapPositionSide(row.positionSide);
    const marginType = mapMarginType(config.marginType);
    const ownOrders =
      row.openOrderInitialMargin ??
      ctx.accountPositions?.get(positionKey(symbol, positionSide))?.openOrderInitialMargin;
    const position: PositionSnapshot = {
      symbol,
      positionSide,
      marginType,
      contractType: contractTypeOf(ctx.market),
      positionAmt,
      entryPrice: decimalString(row.entryPrice, 'entryPrice'),
      markPrice: decimalString(row.markPrice, 'markPrice'),
      leverage: decimalString(config.leverage, 'leverage'),
      isolatedWallet: marginType === 'cross' ? '0' : isolatedWalletOf(row),
      openOrderInitialMargin:
        ownOrders === undefined || ownOrders === null ? '0' : decimalString(ownOrders, 'openOrderInitialMargin'),
      brackets: bracketsFor(ctx, info),
      marginAsset: info.marginAsset,
      marginAssetPrecision: ctx.assetPrecision?.[info.marginAsset] ?? DEFAULT_ASSET_PRECISION,
      pricePrecision: info.pricePrecision,
    };
    if (ctx.market === 'coinm') {
      if (info.contractSize === undefined) throw new Error(`Binance exchangeInfo has no contractSize for ${symbol}`);
      position.contractSize = info.contractSize;
    }
    return position;
  } catch (error) {
    return {
      symbol,
      positionSide: readablePositionSide(row.positionSide),
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

function isUnavailable(value: PositionSnapshot | UnavailablePosition): value is UnavailablePosition {
  return 'reason' in value;
}

/**
 * Maps `GET /fapi/v3/positionRisk` / `/dapi/v1/positionRisk` rows: the positions (rows of size 0
 * dropped; values stay exact decimal strings; a cross position's `isolatedWallet` is "0") and, apart,
 * the rows that could not be read, each with its reason.
 */
export function mapPositionRisk(
  positionRisk: unknown,
  ctx: PositionContext,
): { positions: PositionSnapshot[]; unavailable: UnavailablePosition[] } {
  const positions: PositionSnapshot[] = [];
  const unavailable: UnavailablePosition[] = [];
  for (const row of asArray(positionRisk)) {
    const mapped = mapPositionRow(row, ctx);
    if (mapped === null) continue;
    if (isUnavailable(mapped)) unavailable.push(mapped);
    else positions.push(mapped);
  }
  return { positions, unavailable };
}

/**
 * Builds an account snapshot from the account endpoint (cross wallets; COIN-M open-order margin),
 * positionRisk (positions), USDⓈ-M symbolConfig (leverage, margin type), exchangeInfo and the
 * leverage brackets.
 */
export function mapAccountSnapshot(
  account: unknown,
  positionRisk: unknown,
  ctx: Omit<PositionContext, 'accountPositions'>,
  updateTime: number,
): BinanceAccountSnapshot {
  const { positions, unavailable } = mapPositionRisk(positionRisk, {
    ...ctx,
    accountPositions: accountPositionRows(account),
  });
  return { assets: mapAccountAssets(account), positions, unavailable, updateTime };
}
