'use client';
import { useId } from 'react';
import type { Decimal } from '../../core/decimal';
import { assetAmountText } from '../../core/displayPrecision';
import type { AssetSummary } from '../../engine/accountSummary';
import { ExactLimit } from '../ExactLimit';
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
  // Every figure at the asset's display decimals; the two limits' exact values on demand.
  const text = assetAmountText(asset, decimals, locale);
  const pnl = summary.crossUnrealizedPnl;
  // A PnL as the positions table writes it: its sign always, coloured by it.
  const signed = pnl === null ? text.amount(null) : `${pnl.isNegative() ? '−' : '+'}${text.amount(pnl.abs())}`;
  const pnlClass = pnl === null ? '' : pnl.isNegative() ? ' amk-side-short' : ' amk-side-long';
  const exact = (value: Decimal | null) => (value === null ? null : text.exact(value));
  const rows: [string, string, string, string | null][] = [
    [m.account.crossWalletBalance, text.amount(summary.crossWalletBalance), '', null],
    [m.account.crossUnrealizedPnl, signed, pnlClass, null],
    [m.account.availableForOrder, text.amount(summary.availableForOrder), '', null],
    [m.account.maxAddable, text.amount(summary.maxAddable), '', exact(summary.maxAddable)],
    [m.account.maxWithdrawable, text.amount(summary.maxWithdrawable), '', exact(summary.maxWithdrawable)],
  ];
  return (
    <div role="group" aria-labelledby={id} className="amk-asset">
      <h3 id={id} className="amk-asset-name">
        {asset}
      </h3>
      <dl className="amk-figures-list">
        {rows.map(([label, shown, className, exactText]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={`amk-num${className}`} title={exactText === null ? undefined : m.exactLimitValue(exactText)}>
              {shown}
            </dd>
            {exactText !== null && (
              <dd className="amk-exact-detail">
                <ExactLimit exact={exactText} m={m} />
              </dd>
            )}
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
