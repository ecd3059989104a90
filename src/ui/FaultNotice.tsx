'use client';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * What a view shows after a render fault: a short alert and a Retry button. With `focusRetry`
 * (a modal dialog, whose focused field the fault took away) focus goes to Retry.
 */
export function FaultNotice(props: {
  message: string;
  retryLabel: string;
  onRetry: () => void;
  focusRetry?: boolean;
  children?: ReactNode;
}) {
  const retry = useRef<HTMLButtonElement>(null);
  const { focusRetry } = props;
  // After the modal's own layout effects, which note where focus returns on close.
  useEffect(() => {
    if (focusRetry) retry.current?.focus();
  }, [focusRetry]);
  return (
    <div role="alert" className="amk-fault">
      <p>{props.message}</p>
      <div className="amk-fault-actions">
        <button ref={retry} type="button" className="amk-button" onClick={props.onRetry}>
          {props.retryLabel}
        </button>
        {props.children}
      </div>
    </div>
  );
}
