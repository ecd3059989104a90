'use client';
import { useId } from 'react';
import type { PositionFigures } from '../../core/adjustment';
import type { Decimal } from '../../core/decimal';
import { formatLeverage, formatPercent } from '../../core/format';
import type { RiskSummary } from '../../engine/riskSummary';
import type { AdjustMarginMessages } from '../messages';
import type { FigureText } from './figureText';

/**
 * Margin, leverage, liquidation price, margin ratio and the mark's distance to liquidation now, and
 * after the amount when it is valid.
 */
export function Figures(props: {
  before: PositionFigures;
  after: PositionFigures | null;
  risk: RiskSummary | null;
  m: AdjustMarginMessages;
  text: FigureText;
  locale?: string;
}) {
  const { before, after, risk, m, text } = props;
  // Effective leverage is described in words, so it is not taken for the position's leverage setting.
  const hintId = useId();
  // Effective leverage moves with the mark: always 2 decimals, so its width holds from tick to tick.
  const leverage = (f: PositionFigures) =>
    formatLeverage(f.effectiveLeverage, { locale: props.locale, minDecimals: 2 });
  const percent = (value: Decimal | null) => formatPercent(value, { locale: props.locale });
  const rows = [
    { label: m.margin, now: text.amount(before.margin), next: after && text.amount(after.margin) },
    {
      label: m.effectiveLeverage,
      hint: m.effectiveLeverageHint,
      now: leverage(before),
      next: after && leverage(after),
    },
    {
      label: m.liquidationPrice,
      now: text.liquidationPrice(before.liquidationPrice),
      next: after && text.liquidationPrice(after.liquidationPrice),
    },
    ...(risk
      ? [
          {
            label: m.marginRatio,
            now: percent(risk.before.marginRatio),
            next: risk.after && percent(risk.after.marginRatio),
          },
          {
            label: m.liquidationDistance,
            now: percent(risk.before.liquidationDistance),
            next: risk.after && percent(risk.after.liquidationDistance),
          },
        ]
      : []),
  ];
  const noLiq = before.liquidationPrice === null || (after !== null && after.liquidationPrice === null);
  return (
    <div className="amk-figures">
      <dl>
        {rows.map((r) => (
          <div key={r.label} className="amk-figure">
            <dt aria-describedby={r.hint && hintId}>{r.label}</dt>
            <dd>
              <span className="amk-num">{r.now}</span>
              {r.next !== null && (
                <>
                  <span className="amk-arrow" aria-hidden="true">
                    {' → '}
                  </span>
                  <span className="amk-visually-hidden">{`, ${m.after}: `}</span>
                  <span className="amk-num amk-next">{r.next}</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <span id={hintId} hidden>
        {m.effectiveLeverageHint}
      </span>
      {noLiq && <p className="amk-muted">{m.noLiquidationReason}</p>}
    </div>
  );
}
