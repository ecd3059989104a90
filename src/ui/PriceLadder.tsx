import type { Decimal } from '../core/decimal';
import { Dec } from '../core/decimal';

/** One labelled price on the ladder. */
export interface LadderPoint {
  key: 'mark' | 'entry' | 'liqNow' | 'liqAfter';
  label: string;
  price: Decimal | null;
}

const WIDTH = 320;
const HEIGHT = 64;
const PAD = 14;

/**
 * Mark, entry, and liquidation price now and after, on one price axis: how much room the change
 * buys or costs. Its text alternative is `label: description`.
 */
export function PriceLadder(props: { points: readonly LadderPoint[]; description: string; label: string }) {
  const known = props.points.filter((p): p is LadderPoint & { price: Decimal } => p.price !== null);
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
  const liqNow = known.find((p) => p.key === 'liqNow');
  const liqAfter = known.find((p) => p.key === 'liqAfter');
  const mark = known.find((p) => p.key === 'mark');
  return (
    <div className="amk-ladder">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${props.label}: ${props.description}`}
        focusable="false"
        preserveAspectRatio="none"
      >
        <line className="amk-ladder-axis" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} />
        {mark && liqNow && (
          <line className="amk-ladder-room" x1={x(mark.price)} x2={x(liqNow.price)} y1={HEIGHT / 2} y2={HEIGHT / 2} />
        )}
        {liqNow && liqAfter && (
          <line
            className="amk-ladder-change"
            x1={x(liqNow.price)}
            x2={x(liqAfter.price)}
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
