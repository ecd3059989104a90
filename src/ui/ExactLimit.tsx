'use client';
import { useId, useState } from 'react';
import type { AdjustMarginMessages } from './messages';

/**
 * "Exact" beside a limit shown at its display decimals: a disclosure button that reveals the exact
 * limit, every decimal of the asset rounded down, which is what Max fills in.
 */
export function ExactLimit(props: {
  /** The exact limit as written: "899.27123456 USDT". */
  exact: string;
  m: AdjustMarginMessages;
}) {
  const { m } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="amk-exact-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {m.exactLimit}
      </button>
      <span id={id} className="amk-exact" hidden={!open}>
        {m.exactLimitValue(props.exact)}
      </span>
    </>
  );
}
