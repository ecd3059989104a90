import type { BinanceMarket } from './options';

/** The REST paths the adapter uses on one market. */
export interface BinancePaths {
  account: string;
  positionRisk: string;
  /** USDⓈ-M only: leverage and margin type per symbol (`/fapi/v3/positionRisk` rows carry neither). */
  symbolConfig: string | undefined;
  leverageBracket: string;
  exchangeInfo: string;
  positionMargin: string;
  listenKey: string;
}

/**
 * REST paths per market. USDⓈ-M: `/fapi/v3/account`, `/fapi/v3/positionRisk`, `/fapi/v1/symbolConfig`,
 * `/fapi/v1/leverageBracket`, `/fapi/v1/exchangeInfo`, `/fapi/v1/positionMargin`, `/fapi/v1/listenKey`.
 * COIN-M: `/dapi/v1/account`, `/dapi/v1/positionRisk`, `/dapi/v2/leverageBracket` (per symbol, in
 * coin), `/dapi/v1/exchangeInfo`, `/dapi/v1/positionMargin`, `/dapi/v1/listenKey`.
 */
export function binancePaths(market: BinanceMarket): BinancePaths {
  return market === 'usdm'
    ? {
        account: '/fapi/v3/account',
        positionRisk: '/fapi/v3/positionRisk',
        symbolConfig: '/fapi/v1/symbolConfig',
        leverageBracket: '/fapi/v1/leverageBracket',
        exchangeInfo: '/fapi/v1/exchangeInfo',
        positionMargin: '/fapi/v1/positionMargin',
        listenKey: '/fapi/v1/listenKey',
      }
    : {
        account: '/dapi/v1/account',
        positionRisk: '/dapi/v1/positionRisk',
        symbolConfig: undefined,
        leverageBracket: '/dapi/v2/leverageBracket',
        exchangeInfo: '/dapi/v1/exchangeInfo',
        positionMargin: '/dapi/v1/positionMargin',
        listenKey: '/dapi/v1/listenKey',
      };
}
