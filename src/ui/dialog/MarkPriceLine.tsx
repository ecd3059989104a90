import type { AdjustMarginMessages } from '../messages';
import { MarkPriceAge } from './MarkPriceAge';

/** "Mark price 62,000.00 · updated 3 s ago" under the figures: the dialog's one age readout. */
export function MarkPriceLine(props: {
  /** The mark price as shown; undefined until the limits are known. */
  markPrice: string | undefined;
  time: number | undefined;
  /** Writes a count in the locale's digits. */
  count: (value: number) => string;
  m: AdjustMarginMessages;
}) {
  const { m } = props;
  return (
    <p className="amk-mark">
      {props.markPrice !== undefined && (
        <>
          {m.markPrice} <span className="amk-num">{props.markPrice}</span> ·{' '}
        </>
      )}
      <MarkPriceAge time={props.time} format={m.markAge} count={props.count} waiting={m.markWaiting} />
    </p>
  );
}
