import type { Bracket, ContractType } from '../../core/types';
import { Dec } from '../../core/decimal';
import { positionKey } from '../../engine/positionKey';
import type { AccountSnapshot, AssetSnapshot, MarginType, PositionSide, PositionSnapshot } from '../../engine/types';
import { decimalString, isZeroDecimal } from './decimal-string';
import type { BinanceSymbolInfo } from './exchange-info';
import { BinanceFieldError, fieldProblemOf, type BinanceFieldProblem } from './field-error';
import type { BinanceMarket } from './options';
import { asArray, isRecord } from './payloads';

/** The default decimals of a margin asset's amounts. */
export const DEFAULT_ASSET_PRECISION = 8;

/**
 * A position row the adapter could not read (a field missing or garbled, a symbol exchangeInfo does not
 * list): shown with its problem, never adjusted. The other rows of the account are unaffected.
 */
export interface UnavailablePosition {
  symbol: string;
  positionSide: PositionSide;
  /** What is wrong and where, e.g. `{ code: 'notDecimal', field: 'entryPrice' }`; the UI words it. */
  problem: BinanceFieldProblem;
}

/** An account snapshot from Binance: the positions read, and those that could not be (`unavailable`). */
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
export function mapPositionSide(value: unknown, field = 'positionSide'): PositionSide {
  const side = value === undefined || value === null ? 'BOTH' : typeof value === 'string' ? value.toUpperCase() : '';
  if (side === 'BOTH' || side === 'LONG' || side === 'SHORT') return side;
  throw new BinanceFieldError('notOneOf', field, `Binance field "${field}" is not BOTH, LONG or SHORT`);
}

/** `isolated` or `cross` from a Binance `marginType`/`mt` field ("isolated", "ISOLATED", "cross", "CROSSED"…). */
export function mapMarginType(value: unknown, field = 'marginType'): MarginType {
  if (value === undefined || value === null) {
    throw new BinanceFieldError('missing', field, `Binance field "${field}" is missing`);
  }
  const type = typeof value === 'string' ? value.toLowerCase() : '';
  if (type === 'isolated') return 'isolated';
  if (type === 'cross' || type === 'crossed') return 'cross';
  throw new BinanceFieldError('notOneOf', field, `Binance field "${field}" is not isolated or cross`);
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

function notListed(endpoint: string, symbol: string): BinanceFieldError {
  return new BinanceFieldError('notListed', endpoint, `Binance ${endpoint} has no usable entry for ${symbol}`);
}

/** Brackets of a symbol: by symbol, else by its pair (a `/dapi/v1` response is keyed by pair). */
function bracketsFor(ctx: PositionContext, info: BinanceSymbolInfo): readonly Bracket[] {
  const brackets = ctx.brackets.get(info.symbol) ?? (info.pair ? ctx.brackets.get(info.pair) : undefined);
  if (!brackets || brackets.length === 0) throw notListed('leverageBracket', info.symbol);
  return brackets;
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
 * {@link UnavailablePosition} with the problem when a field it needs is missing or garbled, or the
 * symbol has no usable exchangeInfo, symbolConfig (USDⓈ-M) or leverage brackets.
 */
export function mapPositionRow(row: unknown, ctx: PositionContext): PositionSnapshot | UnavailablePosition | null {
  if (!isRecord(row) || typeof row.symbol !== 'string') return null;
  const symbol = row.symbol;
  try {
    const positionAmt = decimalString(row.positionAmt, 'positionAmt');
    if (isZeroDecimal(positionAmt)) return null;
    const info = ctx.symbols.get(symbol);
    if (!info) throw notListed('exchangeInfo', symbol);
    const config = ctx.symbolConfigs ? ctx.symbolConfigs.get(symbol) : row;
    if (!config) throw notListed('symbolConfig', symbol);
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
    if (ctx.market === 'usdm' && info.baseAsset !== undefined) position.baseAsset = info.baseAsset;
    if (ctx.market === 'coinm') {
      if (info.contractSize === undefined) {
        throw new BinanceFieldError(
          'missing',
          'contractSize',
          `Binance exchangeInfo has no contractSize for ${symbol}`,
        );
      }
      position.contractSize = info.contractSize;
    }
    return position;
  } catch (error) {
    return { symbol, positionSide: readablePositionSide(row.positionSide), problem: fieldProblemOf(error) };
  }
}

function isUnavailable(value: PositionSnapshot | UnavailablePosition): value is UnavailablePosition {
  return 'problem' in value;
}

/**
 * Maps `GET /fapi/v3/positionRisk` / `/dapi/v1/positionRisk` rows: the positions (rows of size 0
 * dropped; values stay exact decimal strings; a cross position's `isolatedWallet` is "0") and, apart,
 * the rows that could not be read, each with its problem.
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
