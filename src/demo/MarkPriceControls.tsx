import { useId, useState, type FormEvent } from 'react';
import { formatPrice, useMarkPrice } from '../index';
import { useDemo, useDemoSettings } from './DemoContext';
import { decimalProblem } from './fields';
import { TextField } from './TextField';

/** Sets one symbol's mark price. */
export function MarkPriceControls(props: { onDone: (message: string) => void }) {
  const demo = useDemo();
  const { locale } = useDemoSettings();
  const id = useId();
  const [markets] = useState(() => demo.exchange.exportState().markets);
  const symbols = Object.keys(markets).sort();
  const [symbol, setSymbol] = useState(symbols[0] ?? '');
  const [price, setPrice] = useState(() => demo.exchange.getMarkPrice(symbol) ?? '');
  const [touched, setTouched] = useState(false);
  const live = useMarkPrice(symbol);
  const precision = markets[symbol]?.pricePrecision ?? 2;
  const problem = decimalProblem(price, { positive: true });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem) return;
    let set = '';
    demo.edit((ex) => {
      set = ex.setMarkPrice(symbol, price.trim());
    });
    props.onDone(`${symbol} mark price set to ${formatPrice(set, { locale, pricePrecision: precision })}.`);
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset className="demo-fieldset">
        <legend>Mark price</legend>
        <div className="demo-field">
          <label htmlFor={`${id}-symbol`}>Symbol</label>
          <select
            id={`${id}-symbol`}
            className="demo-select"
            value={symbol}
            onChange={(e) => {
              setSymbol(e.target.value);
              setPrice(demo.exchange.getMarkPrice(e.target.value) ?? '');
              setTouched(false);
            }}
          >
            {symbols.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label="New mark price"
          value={price}
          onChange={setPrice}
          error={touched ? problem : null}
          hint={`Now ${formatPrice(live?.markPrice ?? demo.exchange.getMarkPrice(symbol), { locale, pricePrecision: precision })}; rounded to ${precision} decimals.`}
        />
        <button type="submit" className="demo-button">
          Set mark price
        </button>
      </fieldset>
    </form>
  );
}
