'use client';
import { useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A dialog's form and its Confirm. Confirm stays focusable when it cannot be pressed
 * (`aria-disabled`, described by the reason); a submit while `blocked` (Enter in a field) focuses it
 * instead of sending. It is busy while its request is in flight, and `pendingNote` (its id is what
 * `describedBy` names then) shows under it: below Confirm, so nothing above it moves.
 */
export function ConfirmForm(props: {
  blocked: boolean;
  pending: boolean;
  describedBy: string | undefined;
  label: string;
  onConfirm: () => void;
  pendingNote: { id: string; text: string };
  children: ReactNode;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (props.blocked) confirmRef.current?.focus();
    else props.onConfirm();
  };
  return (
    <form className="amk-panel" onSubmit={onSubmit} noValidate>
      {props.children}
      <div className="amk-actions">
        <button
          ref={confirmRef}
          type="submit"
          className="amk-button amk-primary"
          aria-disabled={props.blocked || undefined}
          aria-busy={props.pending || undefined}
          aria-describedby={props.describedBy}
        >
          {props.label}
        </button>
      </div>
      {props.pending && (
        <p id={props.pendingNote.id} className="amk-hint amk-pending-note">
          {props.pendingNote.text}
        </p>
      )}
    </form>
  );
}
