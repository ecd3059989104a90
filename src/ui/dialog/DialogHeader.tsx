import { memo } from 'react';
import { formatDecimal } from '../../core/format';
import type { PositionSnapshot } from '../../engine/types';
import { marginModeLabel, positionDirection, sideLabel } from '../labels';
import type { AdjustMarginMessages } from '../messages';

/** The id of the dialog's accessible description (the position it adjusts), beside its title's. */
export function descriptionId(titleId: string): string {
  return `${titleId}-position`;
}

/** The dialog's title, the position (symbol, side, leverage, margin mode) and the Close button. */
export const DialogHeader = memo(function DialogHeader(props: {
  titleId: string;
  symbol: string;
  position: PositionSnapshot | undefined;
  m: AdjustMarginMessages;
  /** Writes the leverage setting's digits in the locale. */
  locale?: string;
  onClose: () => void;
}) {
  const { position, m } = props;
  const leverage = position
    ? formatDecimal(position.leverage, { locale: props.locale, decimals: 2, minDecimals: 0 })
    : '';
  return (
    <header className="amk-header">
      <div>
        <h2 id={props.titleId} className="amk-title">
          {m.title}
        </h2>
        <p className="amk-subtitle">
          <span className="amk-symbol">{props.symbol}</span>
          {position && (
            <>
              <span className={`amk-badge amk-side-${positionDirection(position)}`}>
                {position.positionSide === 'BOTH' ? sideLabel(position, m) : m.hedgeSide(position.positionSide)}
              </span>
              {/* The setting, named as such: the figures show the effective leverage, a different number. */}
              <span
                className="amk-badge"
                role="img"
                aria-label={m.leverageSetting(leverage)}
                title={m.leverageSetting(leverage)}
              >
                {m.leverageBadge(leverage)}
              </span>
              <span className="amk-badge">{marginModeLabel(position, m)}</span>
              <span id={descriptionId(props.titleId)} hidden>
                {m.positionDescription(props.symbol, sideLabel(position, m), marginModeLabel(position, m), leverage)}
              </span>
            </>
          )}
        </p>
      </div>
      <button type="button" className="amk-close" onClick={props.onClose} aria-label={m.close}>
        <span aria-hidden="true">×</span>
      </button>
    </header>
  );
});
