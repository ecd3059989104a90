'use client';
import { useCallback, useMemo, useState, type RefObject } from 'react';
import type { AdjustType } from '../../core/types';
import type { AdjustMarginRequest, PositionSide } from '../../engine/types';
import type { SubmitAdjustMargin } from '../../engine/adjustments';
import { resolveMessages, type AdjustMarginMessages } from '../messages';
import { descriptionId } from './DialogHeader';
import { DialogPanel } from './DialogPanel';
import { DialogShell } from './DialogShell';

/** Props of {@link AdjustMarginDialog}. */
export interface AdjustMarginDialogProps {
  symbol: string;
  positionSide: PositionSide;
  /** Controlled open state; leave undefined for uncontrolled use with `defaultOpen`. */
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Add or Remove when the dialog opens (default Add). */
  defaultMode?: AdjustType;
  /** Submits the request instead of the data source; its Promise drives pending, success and failure. */
  onConfirm?: SubmitAdjustMargin;
  /**
   * Called once an adjustment is accepted: the dialog then shows its receipt (Done closes it). Also
   * called when the dialog was closed while the request was in flight.
   */
  onSuccess?: (request: AdjustMarginRequest) => void;
  /** BCP 47 tag for numbers and amount parsing (default: the browser's). */
  locale?: string;
  messages?: Partial<AdjustMarginMessages>;
  /**
   * Writing direction of the text and layout; default: the direction of `locale`'s script ('rtl' for
   * "ar"), or the page's when there is no `locale`. A locale entry carries its own (`ar.dir`).
   */
  dir?: 'ltr' | 'rtl';
  /** Mark prices older than this (ms) block Remove; default 10 000. */
  staleAfterMs?: number;
  /**
   * A removal that brings the liquidation price within this many % of the mark price needs a
   * second, explicit confirmation ("I understand…") before Confirm sends; default 5, 0 turns it off.
   */
  warnLiquidationDistancePct?: number;
  theme?: 'dark' | 'light';
  /** Where focus returns on close (default: the element focused when the dialog opened). */
  returnFocusRef?: RefObject<HTMLElement | null>;
  className?: string;
}

/**
 * The Adjust Margin dialog for one isolated position, on the platform's modal `<dialog>`.
 * Controlled (`open`, `onOpenChange`) or uncontrolled (`defaultOpen`). Reads live limits from the
 * nearest `MarginSourceProvider`; nothing is subscribed while it is closed. A fault while its
 * content renders shows a short alert with Retry inside the dialog, never a blank page.
 */
export function AdjustMarginDialog(props: AdjustMarginDialogProps) {
  const [uncontrolled, setUncontrolled] = useState(props.defaultOpen ?? false);
  const open = props.open ?? uncontrolled;
  const { onOpenChange } = props;
  const controlled = props.open !== undefined;
  const setOpen = useCallback(
    (next: boolean) => {
      if (!controlled) setUncontrolled(next);
      onOpenChange?.(next);
    },
    [controlled, onOpenChange],
  );
  if (!open) return null;
  return <OpenDialog {...props} onClose={() => setOpen(false)} />;
}

function OpenDialog(props: AdjustMarginDialogProps & { onClose: () => void }) {
  const { onClose } = props;
  const m = useMemo(() => resolveMessages(props.messages), [props.messages]);
  return (
    <DialogShell title={m.title} fault={m.dialogFault} describe={descriptionId} onClose={onClose} root={props} m={m}>
      {({ titleId, inputRef }) => <DialogPanel {...props} m={m} titleId={titleId} inputRef={inputRef} />}
    </DialogShell>
  );
}
