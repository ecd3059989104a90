import { useId, useState } from 'react';
import { ERROR_CODES, type InjectedFailure } from '../simulated';
import { useDemo } from './DemoContext';

/** The failures the playground can inject (the brief's Binance codes, then timeout and network). */
const REJECT_CODES = [-4050, -4051, -4054, -4055, -1111, -2023, -4049] as const;

interface Choice {
  value: string;
  label: string;
  failure: InjectedFailure;
}

const CHOICES: readonly Choice[] = [
  ...REJECT_CODES.map((code) => ({
    value: String(code),
    label: `Reject ${code}: ${ERROR_CODES[code]?.exchangeMessage ?? 'error'}`,
    failure: { kind: 'reject', code } as InjectedFailure,
  })),
  { value: 'timeout', label: 'Timeout: no answer', failure: { kind: 'timeout' } },
  { value: 'network', label: 'Network error: request lost', failure: { kind: 'network' } },
];

/** Makes the next adjustment fail. */
export function FailureControls(props: { onDone: (message: string) => void }) {
  const demo = useDemo();
  const id = useId();
  const [choice, setChoice] = useState(CHOICES[0]!.value);
  const [queued, setQueued] = useState<string[]>([]);
  const current = CHOICES.find((c) => c.value === choice) ?? CHOICES[0]!;
  return (
    <fieldset className="demo-fieldset">
      <legend>Next adjustment fails</legend>
      <div className="demo-field">
        <label htmlFor={`${id}-failure`}>Failure</label>
        <select id={`${id}-failure`} className="demo-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="demo-row">
        <button
          type="button"
          className="amk-button demo-button"
          onClick={() => {
            demo.exchange.injectFailure(current.failure);
            setQueued((q) => [...q, current.label]);
            props.onDone(`Injected: ${current.label}. It applies to the next adjustment.`);
          }}
        >
          Inject failure
        </button>
        <button
          type="button"
          className="amk-button demo-button"
          onClick={() => {
            demo.exchange.clearFailures();
            setQueued([]);
            props.onDone('Injected failures cleared.');
          }}
        >
          Clear failures
        </button>
      </div>
      <p className="demo-hint">
        {queued.length === 0
          ? 'Nothing injected. Each injected failure is used by one adjustment, in order.'
          : `Injected this session (each used by one adjustment, in order): ${queued.join('; ')}.`}
      </p>
    </fieldset>
  );
}
