'use client';
import { useId } from 'react';
import type { Decimal } from '../../core/decimal';
import { formatAmount } from '../../core/format';
import type { AssetSummary } from '../../engine/accountSummary';
import type { AdjustMarginMessages } from '../messages';

/**
 * One margin asset's cross-margin figures: a group named by the asset, a description list of the
 * five figures (the limits "—" when a position of the asset could not be read), and its Transfer
 * button when the source can transfer.
 */
export function AssetFigures({
  summary,
  locale,
  m,
  onTransfer,
}: {
  summary: AssetSummary;
  locale: string | undefined;
  m: AdjustMarginMessages;
  /** Opens Transfer out for the asset; absent when the source has no `transfer`. */
  onTransfer?: () => void;
}) {
  const id = useId();
  const { asset, decimals } = summary;
  const amount = (value: Decimal | null) => formatAmount(value, { locale, decimals, minDecimals: 2, asset });
  const pnl = summary.crossUnrealizedPnl;
  // A PnL as the positions table writes it: its sign always, coloured by it.
  const signed = pnl === null ? amount(null) : `${pnl.isNegative() ? '−' : '+'}${amount(pnl.abs())}`;
  const pnlClass = pnl === null ? '' : pnl.isNegative() ? ' amk-side-short' : ' amk-side-long';
  const rows: [string, string, string][] = [
    [m.account.crossWalletBalance, amount(summary.crossWalletBalance), ''],
    [m.account.crossUnrealizedPnl, signed, pnlClass],
    [m.account.availableForOrder, amount(summary.availableForOrder), ''],
    [m.account.maxAddable, amount(summary.maxAddable), ''],
    [m.account.maxWithdrawable, amount(summary.maxWithdrawable), ''],
  ];
  return (
    <div role="group" aria-labelledby={id} className="amk-asset">
      <h3 id={id} className="amk-asset-name">
        {asset}
      </h3>
      <dl className="amk-figures-list">
        {rows.map(([label, text, className]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={`amk-num${className}`}>{text}</dd>
          </div>
        ))}
      </dl>
      {summary.incomplete && <p className="amk-muted">{m.account.incomplete}</p>}
      {onTransfer && (
        <button type="button" className="amk-button" onClick={onTransfer}>
          {m.account.transfer}
        </button>
      )}
    </div>
  );
}
