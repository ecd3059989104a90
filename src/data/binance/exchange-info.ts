import { decimalString } from './decimal-string';
import { asArray, isRecord } from './payloads';

/** What the adapter keeps of a symbol from exchangeInfo. */
export interface BinanceSymbolInfo {
  symbol: string;
  /** The pair (COIN-M `BTCUSD` for `BTCUSD_PERP`), when given. */
  pair?: string;
  marginAsset: string;
  pricePrecision: number;
  /** COIN-M only: contract size in USD, as a decimal string. */
  contractSize?: string;
}

/**
 * Maps `GET /fapi/v1/exchangeInfo` / `/dapi/v1/exchangeInfo` to symbol info per symbol
 * (`marginAsset`, `pricePrecision`, COIN-M `contractSize`).
 */
export function mapExchangeInfo(payload: unknown): Map<string, BinanceSymbolInfo> {
  const out = new Map<string, BinanceSymbolInfo>();
  const symbols = isRecord(payload) ? asArray(payload.symbols) : [];
  for (const row of symbols) {
    if (!isRecord(row) || typeof row.symbol !== 'string' || typeof row.marginAsset !== 'string') continue;
    const info: BinanceSymbolInfo = {
      symbol: row.symbol,
      marginAsset: row.marginAsset,
      pricePrecision: Number(row.pricePrecision),
    };
    if (typeof row.pair === 'string') info.pair = row.pair;
    if (row.contractSize !== undefined && row.contractSize !== null) {
      info.contractSize = decimalString(row.contractSize, 'contractSize');
    }
    out.set(row.symbol, info);
  }
  return out;
}
