'use client';
import { useEffect, useId, useRef } from 'react';

/**
 * What an accepted request did, in a status region, with Done focused and described by it (so
 * moving focus there reads the receipt even where a region that appears with its text is not
 * announced): the first line says what was done, the others each figure before → after. Any
 * dialog's receipt: it takes its lines as they are.
 */
export function Receipt(props: { lines: readonly string[]; doneLabel: string; onDone: () => void }) {
  const done = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  useEffect(() => done.current?.focus(), []);
  const [action, ...figures] = props.lines;
  return (
    <div className="amk-receipt">
      <div id={bodyId} role="status" className="amk-receipt-body">
        <p className="amk-receipt-action">{action}</p>
        <ul className="amk-receipt-figures">
          {figures.map((line) => (
            <li key={line} className="amk-num">
              {line}
            </li>
          ))}
        </ul>
      </div>
      <div className="amk-actions">
        <button
          ref={done}
          type="button"
          className="amk-button amk-primary"
          aria-describedby={bodyId}
          onClick={props.onDone}
        >
          {props.doneLabel}
        </button>
      </div>
    </div>
  );
}
