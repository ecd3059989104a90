import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatPrice, useMarkPrice } from '../index';
import { useDemo, useDemoSettings } from './DemoContext';
import { decimalProblem } from './fields';
import { TextField } from './TextField';

/** Sets the mark price as entered: works while the (modal) dialog is open, to move a limit mid-edit. */
const SET_SHORTCUT = 'Alt+Shift+M';

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

  const apply = () => {
    setTouched(true);
    if (problem) return;
    let set = '';
    demo.edit((ex) => {
      set = ex.setMarkPrice(symbol, price.trim());
    });
    props.onDone(`${symbol} mark price set to ${formatPrice(set, { locale, pricePrecision: precision })}.`);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply();
  };

  // The page is inert behind the modal dialog: the shortcut applies the entered price from there.
  const latestApply = useRef(apply);
  useEffect(() => {
    latestApply.current = apply;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.code !== 'KeyM') return;
      e.preventDefault();
      latestApply.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

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
        <button type="submit" className="amk-button demo-button" aria-keyshortcuts={SET_SHORTCUT}>
          Set mark price
        </button>
        <p className="demo-hint">
          Shortcut, also while the dialog is open: <kbd>{SET_SHORTCUT}</kbd> sets the price entered here.
        </p>
      </fieldset>
    </form>
  );
}
