'use client';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SubmitTransfer, TransferState } from '../../engine/transfers';
import { localeDirection } from '../../core/locale';
import { useMarginSource } from '../../react/MarginSourceProvider';
import { useAccountSummary } from '../../react/useAccountSummary';
import { useTransferOutcomes } from '../../react/useTransferOutcomes';
import { resolveMessages, type AdjustMarginMessages } from '../messages';
import { ErrorBoundary } from '../ErrorBoundary';
import { FaultNotice } from '../FaultNotice';
import { TransferOutDialog } from '../transfer/TransferOutDialog';
import { transferOutcomeText } from '../transfer/transferText';
import { AssetFigures } from './AssetFigures';

/** Props of {@link AccountSummary}. */
export interface AccountSummaryProps {
  /** BCP 47 tag for numbers (default: the browser's). */
  locale?: string;
  messages?: Partial<AdjustMarginMessages>;
  /**
   * Writing direction of the text and layout; default: the direction of `locale`'s script ('rtl' for
   * "ar"), or the page's when there is no `locale`. A locale entry carries its own (`ar.dir`).
   */
  dir?: 'ltr' | 'rtl';
  theme?: 'dark' | 'light';
  className?: string;
  /**
   * Sends a transfer instead of the data source's `transfer`. Without either there is no Transfer
   * button.
   */
  onTransfer?: SubmitTransfer;
}

/**
 * The account's cross-margin limits, per margin asset, live on every tick of a cross position:
 * cross wallet balance, cross unrealized PnL, available for order, max addable into isolated
 * positions and "Max withdrawable" (Binance's maximum withdrawal in Cross Margin Mode, rounded
 * down). A region named "Account summary", one group per asset. When the source has `transfer`,
 * each asset has a Transfer button that opens the "Transfer out" dialog. A fault while the figures
 * render shows a short alert with Retry in their place.
 */
export function AccountSummary(props: AccountSummaryProps) {
  const m = useMemo(() => resolveMessages(props.messages), [props.messages]);
  const state = useAccountSummary();
  const { source } = useMarginSource();
  const titleId = useId();
  const [transferring, setTransferring] = useState<string | null>(null);
  const canTransfer = props.onTransfer !== undefined || typeof source.transfer === 'function';
  // The open dialog shows its own outcome (the receipt, the failure); the outcome of a transfer whose
  // dialog was closed while it was in flight is announced here.
  const [announcement, setAnnouncement] = useState('');
  const open = useRef<string | null>(null);
  useEffect(() => {
    open.current = transferring;
  }, [transferring]);
  const { locale } = props;
  const announce = useCallback(
    (state: TransferState) => {
      if (state.kind === 'idle' || state.kind === 'pending' || open.current === state.request.asset) return;
      setAnnouncement(transferOutcomeText(state, m, locale) ?? '');
    },
    [m, locale],
  );
  useTransferOutcomes(announce);
  return (
    <section
      aria-labelledby={titleId}
      className={`amk-root amk-summary${props.className ? ` ${props.className}` : ''}`}
      data-amk-theme={props.theme ?? 'dark'}
      dir={props.dir ?? localeDirection(props.locale)}
    >
      <h2 id={titleId} className="amk-summary-title">
        {m.account.summary}
      </h2>
      {state.status === 'loading' && <p className="amk-muted">{m.account.loading}</p>}
      {state.status === 'error' && (
        <p role="alert" className="amk-alert">
          {m.account.loadError}
        </p>
      )}
      <ErrorBoundary
        fallback={(retry) => <FaultNotice message={m.account.summaryFault} retryLabel={m.retry} onRetry={retry} />}
      >
        <div className="amk-assets">
          {state.assets.map((summary) => (
            <AssetFigures
              key={summary.asset}
              summary={summary}
              locale={props.locale}
              m={m}
              onTransfer={
                canTransfer
                  ? () => {
                      setAnnouncement('');
                      setTransferring(summary.asset);
                    }
                  : undefined
              }
            />
          ))}
        </div>
      </ErrorBoundary>
      <p role="status" className="amk-announcement amk-outcome">
        {announcement}
      </p>
      {transferring !== null && (
        <TransferOutDialog
          asset={transferring}
          onClose={() => setTransferring(null)}
          onTransfer={props.onTransfer}
          locale={props.locale}
          messages={props.messages}
          dir={props.dir}
          theme={props.theme}
        />
      )}
    </section>
  );
}
