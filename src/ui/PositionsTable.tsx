'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PositionSnapshot } from '../engine/types';
import type { AdjustmentState, SubmitAdjustMargin } from '../engine/adjustments';
import { localeDirection } from '../core/locale';
import { positionKey } from '../engine/positionKey';
import { useAdjustmentOutcomes } from '../react/useAdjustmentOutcomes';
import { AdjustMarginDialog } from './dialog/AdjustMarginDialog';
import { outcomeText } from './dialog/receiptText';
import { ErrorBoundary } from './ErrorBoundary';
import { FaultNotice } from './FaultNotice';
import { resolveMessages, type AdjustMarginMessages } from './messages';
import type { PositionsTableColumn } from './table/columns';
import { Table } from './table/Table';

/** Props of {@link PositionsTable}. */
export interface PositionsTableProps {
  locale?: string;
  messages?: Partial<AdjustMarginMessages>;
  /**
   * Writing direction of the text and layout; default: the direction of `locale`'s script ('rtl' for
   * "ar"), or the page's when there is no `locale`. A locale entry carries its own (`ar.dir`).
   */
  dir?: 'ltr' | 'rtl';
  theme?: 'dark' | 'light';
  /** Passed to the dialog: submits instead of the data source. */
  onConfirm?: SubmitAdjustMargin;
  /** Passed to the dialog. */
  staleAfterMs?: number;
  /** Passed to the dialog: a removal this close to liquidation (%) needs "I understand…"; default 5, 0 off. */
  warnLiquidationDistancePct?: number;
  /**
   * The columns after Symbol, in order; default: side, size, entry price, mark price, liq. price,
   * margin, margin mode, unrealized PnL. Optional: leverage, marginRatio, roe. Margin (with [Edit])
   * is always shown: it is added at the end when left out.
   */
  columns?: readonly PositionsTableColumn[];
  className?: string;
}

/**
 * The Positions tab: every position with live mark prices, and [Edit] beside each isolated
 * position's margin, which opens the Adjust Margin dialog. Narrower than 640 px (its own box, not
 * the viewport) each position shows as a card, its fields labelled, still a table to assistive
 * technology. An adjustment's outcome whose dialog is not open (closed while the request was in
 * flight) is announced in a status region fixed to the bottom of the viewport, with Dismiss. A fault
 * while the table renders shows a short alert with Retry in its place.
 */
export function PositionsTable(props: PositionsTableProps) {
  const m = useMemo(() => resolveMessages(props.messages), [props.messages]);
  const [editing, setEditing] = useState<PositionSnapshot | null>(null);
  // The last position whose dialog opened: a long table keeps its row in the DOM, so focus can
  // return to its [Edit] when the dialog closes, however far the table scrolled meanwhile.
  const [edited, setEdited] = useState<PositionSnapshot | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const onEdit = useCallback((position: PositionSnapshot) => {
    setAnnouncement('');
    setEditing(position);
    setEdited(position);
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
  const wrap = useRef<HTMLDivElement>(null);
  const dismiss = () => {
    setAnnouncement('');
    // The button goes with the notice: focus returns to the table.
    wrap.current?.focus();
  };
  return (
    <div
      className={`amk-root amk-positions${props.className ? ` ${props.className}` : ''}`}
      data-amk-theme={props.theme ?? 'dark'}
      dir={props.dir ?? localeDirection(props.locale)}
    >
      <div ref={wrap} className="amk-table-wrap" tabIndex={-1}>
        <ErrorBoundary
          fallback={(retry) => <FaultNotice message={m.tableFault} retryLabel={m.retry} onRetry={retry} />}
        >
          <Table m={m} locale={props.locale} onEdit={onEdit} columns={props.columns} keep={edited} />
        </ErrorBoundary>
      </div>
      <div className={announcement ? 'amk-positions-outcome amk-shown' : 'amk-positions-outcome'}>
        <p role="status" className="amk-announcement">
          {announcement}
        </p>
        {announcement && (
          <button type="button" className="amk-button amk-dismiss" onClick={dismiss}>
            {m.dismiss}
          </button>
        )}
      </div>
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
          dir={props.dir}
          staleAfterMs={props.staleAfterMs}
          warnLiquidationDistancePct={props.warnLiquidationDistancePct}
          theme={props.theme}
        />
      )}
    </div>
  );
}
