import { useState, type FormEvent } from 'react';
import type { AssetSnapshot } from '../index';
import { useDemo } from './DemoContext';
import { decimalProblem } from './fields';
import { TextField } from './TextField';

/** The cross wallet balance of each margin asset. Re-mounted (key) when the balances change. */
export function WalletControls(props: { assets: readonly AssetSnapshot[]; onDone: (message: string) => void }) {
  const demo = useDemo();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.assets.map((a) => [a.asset, a.crossWalletBalance])),
  );
  const [touched, setTouched] = useState(false);
  const problems = Object.fromEntries(props.assets.map((a) => [a.asset, decimalProblem(values[a.asset] ?? '')]));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.values(problems).some(Boolean)) return;
    const changed = props.assets.filter((a) => values[a.asset]!.trim() !== a.crossWalletBalance);
    demo.edit((ex) => {
      for (const a of changed) ex.setCrossWallet(a.asset, values[a.asset]!.trim());
    });
    props.onDone(
      changed.length === 0
        ? 'Cross wallets unchanged.'
        : `Cross wallet set: ${changed.map((a) => `${a.asset} ${values[a.asset]!.trim()}`).join(', ')}.`,
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset className="demo-fieldset">
        <legend>Cross wallets</legend>
        {props.assets.map((a) => (
          <TextField
            key={a.asset}
            label={`${a.asset} cross wallet`}
            suffix={a.asset}
            value={values[a.asset] ?? ''}
            onChange={(v) => setValues((s) => ({ ...s, [a.asset]: v }))}
            error={touched ? problems[a.asset] : null}
          />
        ))}
        <button type="submit" className="amk-button demo-button">
          Set cross wallets
        </button>
      </fieldset>
    </form>
  );
}
