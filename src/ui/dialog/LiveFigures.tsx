'use client';
import { useSyncExternalStore } from 'react';
import type { Decimal } from '../../core/decimal';
import type { Percent } from '../../engine/adjustMarginForm';
import { priceInputValue } from '../../engine/targetLiquidationForm';
import type { LiveAdjustMarginForm } from '../../react/useAdjustMarginForm';
import type { AdjustMarginMessages } from '../messages';
import type { FigureText } from './figureText';
import { Figures } from './Figures';
import { LimitLine } from './LimitLine';
import { MarkPriceLine } from './MarkPriceLine';
import { PriceLadder } from './PriceLadder';

/**
 * The figures that move with the mark: the limit, before → after, the ladder and the mark price.
 * They read the form's latest view on every tick themselves, so a tick renders these parts alone,
 * not the dialog (the form re-renders only when something else it shows changes: `figuresApart`).
 */
export function LiveFigures(props: {
  live: LiveAdjustMarginForm;
  limitId: string;
  /** "Max addable" or "Max removable". */
  label: string;
  pinned: Percent | null;
  headroom: string | null;
  frozen: boolean;
  onTarget: (text: string) => void;
  m: AdjustMarginMessages;
  text: FigureText;
  locale?: string;
}) {
  const { live, m, text, locale } = props;
  const { limitsState, summary } = useSyncExternalStore(live.subscribe, live.current, live.current);
  const { status, limits, markPriceTime } = limitsState;
  const { before, after, max } = summary;
  return (
    <>
      <LimitLine
        id={props.limitId}
        label={props.label}
        maxText={text.amount(max)}
        exactText={max === null ? null : text.exact(max)}
        pinned={props.pinned}
        limitedBy={summary.limitedBy}
        headroom={props.headroom}
        m={m}
      />
      {status === 'loading' && <p className="amk-muted">{m.loading}</p>}
      {limits && before && (
        <>
          <Figures before={before} after={after} risk={summary.risk} m={m} text={text} locale={locale} />
          <PriceLadder
            entryPrice={limits.position.entryPrice}
            markPrice={limits.markPrice}
            before={before}
            after={after}
            range={summary.targetRange}
            target={summary.target?.price ?? null}
            onTarget={(price: Decimal) => props.onTarget(priceInputValue(price, limits, locale))}
            disabled={props.frozen}
            m={m}
            text={text}
          />
        </>
      )}
      <MarkPriceLine markPrice={limits && text.price(limits.markPrice)} time={markPriceTime} count={text.count} m={m} />
    </>
  );
}
