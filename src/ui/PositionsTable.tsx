'use client';
import { useCallback, useMemo, useState } from 'react';
import type { AdjustMarginRequest, PositionSnapshot } from '../engine/types';
import type { SubmitAdjustMargin } from '../engine/adjustments';
import { AdjustMarginDialog } from './dialog/AdjustMarginDialog';
import { ErrorBoundary } from './ErrorBoundary';
import { FaultNotice } from './FaultNotice';
import { resolveMessages, type AdjustMarginMessages } from './messages';
import { Table } from './table/Table';

/** Props of {@link PositionsTable}. */
export interface PositionsTableProps {
  locale?: string;
  messages?: Partial<AdjustMarginMessages>;
  theme?: 'dark' | 'light';
  /** Passed to the dialog: submits instead of the data source. */
  onConfirm?: SubmitAdjustMargin;
  /** Passed to the dialog. */
  staleAfterMs?: number;
  className?: string;
}

/**
 * The Positions tab: every position with live mark prices, and [Edit] beside each isolated
 * position's margin, which opens the Adjust Margin dialog; an accepted adjustment is announced
 * under the table. A fault while the table renders shows a short alert with Retry in its place.
 */
export function PositionsTable(props: PositionsTableProps) {
  const m = useMemo(() => resolveMessages(props.messages), [props.messages]);
  const [editing, setEditing] = useState<PositionSnapshot | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const onEdit = useCallback((position: PositionSnapshot) => {
    setAnnouncement('');
    setEditing(position);
  }, []);
  const asset = editing?.marginAsset;
  const onSuccess = useCallback(
    (r: AdjustMarginRequest) => setAnnouncement(m.succeeded(r.type, `${r.amount} ${asset ?? ''}`.trim(), r.symbol)),
    [m, asset],
  );
  return (
    <div
      className={`amk-root amk-table-wrap${props.className ? ` ${props.className}` : ''}`}
      data-amk-theme={props.theme ?? 'dark'}
    >
      <ErrorBoundary fallback={(retry) => <FaultNotice message={m.tableFault} retryLabel={m.retry} onRetry={retry} />}>
        <Table m={m} locale={props.locale} onEdit={onEdit} />
      </ErrorBoundary>
      <p role="status" className="amk-announcement">
        {announcement}
      </p>
      {editing && (
        <AdjustMarginDialog
          key={`${editing.symbol}:${editing.positionSide}`}
          symbol={editing.symbol}
          positionSide={editing.positionSide}
          open
          onOpenChange={(open) => {
            if (!open) setEditing(null);
          }}
          onSuccess={onSuccess}
          onConfirm={props.onConfirm}
          locale={props.locale}
          messages={props.messages}
          staleAfterMs={props.staleAfterMs}
          theme={props.theme}
        />
      )}
    </div>
  );
}
