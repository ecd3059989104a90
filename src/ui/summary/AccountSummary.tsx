'use client';
import { useId, useMemo } from 'react';
import { useAccountSummary } from '../../react/useAccountSummary';
import { resolveMessages, type AdjustMarginMessages } from '../messages';
import { AssetFigures } from './AssetFigures';

/** Props of {@link AccountSummary}. */
export interface AccountSummaryProps {
  /** BCP 47 tag for numbers (default: the browser's). */
  locale?: string;
  messages?: Partial<AdjustMarginMessages>;
  theme?: 'dark' | 'light';
  className?: string;
}

/**
 * The account's cross-margin limits, per margin asset, live on every tick of a cross position:
 * cross wallet balance, cross unrealized PnL, available for order, max addable into isolated
 * positions and "Max withdrawable" (Binance's maximum withdrawal in Cross Margin Mode, rounded
 * down). A region named "Account summary", one group per asset.
 */
export function AccountSummary(props: AccountSummaryProps) {
  const m = useMemo(() => resolveMessages(props.messages), [props.messages]);
  const state = useAccountSummary();
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className={`amk-root amk-summary${props.className ? ` ${props.className}` : ''}`}
      data-amk-theme={props.theme ?? 'dark'}
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
      <div className="amk-assets">
        {state.assets.map((summary) => (
          <AssetFigures key={summary.asset} summary={summary} locale={props.locale} m={m} />
        ))}
      </div>
    </section>
  );
}
