import type { BinanceMarket } from './options';

/** The REST paths the adapter uses on one market. */
export interface BinancePaths {
  account: string;
  positionRisk: string;
  leverageBracket: string;
  exchangeInfo: string;
  positionMargin: string;
}

/**
 * REST paths per market: USDⓈ-M `/fapi/v2/account`, `/fapi/v2/positionRisk`, `/fapi/v1/leverageBracket`…;
 * COIN-M `/dapi/v1/account`, `/dapi/v1/positionRisk`, `/dapi/v2/leverageBracket` (per symbol, in coin)…
 */
export function binancePaths(market: BinanceMarket): BinancePaths {
  return market === 'usdm'
    ? {
        account: '/fapi/v2/account',
        positionRisk: '/fapi/v2/positionRisk',
        leverageBracket: '/fapi/v1/leverageBracket',
        exchangeInfo: '/fapi/v1/exchangeInfo',
        positionMargin: '/fapi/v1/positionMargin',
      }
    : {
        account: '/dapi/v1/account',
        positionRisk: '/dapi/v1/positionRisk',
        leverageBracket: '/dapi/v2/leverageBracket',
        exchangeInfo: '/dapi/v1/exchangeInfo',
        positionMargin: '/dapi/v1/positionMargin',
      };
}
