import { decimalString } from './decimal-string';
import { asArray, isRecord } from './payloads';

/** What the adapter keeps of a symbol from exchangeInfo. */
export interface BinanceSymbolInfo {
  symbol: string;
  /** The pair (COIN-M `BTCUSD` for `BTCUSD_PERP`), when given. */
  pair?: string;
  marginAsset: string;
  /** The base asset (BTC for BTCUSDT), when given. */
  baseAsset?: string;
  pricePrecision: number;
  /** COIN-M only: contract size in USD, as a decimal string. */
  contractSize?: string;
}

/**
 * Maps `GET /fapi/v1/exchangeInfo` / `/dapi/v1/exchangeInfo` to symbol info per symbol
 * (`marginAsset`, `pricePrecision`, COIN-M `contractSize`). A row it cannot read (no margin asset, a
 * precision that is not a whole number, a garbled contract size) is left out: its symbol's positions
 * become unavailable, the other symbols are unaffected.
 */
export function mapExchangeInfo(payload: unknown): Map<string, BinanceSymbolInfo> {
  const out = new Map<string, BinanceSymbolInfo>();
  const symbols = isRecord(payload) ? asArray(payload.symbols) : [];
  for (const row of symbols) {
    if (!isRecord(row) || typeof row.symbol !== 'string' || typeof row.marginAsset !== 'string') continue;
    if (typeof row.pricePrecision !== 'number' || !Number.isInteger(row.pricePrecision)) continue;
    const info: BinanceSymbolInfo = {
      symbol: row.symbol,
      marginAsset: row.marginAsset,
      pricePrecision: row.pricePrecision,
    };
    if (typeof row.pair === 'string') info.pair = row.pair;
    if (typeof row.baseAsset === 'string') info.baseAsset = row.baseAsset;
    if (row.contractSize !== undefined && row.contractSize !== null) {
      try {
        info.contractSize = decimalString(row.contractSize, 'contractSize');
      } catch {
        continue;
      }
    }
    out.set(row.symbol, info);
  }
  return out;
}
