/**
 * The standalone demo page: the positions table and the Adjust Margin dialog on the simulated
 * exchange, with a playground whose scenario lives in the URL (`#scenario=…`).
 * Optional query: `?staleAfterMs=2000` (a shorter stale-price threshold, for tests) and
 * `?throttleMs=0` (live figures re-render on every tick; the default is the kit's 200 ms).
 * `?source=binance&rest=<proxy>&ws=<stream root>&market=usdm|coinm` shows the table on Binance
 * through the signing proxy of `examples/binance-proxy/` instead (see `binanceSource.ts`).
 */
import '../ui/adjust-margin.css';
import './demo.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MarginSourceProvider, PositionsTable } from '../index';
import { App } from './App';
import { binanceQuery, binanceSourceFor } from './binanceSource';
import { DemoController } from './controller';
import { DemoContext } from './DemoContext';
import { staleAfterMsFromQuery, throttleMsFromQuery } from './scenario';

const controller = new DemoController(window.location);
const binance = binanceQuery(window.location.search);
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
const container = document.getElementById('app');
if (!container) throw new Error('The demo page has no #app element.');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MarginSourceProvider
        source={binance.kind === 'binance' ? binanceSourceFor(binance) : controller.source}
        sourceKey={binance.kind === 'binance' ? 'binance' : 'demo'}
        throttleMs={throttleMsFromQuery(window.location.search)}
      >
        {binance.kind === 'refused' && (
          <p className="demo-note" role="alert">
            The Binance link was refused ({binance.problem}). Showing the simulated exchange.
          </p>
        )}
        {binance.kind === 'binance' ? (
          <PositionsTable staleAfterMs={staleAfterMsFromQuery(window.location.search)} />
        ) : (
          <DemoContext.Provider value={controller}>
            <App staleAfterMs={staleAfterMsFromQuery(window.location.search)} />
          </DemoContext.Provider>
        )}
      </MarginSourceProvider>
    </QueryClientProvider>
  </StrictMode>,
);
