import type { Bracket } from '../../core/types';
import { mapBrackets } from './brackets';
import { mapExchangeInfo, type BinanceSymbolInfo } from './exchange-info';
import type { BinanceRequest } from './options';
import type { BinancePaths } from './paths';

/** exchangeInfo and leverage brackets, as the position mapping needs them. */
export interface ReferenceData {
  symbols: ReadonlyMap<string, BinanceSymbolInfo>;
  brackets: ReadonlyMap<string, readonly Bracket[]>;
}

/**
 * exchangeInfo and the leverage brackets, fetched once and shared by concurrent callers. A failed
 * fetch is not cached; `refresh()` fetches both again.
 */
export class ReferenceDataCache {
  private pending: Promise<ReferenceData> | null = null;

  constructor(
    private readonly request: BinanceRequest,
    private readonly paths: BinancePaths,
  ) {}

  /** The cached data, fetching it the first time. */
  get(): Promise<ReferenceData> {
    if (!this.pending) {
      const pending = this.fetch();
      this.pending = pending;
      pending.catch(() => {
        if (this.pending === pending) this.pending = null;
      });
    }
    return this.pending;
  }

  /** Fetches both again (a new listing, changed brackets). */
  refresh(): Promise<ReferenceData> {
    this.pending = null;
    return this.get();
  }

  private async fetch(): Promise<ReferenceData> {
    const [info, brackets] = await Promise.all([
      this.request('GET', this.paths.exchangeInfo, {}),
      this.request('GET', this.paths.leverageBracket, {}),
    ]);
    return { symbols: mapExchangeInfo(info), brackets: mapBrackets(brackets) };
  }
}

/** True when reference data covers every symbol: it is in exchangeInfo and has brackets (by symbol or pair). */
export function coversSymbols(data: ReferenceData, symbols: readonly string[]): boolean {
  return symbols.every((symbol) => {
    const info = data.symbols.get(symbol);
    return (
      info !== undefined && (data.brackets.has(symbol) || (info.pair !== undefined && data.brackets.has(info.pair)))
    );
  });
}
