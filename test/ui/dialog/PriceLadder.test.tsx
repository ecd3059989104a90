import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PositionFigures } from '../../../src/core/adjustment';
import { Dec } from '../../../src/core/decimal';
import { figureText } from '../../../src/ui/dialog/figureText';
import { PriceLadder } from '../../../src/ui/dialog/PriceLadder';
import { resolveMessages } from '../../../src/ui/messages';

const figures = (liquidationPrice: string): PositionFigures => ({
  isolatedWallet: new Dec(3000),
  margin: new Dec(4000),
  effectiveLeverage: new Dec(7.75),
  liquidationPrice: new Dec(liquidationPrice),
});

/** The ladder of a position entered at 60,000, with no target range; returns its image. */
function renderLadder(markPrice: string, before: PositionFigures, after: PositionFigures | null) {
  render(
    <PriceLadder
      entryPrice="60000"
      markPrice={markPrice}
      before={before}
      after={after}
      range={null}
      target={null}
      onTarget={() => {}}
      disabled={false}
      m={resolveMessages()}
      text={figureText(undefined, 'en')}
    />,
  );
  return screen.getByRole('img', { name: /^Price ladder:/ });
}

/** The x of each point's tick mark on the ladder, by its class. */
function xs(ladder: HTMLElement) {
  const x = (key: string) => Number(ladder.querySelector(`.amk-ladder-${key} line`)?.getAttribute('x1'));
  return { entry: x('entry'), mark: x('mark'), liqNow: x('liqNow'), liqAfter: x('liqAfter') };
}

describe('PriceLadder', () => {
  it('places each price on the axis by its distance from the lowest, the highest at the far end', () => {
    const ladder = renderLadder('62000', figures('54000'), figures('50000'));
    // The axis runs from 50,000 (x 14) to 62,000 (x 306): 292 units over 12,000. Entry: 14 + 10,000 ×
    // 292 / 12,000 = 257.333…; liquidation now: 14 + 4,000 × 292 / 12,000 = 111.333….
    const at = xs(ladder.closest('.amk-ladder') as HTMLElement);
    expect(at.liqAfter).toBe(14);
    expect(at.mark).toBe(306);
    expect(at.entry).toBeCloseTo(257.3333333, 6);
    expect(at.liqNow).toBeCloseTo(111.3333333, 6);
    // The room to liquidation (mark → now) and the change (now → after) span the same points.
    const room = ladder.querySelector('.amk-ladder-room')!;
    expect(Number(room.getAttribute('x1'))).toBe(306);
    expect(Number(room.getAttribute('x2'))).toBeCloseTo(111.3333333, 6);
    const change = ladder.querySelector('.amk-ladder-change')!;
    expect(Number(change.getAttribute('x2'))).toBe(14);
  });

  it('puts every point in the middle when all prices are equal', () => {
    const ladder = renderLadder('60000', figures('60000'), null);
    const at = xs(ladder.closest('.amk-ladder') as HTMLElement);
    expect([at.entry, at.mark, at.liqNow]).toEqual([160, 160, 160]);
  });
});
