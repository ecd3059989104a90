import { useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { PositionFigures } from '../../core/adjustment';
import { Dec, toDecimal, type Decimal } from '../../core/decimal';
import type { TargetRange } from '../../engine/targetLiquidationForm';
import type { AdjustMarginMessages } from '../messages';
import type { FigureText } from './figureText';
import { placeLabels } from './ladderLabels';

/** One labelled price on the ladder. */
interface LadderPoint {
  key: 'mark' | 'entry' | 'liqNow' | 'liqAfter';
  label: string;
  price: Decimal | null;
}

/** The price axis: the lowest price shown and the span to the highest. */
interface Scale {
  lo: Decimal;
  span: Decimal;
}

const WIDTH = 320;
const HEIGHT = 64;
/** Height of a second row of labels, above and below, when labels are too close for one row each. */
const ROW = 12;
const PAD = 14;

// Positions on screen are presentation, not money: a float is fine here, after the decimal math.
const xOf = (scale: Scale, price: Decimal): number =>
  scale.span.isZero()
    ? WIDTH / 2
    : PAD +
      price
        .minus(scale.lo)
        .div(scale.span)
        .times(WIDTH - 2 * PAD)
        .toNumber();

/** The price under a pointer at `fraction` (0–1) of the ladder's width, before snapping to the grid. */
const priceAt = (scale: Scale, fraction: number): Decimal =>
  scale.lo.plus(scale.span.times(new Dec(((fraction * WIDTH - PAD) / (WIDTH - 2 * PAD)).toFixed(6)).clamp(-1, 2)));

/** On the range's price grid (whole steps from its min) and inside the range. */
function snap(range: TargetRange, price: Decimal): Decimal {
  const steps = price.minus(range.min).div(range.step).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return Dec.min(range.max, Dec.max(range.min, range.min.plus(steps.times(range.step))));
}

/** The "after" marker as a slider: keys step by a tick, Page keys by `bigStep`, Home/End to the ends. */
function keyed(key: string, value: Decimal, range: TargetRange): Decimal | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return value.minus(range.step);
    case 'ArrowRight':
    case 'ArrowUp':
      return value.plus(range.step);
    case 'PageDown':
      return value.minus(range.bigStep);
    case 'PageUp':
      return value.plus(range.bigStep);
    case 'Home':
      return range.min;
    case 'End':
      return range.max;
    default:
      return null;
  }
}

/**
 * Mark, entry, and liquidation price now and after, on one price axis: how much room the change
 * buys or costs. Its text alternative (`ladderLabel`: `ladderText`) says every price in words.
 * With a `range`, the "after" marker is a slider (`ladderSlider`): dragging it, or its keys, set a
 * target liquidation price within what the max addable and removable reach.
 */
export function PriceLadder(props: {
  entryPrice: string;
  markPrice: string;
  before: PositionFigures;
  after: PositionFigures | null;
  /** The reachable targets; null: no slider. */
  range: TargetRange | null;
  /** The target liquidation price being led by (target mode), else null. */
  target: Decimal | null;
  onTarget: (price: Decimal) => void;
  disabled: boolean;
  m: AdjustMarginMessages;
  text: FigureText;
}) {
  const { before, after, range, m, text } = props;
  // While a pointer drags the marker the axis stays as it was when the drag began.
  const [dragScale, setDragScale] = useState<Scale | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const liqAfter = after ? after.liquidationPrice : null;
  const description = m.ladderText({
    mark: text.price(props.markPrice),
    entry: text.price(props.entryPrice),
    liqNow: text.liquidationPrice(before.liquidationPrice),
    liqAfter: text.liquidationPrice(liqAfter),
  });
  const points: LadderPoint[] = [
    { key: 'entry', label: m.entryPrice, price: toDecimal(props.entryPrice) },
    { key: 'mark', label: m.markPrice, price: toDecimal(props.markPrice) },
    { key: 'liqNow', label: m.liquidationPrice, price: before.liquidationPrice },
    { key: 'liqAfter', label: m.after, price: liqAfter },
  ];
  const known = points.filter((p): p is LadderPoint & { price: Decimal } => p.price !== null);
  if (known.length < 2) return null;
  const sliderAt = props.target ?? liqAfter ?? before.liquidationPrice;
  const value = range && sliderAt ? snap(range, sliderAt) : null;
  // The axis holds every point and the slider's value (a target beyond the max sits at the range's end).
  let lo = value ?? known[0]!.price;
  let hi = lo;
  for (const p of known) {
    lo = Dec.min(lo, p.price);
    hi = Dec.max(hi, p.price);
  }
  const scale = dragScale ?? { lo, span: hi.minus(lo) };
  const x = (price: Decimal) => xOf(scale, price);
  const liqNowPoint = known.find((p) => p.key === 'liqNow');
  const liqAfterPoint = known.find((p) => p.key === 'liqAfter');
  const markPoint = known.find((p) => p.key === 'mark');
  // Labels take turns above and below the axis, and a second row where one each is not enough.
  const placed = placeLabels(
    known.map((p) => ({ x: x(p.price), text: p.label })),
    WIDTH,
  );
  const tall = placed.some((p) => p.lane > 1);
  const height = tall ? HEIGHT + 2 * ROW : HEIGHT;
  const mid = height / 2;
  const labelY = [ROW + (tall ? ROW : 0), height - 4 - (tall ? ROW : 0), ROW, height - 4];

  const fractionOf = (clientX: number): number => {
    const box = svgRef.current?.getBoundingClientRect();
    return box && box.width > 0 ? (clientX - box.left) / box.width : 0.5;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!range || !value || props.disabled) return;
    const next = keyed(e.key, value, range);
    if (next === null) return;
    e.preventDefault();
    props.onTarget(snap(range, next));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!range || props.disabled) return;
    // The drag follows the pointer beyond the thumb (absent in some test environments).
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDragScale(scale);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!range || !dragScale) return;
    props.onTarget(snap(range, priceAt(dragScale, fractionOf(e.clientX))));
  };
  const endDrag = () => setDragScale(null);

  return (
    <div className="amk-ladder" data-tall={tall || undefined}>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`${m.ladderLabel}: ${description}`}
        focusable="false"
        preserveAspectRatio="none"
      >
        <line className="amk-ladder-axis" x1={PAD} x2={WIDTH - PAD} y1={mid} y2={mid} />
        {markPoint && liqNowPoint && (
          <line className="amk-ladder-room" x1={x(markPoint.price)} x2={x(liqNowPoint.price)} y1={mid} y2={mid} />
        )}
        {liqNowPoint && liqAfterPoint && (
          <line
            className="amk-ladder-change"
            x1={x(liqNowPoint.price)}
            x2={x(liqAfterPoint.price)}
            y1={mid + 6}
            y2={mid + 6}
          />
        )}
        {known.map((p, i) => {
          const px = x(p.price);
          const { lane, anchor } = placed[i]!;
          return (
            <g key={p.key} className={`amk-ladder-point amk-ladder-${p.key}`}>
              <line x1={px} x2={px} y1={mid - 7} y2={mid + 7} />
              <text x={px} y={labelY[lane]} textAnchor={anchor}>
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      {range && value && (
        <div
          className="amk-ladder-thumb"
          role="slider"
          tabIndex={props.disabled ? -1 : 0}
          aria-label={m.ladderSlider}
          aria-orientation="horizontal"
          aria-disabled={props.disabled || undefined}
          // aria-valuenow is a number for assistive technology; the value itself stays a decimal.
          aria-valuemin={range.min.toNumber()}
          aria-valuemax={range.max.toNumber()}
          aria-valuenow={value.toNumber()}
          aria-valuetext={text.price(value)}
          data-dragging={dragScale ? true : undefined}
          style={{ '--amk-thumb-x': `${Math.min(100, Math.max(0, (x(value) / WIDTH) * 100))}%` } as CSSProperties}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
        />
      )}
    </div>
  );
}
