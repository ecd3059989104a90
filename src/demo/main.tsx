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
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { FaultNotice } from '../ui/FaultNotice';
import { App } from './App';
import { binanceQuery, binanceSourceFor } from './binanceSource';
import { DemoController } from './controller';
import { DemoContext } from './DemoContext';
import { staleAfterMsFromQuery, throttleMsFromQuery } from './scenario';

const controller = new DemoController(window.location);
const binance = binanceQuery(window.location.search);
// A link pasted into this tab: its scenario replaces the current one (asking first if that was edited).
window.addEventListener('hashchange', () => controller.openLink(window.location.hash));
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
const container = document.getElementById('app');
if (!container) throw new Error('The demo page has no #app element.');

/** Leaves the scenario link and loads the page again: the default scenario. */
function openDefaultScenario(): void {
  window.history.replaceState(null, '', '#');
  window.location.reload();
}

// The page root catches a render fault anywhere below it: a short message with Retry, never a blank page.
const pageFault = (retry: () => void) => (
  <FaultNotice message="Part of the demo page could not be shown." retryLabel="Retry" onRetry={retry}>
    <button type="button" className="amk-button" onClick={openDefaultScenario}>
      Open the default scenario
    </button>
  </FaultNotice>
);

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary fallback={pageFault}>
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
    </ErrorBoundary>
  </StrictMode>,
);
