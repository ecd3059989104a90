'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PositionSnapshot } from '../engine/types';
import type { AdjustmentState, SubmitAdjustMargin } from '../engine/adjustments';
import { positionKey } from '../engine/positionKey';
import { useAdjustmentOutcomes } from '../react/useAdjustmentOutcomes';
import { AdjustMarginDialog } from './dialog/AdjustMarginDialog';
import { outcomeText } from './dialog/receiptText';
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
  /** Passed to the dialog: a removal this close to liquidation (%) needs "I understand…"; default 5, 0 off. */
  warnLiquidationDistancePct?: number;
  className?: string;
}

/**
 * The Positions tab: every position with live mark prices, and [Edit] beside each isolated
 * position's margin, which opens the Adjust Margin dialog. An adjustment's outcome whose dialog is
 * not open (closed while the request was in flight) is announced in a status region fixed to the
 * bottom of the viewport. A fault while the table renders shows a short alert with Retry in its place.
 */
export function PositionsTable(props: PositionsTableProps) {
  const m = useMemo(() => resolveMessages(props.messages), [props.messages]);
  const [editing, setEditing] = useState<PositionSnapshot | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const onEdit = useCallback((position: PositionSnapshot) => {
    setAnnouncement('');
    setEditing(position);
  }, []);
  // The open dialog shows its own position's outcome (the receipt, the failure); any other outcome,
  // e.g. of a request whose dialog was closed while it was in flight, is announced here.
  const open = useRef<string | null>(null);
  useEffect(() => {
    open.current = editing ? positionKey(editing.symbol, editing.positionSide) : null;
  }, [editing]);
  const { locale } = props;
  const onOutcome = useCallback(
    (state: AdjustmentState) => {
      if (state.kind !== 'succeeded' && state.kind !== 'failed') return;
      if (open.current === positionKey(state.request.symbol, state.request.positionSide)) return;
      setAnnouncement(outcomeText(state, m, locale) ?? '');
    },
    [m, locale],
  );
  useAdjustmentOutcomes(onOutcome);
  return (
    <div
      className={`amk-root amk-table-wrap${props.className ? ` ${props.className}` : ''}`}
      data-amk-theme={props.theme ?? 'dark'}
    >
      <ErrorBoundary fallback={(retry) => <FaultNotice message={m.tableFault} retryLabel={m.retry} onRetry={retry} />}>
        <Table m={m} locale={props.locale} onEdit={onEdit} />
      </ErrorBoundary>
      <p role="status" className="amk-announcement amk-outcome">
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
          onConfirm={props.onConfirm}
          locale={props.locale}
          messages={props.messages}
          staleAfterMs={props.staleAfterMs}
          warnLiquidationDistancePct={props.warnLiquidationDistancePct}
          theme={props.theme}
        />
      )}
    </div>
  );
}
