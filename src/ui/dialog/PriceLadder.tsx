import type { PositionFigures } from '../../core/adjustment';
import { Dec, toDecimal, type Decimal } from '../../core/decimal';
import type { AdjustMarginMessages } from '../messages';
import type { FigureText } from './figureText';

/** One labelled price on the ladder. */
interface LadderPoint {
  key: 'mark' | 'entry' | 'liqNow' | 'liqAfter';
  label: string;
  price: Decimal | null;
}

const WIDTH = 320;
const HEIGHT = 64;
const PAD = 14;

/**
 * Mark, entry, and liquidation price now and after, on one price axis: how much room the change
 * buys or costs. Its text alternative (`ladderLabel`: `ladderText`) says every price in words.
 */
export function PriceLadder(props: {
  entryPrice: string;
  markPrice: string;
  before: PositionFigures;
  after: PositionFigures | null;
  m: AdjustMarginMessages;
  text: FigureText;
}) {
  const { before, after, m, text } = props;
  const liqAfter = after ? after.liquidationPrice : null;
  const description = m.ladderText({
    mark: text.price(props.markPrice),
    entry: text.price(props.entryPrice),
    liqNow: text.price(before.liquidationPrice),
    liqAfter: text.price(liqAfter),
  });
  const points: LadderPoint[] = [
    { key: 'entry', label: m.entryPrice, price: toDecimal(props.entryPrice) },
    { key: 'mark', label: m.markPrice, price: toDecimal(props.markPrice) },
    { key: 'liqNow', label: m.liquidationPrice, price: before.liquidationPrice },
    { key: 'liqAfter', label: m.after, price: liqAfter },
  ];
  const known = points.filter((p): p is LadderPoint & { price: Decimal } => p.price !== null);
  if (known.length < 2) return null;
  let lo = known[0]!.price;
  let hi = known[0]!.price;
  for (const p of known) {
    lo = Dec.min(lo, p.price);
    hi = Dec.max(hi, p.price);
  }
  const span = hi.minus(lo);
  // Positions on screen are presentation, not money: a float is fine here, after the decimal math.
  const x = (price: Decimal) =>
    span.isZero()
      ? WIDTH / 2
      : PAD +
        price
          .minus(lo)
          .div(span)
          .times(WIDTH - 2 * PAD)
          .toNumber();
  const liqNowPoint = known.find((p) => p.key === 'liqNow');
  const liqAfterPoint = known.find((p) => p.key === 'liqAfter');
  const markPoint = known.find((p) => p.key === 'mark');
  return (
    <div className="amk-ladder">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${m.ladderLabel}: ${description}`}
        focusable="false"
        preserveAspectRatio="none"
      >
        <line className="amk-ladder-axis" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} />
        {markPoint && liqNowPoint && (
          <line
            className="amk-ladder-room"
            x1={x(markPoint.price)}
            x2={x(liqNowPoint.price)}
            y1={HEIGHT / 2}
            y2={HEIGHT / 2}
          />
        )}
        {liqNowPoint && liqAfterPoint && (
          <line
            className="amk-ladder-change"
            x1={x(liqNowPoint.price)}
            x2={x(liqAfterPoint.price)}
            y1={HEIGHT / 2 + 6}
            y2={HEIGHT / 2 + 6}
          />
        )}
        {known.map((p, i) => {
          const above = i % 2 === 0;
          const px = x(p.price);
          const anchor = px < WIDTH * 0.2 ? 'start' : px > WIDTH * 0.8 ? 'end' : 'middle';
          return (
            <g key={p.key} className={`amk-ladder-point amk-ladder-${p.key}`}>
              <line x1={px} x2={px} y1={HEIGHT / 2 - 7} y2={HEIGHT / 2 + 7} />
              <text x={px} y={above ? 12 : HEIGHT - 4} textAnchor={anchor}>
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
