import { useId, useState } from 'react';
import type { AccountUpdateOrder, MarkTrend } from '../simulated';
import { useDemo } from './DemoContext';

interface Option<T> {
  value: T;
  label: string;
}

const ORDERS: readonly Option<AccountUpdateOrder>[] = [
  { value: 'withReply', label: 'With the reply' },
  { value: 'beforeReply', label: 'One latency before the reply' },
  { value: 'afterReply', label: 'One latency after the reply' },
];

type TrendChoice = 'walk' | MarkTrend['direction'];

const TRENDS: readonly Option<TrendChoice>[] = [
  { value: 'walk', label: 'Random walk' },
  { value: 'up', label: 'Steady up' },
  { value: 'down', label: 'Steady down' },
];

const STEPS: readonly Option<number>[] = [1, 10, 100, 1000].map((n) => ({ value: n, label: String(n) }));

/** A labelled select over `options`; `onPick` gets the chosen option. */
function Choice<T extends string | number>(props: {
  label: string;
  options: readonly Option<T>[];
  value: T;
  onPick: (option: Option<T>) => void;
}) {
  const id = useId();
  return (
    <div className="demo-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        className="demo-select"
        value={String(props.value)}
        onChange={(e) => props.onPick(props.options.find((o) => String(o.value) === e.target.value)!)}
      >
        {props.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A market in motion: when an accepted adjustment's account update arrives (before or after the
 * reply), and a steady trend instead of the random walk (each tick moves every price the same way).
 * Not saved in the link: they shape a run, not the exchange's state.
 */
export function MotionControls(props: { onDone: (message: string) => void }) {
  const demo = useDemo();
  const [order, setOrder] = useState<AccountUpdateOrder>('withReply');
  const [trend, setTrend] = useState<TrendChoice>('walk');
  const [ticks, setTicks] = useState(10);

  const applyTrend = (choice: TrendChoice, step: number) => {
    demo.exchange.setTrend(choice === 'walk' ? null : { direction: choice, ticksPerStep: step });
    const what = TRENDS.find((t) => t.value === choice)!.label;
    props.onDone(choice === 'walk' ? 'Prices follow the random walk.' : `${what}: ${step} ticks per step.`);
  };

  const pickOrder = (o: Option<AccountUpdateOrder>) => {
    setOrder(o.value);
    demo.exchange.setAccountUpdateOrder(o.value);
    props.onDone(`Account update: ${o.label.toLowerCase()}.`);
  };
  const pickTrend = (o: Option<TrendChoice>) => {
    setTrend(o.value);
    applyTrend(o.value, ticks);
  };
  const pickTicks = (o: Option<number>) => {
    setTicks(o.value);
    if (trend !== 'walk') applyTrend(trend, o.value);
  };

  return (
    <fieldset className="demo-fieldset">
      <legend>In motion</legend>
      <Choice label="Account update arrives" options={ORDERS} value={order} onPick={pickOrder} />
      <div className="demo-grid-2">
        <Choice label="Trend" options={TRENDS} value={trend} onPick={pickTrend} />
        <Choice label="Ticks per step" options={STEPS} value={ticks} onPick={pickTicks} />
      </div>
      <p className="demo-hint">
        With the feed running, a steady trend against a position moves its limit on every tick.
      </p>
    </fieldset>
  );
}
