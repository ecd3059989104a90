'use client';
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

/**
 * The platform's modal `<dialog>`: `showModal()` puts it in the top layer above any app z-index,
 * makes the page behind it inert and closes it on Esc. Focus goes to `initialFocus` on open and
 * back to the element that had it (or `returnFocus`) on close.
 */
export function ModalDialog(props: {
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  returnFocus?: RefObject<HTMLElement | null>;
  theme?: 'dark' | 'light';
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
    dialog.addEventListener('close', handleClose);
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      dialog.removeEventListener('close', handleClose);
      if (dialog.open) dialog.close();
      if (returnTo && returnTo.isConnected) returnTo.focus();
    };
  }, [initialFocus, returnFocus]);

  return (
    <dialog
      ref={ref}
      className={`amk-root amk-dialog${props.className ? ` ${props.className}` : ''}`}
      data-amk-theme={props.theme ?? 'dark'}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
    >
      {props.children}
    </dialog>
  );
}
