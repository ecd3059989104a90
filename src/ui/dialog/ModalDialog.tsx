'use client';
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

const TABBABLE = 'button, input, select, textarea, a[href], [tabindex]';

/** The dialog's controls that Tab visits, in order (one radio per group: the checked one). */
function tabbables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => {
    if (el.tabIndex < 0 || el.matches(':disabled') || el.getClientRects().length === 0) return false;
    if (el instanceof HTMLInputElement && el.type === 'radio') return el.checked;
    return true;
  });
}

/**
 * The platform's modal `<dialog>`: `showModal()` puts it in the top layer above any app z-index,
 * makes the page behind it inert and closes it on Esc. Focus goes to `initialFocus` on open, Tab
 * wraps around inside, and focus goes back to the element that had it (or `returnFocus`) on close.
 */
export function ModalDialog(props: {
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  returnFocus?: RefObject<HTMLElement | null>;
  theme?: 'dark' | 'light';
  dir?: 'ltr' | 'rtl';
  className?: string;
  children: ReactNode;
}) {
  const { onClose, initialFocus, returnFocus } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = (returnFocus?.current ?? document.activeElement) as HTMLElement | null;
    const handleClose = () => onCloseRef.current();
    // The modal dialog makes the page inert, but Tab past its last control would reach the
    // browser's own UI: wrap it to the first control (and Shift+Tab the other way).
    const handleKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      const items = tabbables(dialog);
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      } else if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      }
    };
    dialog.addEventListener('close', handleClose);
    dialog.addEventListener('keydown', handleKeyDown);
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      dialog.removeEventListener('close', handleClose);
      dialog.removeEventListener('keydown', handleKeyDown);
      if (dialog.open) dialog.close();
      if (returnTo && returnTo.isConnected) returnTo.focus();
    };
  }, [initialFocus, returnFocus]);

  return (
    <dialog
      ref={ref}
      className={`amk-root amk-dialog${props.className ? ` ${props.className}` : ''}`}
      data-amk-theme={props.theme ?? 'dark'}
      dir={props.dir}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
    >
      {props.children}
    </dialog>
  );
}
