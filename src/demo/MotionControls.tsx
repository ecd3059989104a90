import { useId, useState } from 'react';
import type { AccountUpdateOrder, MarkTrend } from '../simulated';
import { useDemo } from './DemoContext';

const ORDERS: readonly { value: AccountUpdateOrder; label: string }[] = [
  { value: 'withReply', label: 'With the reply' },
  { value: 'beforeReply', label: 'One latency before the reply' },
  { value: 'afterReply', label: 'One latency after the reply' },
];

type TrendChoice = 'walk' | MarkTrend['direction'];

const TRENDS: readonly { value: TrendChoice; label: string }[] = [
  { value: 'walk', label: 'Random walk' },
  { value: 'up', label: 'Steady up' },
  { value: 'down', label: 'Steady down' },
];

const STEPS = [1, 10, 100, 1000] as const;

/**
 * A market in motion: when an accepted adjustment's account update arrives (before or after the
 * reply), and a steady trend instead of the random walk (each tick moves every price the same way).
 * Not saved in the link: they shape a run, not the exchange's state.
 */
export function MotionControls(props: { onDone: (message: string) => void }) {
  const demo = useDemo();
  const id = useId();
  const [order, setOrder] = useState<AccountUpdateOrder>('withReply');
  const [trend, setTrend] = useState<TrendChoice>('walk');
  const [ticks, setTicks] = useState<number>(10);

  const applyTrend = (choice: TrendChoice, step: number) => {
    demo.exchange.setTrend(choice === 'walk' ? null : { direction: choice, ticksPerStep: step });
    const what = TRENDS.find((t) => t.value === choice)!.label;
    props.onDone(choice === 'walk' ? 'Prices follow the random walk.' : `${what}: ${step} ticks per step.`);
  };

  return (
    <fieldset className="demo-fieldset">
      <legend>In motion</legend>
      <div className="demo-field">
        <label htmlFor={`${id}-order`}>Account update arrives</label>
        <select
          id={`${id}-order`}
          className="demo-select"
          value={order}
          onChange={(e) => {
            const next = ORDERS.find((o) => o.value === e.target.value)!;
            setOrder(next.value);
            demo.exchange.setAccountUpdateOrder(next.value);
            props.onDone(`Account update: ${next.label.toLowerCase()}.`);
          }}
        >
          {ORDERS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="demo-grid-2">
        <div className="demo-field">
          <label htmlFor={`${id}-trend`}>Trend</label>
          <select
            id={`${id}-trend`}
            className="demo-select"
            value={trend}
            onChange={(e) => {
              const next = TRENDS.find((t) => t.value === e.target.value)!.value;
              setTrend(next);
              applyTrend(next, ticks);
            }}
          >
            {TRENDS.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="demo-field">
          <label htmlFor={`${id}-ticks`}>Ticks per step</label>
          <select
            id={`${id}-ticks`}
            className="demo-select"
            value={ticks}
            onChange={(e) => {
              const next = STEPS.find((s) => String(s) === e.target.value)!;
              setTicks(next);
              if (trend !== 'walk') applyTrend(trend, next);
            }}
          >
            {STEPS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="demo-hint">
        With the feed running, a steady trend against a position moves its limit on every tick.
      </p>
    </fieldset>
  );
}
