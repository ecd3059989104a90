import { memo } from 'react';
import { Dec } from '../../core/decimal';
import { formatPercent } from '../../core/format';
import type { RiskSummary } from '../../engine/riskSummary';
import type { AdjustMarginMessages } from '../messages';

/**
 * The second confirmation of a removal near liquidation: "Close to liquidation: … 3.20% from the
 * mark price (within 5%)" in a status region (so it is announced when it appears) and an
 * "I understand…" checkbox it describes. Confirm sends nothing until the box is ticked; a new
 * amount or mode unticks it (the form's `acknowledgeRisk`).
 */
export const RemovalWarning = memo(function RemovalWarning(props: {
  id: string;
  risk: RiskSummary | null;
  acknowledged: boolean;
  onAcknowledge: (acknowledged: boolean) => void;
  locale?: string;
  m: AdjustMarginMessages;
}) {
  const { risk, m, locale } = props;
  const distance = risk?.nearLiquidation ? risk.after?.liquidationDistance : null;
  const textId = `${props.id}-text`;
  const active = distance !== null && distance !== undefined && risk !== null;
  return (
    <div className={active ? 'amk-removal-warning' : 'amk-visually-hidden'}>
      <p id={textId} role="status">
        {active
          ? m.removalWarning(
              formatPercent(distance, { locale }),
              formatPercent(new Dec(risk.thresholdPct).div(100), { locale, decimals: 2, minDecimals: 0 }),
            )
          : ''}
      </p>
      {active && (
        <label className="amk-check">
          <input
            id={props.id}
            type="checkbox"
            checked={props.acknowledged}
            onChange={(e) => props.onAcknowledge(e.target.checked)}
            aria-describedby={textId}
          />
          <span>{m.removalAcknowledge}</span>
        </label>
      )}
    </div>
  );
});
