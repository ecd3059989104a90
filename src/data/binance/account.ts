import type { Bracket, ContractType } from '../../core/types';
import type { AccountSnapshot, AssetSnapshot, MarginType, PositionSide, PositionSnapshot } from '../../engine/types';
import { decimalString, isZeroDecimal, optionalDecimalString } from './decimal-string';
import type { BinanceSymbolInfo } from './exchange-info';
import type { BinanceMarket } from './options';
import { asArray, isRecord } from './payloads';

/** The default decimals of a margin asset's amounts. */
export const DEFAULT_ASSET_PRECISION = 8;

/** Reference data the position mapping needs besides the position rows. */
export interface PositionContext {
  market: BinanceMarket;
  symbols: ReadonlyMap<string, BinanceSymbolInfo>;
  brackets: ReadonlyMap<string, readonly Bracket[]>;
  /** Open-order initial margin per `positionKey(symbol, side)`; missing means "0". */
  openOrderInitialMargin?: ReadonlyMap<string, string>;
  /** Decimals per margin asset; missing assets use {@link DEFAULT_ASSET_PRECISION}. */
  assetPrecision?: Readonly<Record<string, number>>;
}

/** The key of one position: symbol and side (hedge mode has two per symbol). */
export function positionKey(symbol: string, side: string): string {
  return `${symbol}:${side}`;
}

/** `BOTH`, `LONG` or `SHORT` from a Binance `positionSide`/`ps` field (missing means `BOTH`). */
export function mapPositionSide(value: unknown): PositionSide {
  const side = typeof value === 'string' ? value.toUpperCase() : 'BOTH';
  if (side === 'BOTH' || side === 'LONG' || side === 'SHORT') return side;
  throw new TypeError(`Unknown Binance positionSide: ${JSON.stringify(value)}`);
}

/** `isolated` or `cross` from a Binance `marginType`/`mt` field ("isolated", "cross", "crossed", any case). */
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

/** Maps `assets[]` of the account endpoint to the cross wallet of each asset. */
export function mapAccountAssets(account: unknown): AssetSnapshot[] {
  const rows = isRecord(account) ? asArray(account.assets) : [];
  return rows.filter(isRecord).map((row) => ({
    asset: String(row.asset),
    crossWalletBalance: decimalString(row.crossWalletBalance, 'crossWalletBalance'),
  }));
}

/** Maps `positions[]` of the account endpoint to open-order initial margin per `positionKey`. */
export function mapOpenOrderMargins(account: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const rows = isRecord(account) ? asArray(account.positions) : [];
  for (const row of rows) {
    if (!isRecord(row) || typeof row.symbol !== 'string') continue;
    const margin = optionalDecimalString(row.openOrderInitialMargin, 'openOrderInitialMargin', '0');
    out.set(positionKey(row.symbol, mapPositionSide(row.positionSide)), margin);
  }
  return out;
}

/** The symbols of the open (non-zero) positions in a positionRisk response. */
export function openPositionSymbols(positionRisk: unknown): string[] {
  const symbols = new Set<string>();
  for (const row of asArray(positionRisk)) {
    if (!isRecord(row) || typeof row.symbol !== 'string') continue;
    if (!isZeroDecimal(decimalString(row.positionAmt, 'positionAmt'))) symbols.add(row.symbol);
  }
  return [...symbols];
}

/** Brackets of a symbol: by symbol, else by its pair (a `/dapi/v1` response is keyed by pair). */
function bracketsFor(ctx: PositionContext, info: BinanceSymbolInfo): readonly Bracket[] {
  return ctx.brackets.get(info.symbol) ?? (info.pair ? ctx.brackets.get(info.pair) : undefined) ?? [];
}

/**
 * Maps `GET /fapi/v2/positionRisk` / `/dapi/v1/positionRisk` rows to position snapshots. Rows with
 * `positionAmt` 0 are dropped. Values stay exact decimal strings; a cross position's `isolatedWallet`
 * is "0". Throws when a position's symbol is missing from `ctx.symbols` (exchangeInfo).
 */
export function mapPositionRisk(positionRisk: unknown, ctx: PositionContext): PositionSnapshot[] {
  const out: PositionSnapshot[] = [];
  for (const row of asArray(positionRisk)) {
    if (!isRecord(row) || typeof row.symbol !== 'string') continue;
    const positionAmt = decimalString(row.positionAmt, 'positionAmt');
    if (isZeroDecimal(positionAmt)) continue;
    const info = ctx.symbols.get(row.symbol);
    if (!info) throw new Error(`Binance exchangeInfo has no symbol ${row.symbol}`);
    const positionSide = mapPositionSide(row.positionSide);
    const marginType = mapMarginType(row.marginType);
    const position: PositionSnapshot = {
      symbol: row.symbol,
      positionSide,
      marginType,
      contractType: contractTypeOf(ctx.market),
      positionAmt,
      entryPrice: decimalString(row.entryPrice, 'entryPrice'),
      markPrice: decimalString(row.markPrice, 'markPrice'),
      leverage: decimalString(row.leverage, 'leverage'),
      isolatedWallet: marginType === 'cross' ? '0' : decimalString(row.isolatedWallet, 'isolatedWallet'),
      openOrderInitialMargin: ctx.openOrderInitialMargin?.get(positionKey(row.symbol, positionSide)) ?? '0',
      brackets: bracketsFor(ctx, info),
      marginAsset: info.marginAsset,
      marginAssetPrecision: ctx.assetPrecision?.[info.marginAsset] ?? DEFAULT_ASSET_PRECISION,
      pricePrecision: info.pricePrecision,
    };
    if (ctx.market === 'coinm') {
      if (info.contractSize === undefined)
        throw new Error(`Binance exchangeInfo has no contractSize for ${row.symbol}`);
      position.contractSize = info.contractSize;
    }
    out.push(position);
  }
  return out;
}

/**
 * Builds an account snapshot from the account endpoint (cross wallets, open-order margin) and
 * positionRisk (positions), with reference data from exchangeInfo and the leverage brackets.
 */
export function mapAccountSnapshot(
  account: unknown,
  positionRisk: unknown,
  ctx: Omit<PositionContext, 'openOrderInitialMargin'>,
  updateTime: number,
): AccountSnapshot {
  return {
    assets: mapAccountAssets(account),
    positions: mapPositionRisk(positionRisk, { ...ctx, openOrderInitialMargin: mapOpenOrderMargins(account) }),
    updateTime,
  };
}
