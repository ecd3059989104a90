'use client';
import { useMemo, type RefObject } from 'react';
import type { SubmitTransfer } from '../../engine/transfers';
import { DialogShell } from '../dialog/DialogShell';
import { resolveMessages, type AdjustMarginMessages } from '../messages';
import { TransferPanel } from './TransferPanel';

/** Props of {@link TransferOutDialog}. */
export interface TransferOutDialogProps {
  /** The margin asset to transfer out of the futures wallet. */
  asset: string;
  onClose: () => void;
  /** Sends instead of the data source's `transfer`; its Promise drives pending, success and failure. */
  onTransfer?: SubmitTransfer;
  locale?: string;
  messages?: Partial<AdjustMarginMessages>;
  /**
   * Writing direction of the text and layout; default: the direction of `locale`'s script ('rtl' for
   * "ar"), or the page's when there is no `locale`. A locale entry carries its own (`ar.dir`).
   */
  dir?: 'ltr' | 'rtl';
  theme?: 'dark' | 'light';
  /** Where focus returns on close (default: the element focused when the dialog opened). */
  returnFocusRef?: RefObject<HTMLElement | null>;
  className?: string;
}

/**
 * The "Transfer out" dialog: an amount of a margin asset from the futures wallet to the spot wallet,
 * up to max withdrawable, on the platform's modal `<dialog>` and the margin dialog's own parts.
 * Rendered while open; a fault while its content renders shows a short alert with Retry.
 */
export function TransferOutDialog(props: TransferOutDialogProps) {
  const { onClose } = props;
  const m = useMemo(() => resolveMessages(props.messages), [props.messages]);
  return (
    <DialogShell title={m.account.transferTitle} fault={m.account.fault} onClose={onClose} root={props} m={m}>
      {(frame) => (
        <TransferPanel
          asset={props.asset}
          submit={props.onTransfer}
          locale={props.locale}
          m={m}
          frame={frame}
          onClose={onClose}
        />
      )}
    </DialogShell>
  );
}
