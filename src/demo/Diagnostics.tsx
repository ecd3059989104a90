import { useEffect, useState, useSyncExternalStore } from 'react';
import { useMarginSource } from '../react/MarginSourceProvider';
import type { MarkPriceStore } from '../engine/markPriceStore';
import type { DemoController } from './controller';
import { useDemo } from './DemoContext';

/** How often the subscription and timer counts are read from the exchange. */
const REFRESH_MS = 250;

function countsOf(demo: DemoController, marks: MarkPriceStore) {
  return {
    subscriptions: demo.exchange.listenerCount().total,
    timers: demo.exchange.activeTimerCount(),
    readers: marks.listenerCount(),
  };
}

/**
 * What the simulated exchange holds right now — live subscriptions and timers —, how many readers
 * the kit's mark-price store has, and how many adjustments the exchange has received: a leak or a duplicate request shows here (and e2e tests read it).
 */
export function Diagnostics() {
  const demo = useDemo();
  const { marks } = useMarginSource().session;
  const requests = useSyncExternalStore(demo.subscribeRequests, demo.getRequestsSent, demo.getRequestsSent);
  const [counts, setCounts] = useState(() => countsOf(demo, marks));
  useEffect(() => {
    const refresh = () =>
      setCounts((c) => {
        const next = countsOf(demo, marks);
        return next.subscriptions === c.subscriptions && next.timers === c.timers && next.readers === c.readers
          ? c
          : next;
      });
    refresh();
    const id = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(id);
  }, [demo, marks]);
  return (
    // A readout, not an announcement: aria-live off keeps screen readers quiet as the counts change.
    <output className="demo-diagnostics" aria-label="Diagnostics" aria-live="off">
      Subscriptions: {counts.subscriptions} · Timers: {counts.timers} · Kit readers: {counts.readers} · Requests sent:{' '}
      {requests}
    </output>
  );
}
