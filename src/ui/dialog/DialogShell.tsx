'use client';
import { useId, useRef, type ReactNode, type RefObject } from 'react';
import { localeDirection } from '../../core/locale';
import { ErrorBoundary } from '../ErrorBoundary';
import { FaultNotice } from '../FaultNotice';
import type { AdjustMarginMessages } from '../messages';
import { ModalDialog } from './ModalDialog';

/** What a dialog's content gets from its frame: the title's id and the field focused on open. */
export interface DialogShellIds {
  titleId: string;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * A kit dialog's frame: the platform's modal `<dialog>` named by its title, the first field focused
 * on open, and an error boundary whose fallback keeps the title and says `fault` with Retry
 * (focused) and Close. Adjust Margin and Transfer out both open in it.
 */
export function DialogShell(props: {
  title: string;
  fault: string;
  /** The id of the dialog's description, from its title's id. */
  describe?: (titleId: string) => string;
  onClose: () => void;
  /** The public root's props: its theme, direction (default: its locale's), class and where focus returns. */
  root: {
    theme?: 'dark' | 'light';
    dir?: 'ltr' | 'rtl';
    locale?: string;
    className?: string;
    returnFocusRef?: RefObject<HTMLElement | null>;
  };
  m: AdjustMarginMessages;
  children: (ids: DialogShellIds) => ReactNode;
}) {
  const { onClose, root, m } = props;
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <ModalDialog
      labelledBy={titleId}
      describedBy={props.describe?.(titleId)}
      onClose={onClose}
      initialFocus={inputRef}
      returnFocus={root.returnFocusRef}
      theme={root.theme}
      dir={root.dir ?? localeDirection(root.locale)}
      className={root.className}
    >
      <ErrorBoundary
        fallback={(retry) => (
          <div className="amk-panel">
            <h2 id={titleId} className="amk-title">
              {props.title}
            </h2>
            <FaultNotice message={props.fault} retryLabel={m.retry} onRetry={retry} focusRetry>
              <button type="button" className="amk-button" onClick={onClose}>
                {m.close}
              </button>
            </FaultNotice>
          </div>
        )}
      >
        {props.children({ titleId, inputRef })}
      </ErrorBoundary>
    </ModalDialog>
  );
}
