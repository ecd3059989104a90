/**
 * The README's integrator examples, as an app would write them, against the installed tarball.
 * test/consumer/run.mjs type-checks this (tsc --noEmit), builds it (vite build) and renders it in Chromium.
 */
import 'adjust-margin-kit/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  AdjustMarginDialog,
  AdjustMarginError,
  DEFAULT_THROTTLE_MS,
  MarginSourceProvider,
  PositionsTable,
  accountQueryOptions,
  defaultMessages,
  marginKeys,
  maxRemovable,
  parseAmount,
  useMarginLimits,
  type AdjustMarginErrorKind,
  type AdjustMarginMessages,
  type AdjustMarginRequest,
  type AdjustMarginResult,
} from 'adjust-margin-kit';
import { createSimulatedExchange, type SimulatedExchange } from 'adjust-margin-kit/simulated';
import { binanceEntry } from './binance';

const queryClient = new QueryClient();
const source: SimulatedExchange = createSimulatedExchange({ seed: 7, rateHz: 2, latencyMs: 50, autoStart: true });

// marginKeys / accountQueryOptions: prefetch and invalidate through the app's own QueryClient.
void queryClient.prefetchQuery(accountQueryOptions(source));
const accountKey: readonly unknown[] = marginKeys.account();
const allKey: readonly unknown[] = marginKeys.all('default');

// Every AdjustMarginError kind the README lists, no more and no fewer (a Record rejects both).
const kindText: Record<AdjustMarginErrorKind, string> = {
  insufficientCrossBalance: 'Not enough cross balance',
  insufficientIsolatedBalance: 'Not enough isolated margin',
  noPosition: 'No position',
  invalidAmount: 'Invalid amount',
  notIsolated: 'Not isolated',
  liquidating: 'Liquidating',
  network: 'Network error',
  timeout: 'Result unknown',
  unknown: 'Unknown error',
};

// The Confirm contract: exactly these fields.
async function onConfirm(request: AdjustMarginRequest): Promise<AdjustMarginResult> {
  const { symbol, positionSide, type, amount, clientRequestId } = request;
  const side: 'BOTH' | 'LONG' | 'SHORT' = positionSide;
  const direction: 'ADD' | 'REMOVE' = type;
  const exact: string = amount;
  const id: string = clientRequestId;
  try {
    return await source.adjustMargin({
      symbol,
      positionSide: side,
      type: direction,
      amount: exact,
      clientRequestId: id,
    });
  } catch (error) {
    if (error instanceof AdjustMarginError) {
      const code: number | undefined = error.code;
      const said: string | undefined = error.exchangeMessage;
      console.info(kindText[error.kind], code, said);
    }
    throw error; // the dialog stays open with the message and the amount
  }
}

// Messages: a partial object replaces any text.
const messages: Partial<AdjustMarginMessages> = { positions: 'Consumer positions' };
const title: string = defaultMessages.title;

// The core math is exported too.
const parsed = parseAmount('1,234.5', { locale: 'en' });
const removable = maxRemovable({
  contractType: 'linear',
  positionAmt: '0.5',
  entryPrice: '60000',
  markPrice: '61000',
  leverage: '10',
  isolatedWallet: '3000',
  brackets: [{ notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0' }],
});

function LimitsLine() {
  const limits = useMarginLimits('BTCUSDT', 'LONG', { staleAfterMs: 10_000 });
  return <p data-testid="limits">limits: {limits.status}</p>;
}

function App() {
  const [open, setOpen] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  return (
    <main>
      <h1>Consumer app</h1>
      <p data-testid="entries">
        index:{typeof PositionsTable} simulated:{typeof createSimulatedExchange} binance:{String(binanceEntry)}
      </p>
      <p data-testid="facts">
        {title} {accountKey.length}/{allKey.length} {parsed.ok ? 'parsed' : 'unparsed'} {removable.limitedBy}
      </p>
      <QueryClientProvider client={queryClient}>
        <MarginSourceProvider source={source} throttleMs={DEFAULT_THROTTLE_MS / 2}>
          <PositionsTable locale="en" theme="dark" messages={messages} onConfirm={onConfirm} staleAfterMs={10_000} />
          <LimitsLine />
          <button type="button" ref={editRef} onClick={() => setOpen(true)}>
            My own edit button
          </button>
          <AdjustMarginDialog
            symbol="ETHUSDT"
            positionSide="SHORT"
            open={open}
            onOpenChange={setOpen}
            onConfirm={onConfirm}
            onSuccess={(request: AdjustMarginRequest) => console.info('adjusted', request.amount)}
            locale="de"
            theme="light"
            messages={{ close: 'Schließen' }}
            returnFocusRef={editRef}
            defaultMode="ADD"
          />
        </MarginSourceProvider>
      </QueryClientProvider>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
