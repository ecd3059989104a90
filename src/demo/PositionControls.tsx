import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PositionSnapshot } from '../index';
import type { PositionPatch } from '../simulated';
import type { DemoController } from './controller';
import { useDemo } from './DemoContext';
import { decimalProblem, positionId, positionName } from './fields';
import { TextField } from './TextField';

function fieldsKey(p: PositionSnapshot): string {
  return [p.isolatedWallet, p.positionAmt, p.entryPrice, p.leverage, p.marginType].join('|');
}

/** Closes the selected position: works while the (modal) dialog is open, to close it mid-edit. */
const CLOSE_SHORTCUT = 'Alt+Shift+C';

/** Closes (settled at the mark) or liquidates a position; returns the playground's message. */
function closePosition(demo: DemoController, p: PositionSnapshot, reason: 'closed' | 'liquidated'): string {
  const name = positionName(p);
  demo.edit((ex) => ex.closePosition(p.symbol, p.positionSide, { reason }));
  return reason === 'closed' ? `${name} closed at the mark price.` : `${name} liquidated.`;
}

/** Picks a position and edits it: isolated wallet, size, entry, leverage; close or liquidate it. */
export function PositionControls(props: { positions: readonly PositionSnapshot[]; onDone: (message: string) => void }) {
  const demo = useDemo();
  const id = useId();
  const [selected, setSelected] = useState<string>(() => (props.positions[0] ? positionId(props.positions[0]) : ''));
  const position = props.positions.find((p) => positionId(p) === selected) ?? props.positions[0];

  // The page is inert behind the modal dialog: the shortcut closes the selected position from there.
  const latest = useRef({ position, onDone: props.onDone });
  useEffect(() => {
    latest.current = { position, onDone: props.onDone };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.code !== 'KeyC') return;
      e.preventDefault();
      const { position: p, onDone } = latest.current;
      if (p) onDone(closePosition(demo, p, 'closed'));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [demo]);

  return (
    <fieldset className="demo-fieldset">
      <legend>Position</legend>
      {position ? (
        <>
          <div className="demo-field">
            <label htmlFor={`${id}-position`}>Position</label>
            <select
              id={`${id}-position`}
              className="demo-select"
              value={positionId(position)}
              onChange={(e) => setSelected(e.target.value)}
            >
              {props.positions.map((p) => (
                <option key={positionId(p)} value={positionId(p)}>
                  {positionName(p)} · {p.marginType === 'isolated' ? 'isolated' : 'cross'}
                </option>
              ))}
            </select>
          </div>
          <PositionEditor
            key={`${positionId(position)}:${fieldsKey(position)}`}
            position={position}
            onDone={props.onDone}
          />
        </>
      ) : (
        <p className="demo-hint">No open positions.</p>
      )}
    </fieldset>
  );
}

function PositionEditor(props: { position: PositionSnapshot; onDone: (message: string) => void }) {
  const demo = useDemo();
  const { position: p, onDone } = props;
  const isolated = p.marginType === 'isolated';
  const name = positionName(p);
  const [wallet, setWallet] = useState(p.isolatedWallet);
  const [size, setSize] = useState(p.positionAmt);
  const [entry, setEntry] = useState(p.entryPrice);
  const [leverage, setLeverage] = useState(p.leverage);
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const sideRule = p.positionSide === 'LONG' ? 'long' : p.positionSide === 'SHORT' ? 'short' : null;
  let sizeProblem = decimalProblem(size, { nonZero: true });
  if (!sizeProblem && sideRule === 'long' && size.trim().startsWith('-'))
    sizeProblem = 'A hedge Long position has a positive size.';
  if (!sizeProblem && sideRule === 'short' && !size.trim().startsWith('-'))
    sizeProblem = 'A hedge Short position has a negative size.';
  const problems = {
    wallet: isolated ? decimalProblem(wallet, { nonNegative: true }) : null,
    size: sizeProblem,
    entry: decimalProblem(entry, { positive: true }),
    leverage: decimalProblem(leverage, { positive: true, integer: true }),
  };
  const show = (k: keyof typeof problems) => (touched ? problems[k] : null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setFailure(null);
    if (Object.values(problems).some(Boolean)) return;
    const patch: PositionPatch = { positionAmt: size.trim(), entryPrice: entry.trim(), leverage: leverage.trim() };
    if (isolated) patch.isolatedWallet = wallet.trim();
    try {
      demo.edit((ex) => ex.updatePosition(p.symbol, p.positionSide, patch));
      onDone(`${name} updated.`);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  };

  const close = (reason: 'closed' | 'liquidated') => onDone(closePosition(demo, p, reason));

  return (
    <form onSubmit={onSubmit} noValidate className="demo-stack">
      <div className="demo-grid-2">
        {isolated && (
          <TextField
            label="Isolated wallet"
            value={wallet}
            onChange={setWallet}
            suffix={p.marginAsset}
            error={show('wallet')}
          />
        )}
        <TextField
          label="Size"
          value={size}
          onChange={setSize}
          error={show('size')}
          hint={
            p.contractType === 'inverse' ? 'Contracts; − for short.' : `${p.symbol.replace(/USDT$/, '')}; − for short.`
          }
        />
        <TextField label="Entry price" value={entry} onChange={setEntry} error={show('entry')} />
        <TextField
          label="Leverage"
          value={leverage}
          onChange={setLeverage}
          suffix="×"
          inputMode="numeric"
          error={show('leverage')}
        />
      </div>
      {failure && (
        <p className="demo-error" role="alert">
          {failure}
        </p>
      )}
      <div className="demo-row">
        <button type="submit" className="amk-button demo-button">
          Apply to position
        </button>
        <button
          type="button"
          className="amk-button demo-button"
          aria-keyshortcuts={CLOSE_SHORTCUT}
          onClick={() => close('closed')}
        >
          Close position
        </button>
        <button type="button" className="amk-button demo-button demo-danger" onClick={() => close('liquidated')}>
          Liquidate
        </button>
      </div>
      <p className="demo-hint">
        Shortcut, also while the dialog is open: <kbd>{CLOSE_SHORTCUT}</kbd> closes the selected position.
      </p>
    </form>
  );
}
