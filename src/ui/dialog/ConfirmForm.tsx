'use client';
import { useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A dialog's form and its Confirm. Confirm stays focusable when it cannot be pressed
 * (`aria-disabled`, described by the reason); a submit while `blocked` (Enter in a field) focuses it
 * instead of sending. It is busy while its request is in flight, and `pendingNote` (its id is what
 * `describedBy` names then) shows under it, on a line kept for it, so Confirm never moves.
 *
 * Confirm sits in a footer with `status` (why it is off, a failure) right above it. On a phone the
 * footer sticks to the bottom of the sheet and also repeats `fieldError`, the amount field's error, so
 * the error never scrolls away from Confirm. That copy is for the eye only: the field keeps its own
 * error, described and marked invalid, so assistive tech hears it once (and a search of the page's
 * text finds it once).
 */
export function ConfirmForm(props: {
  blocked: boolean;
  pending: boolean;
  describedBy: string | undefined;
  label: string;
  onConfirm: () => void;
  pendingNote: { id: string; text: string };
  /** The field's error as it shows under the field, or null. */
  fieldError: string | null;
  status: ReactNode;
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
      <div className="amk-footer">
        {/* Drawn by CSS from the attribute: the page's text holds the error once, the field's. */}
        {props.fieldError !== null && (
          <p className="amk-footer-error" aria-hidden="true" data-text={props.fieldError} />
        )}
        {props.status}
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
        {/* Its line is kept while nothing is pending: where the footer sticks to the bottom of a
            scrolled dialog it grows upward, and Confirm must not move under a second click. */}
        <p id={props.pending ? props.pendingNote.id : undefined} className="amk-hint amk-pending-note">
          {props.pending ? props.pendingNote.text : ''}
        </p>
      </div>
    </form>
  );
}
