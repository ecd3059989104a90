import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLabels, type LadderLabel } from '../../../src/ui/dialog/ladderLabels';

const WIDTH = 320;
const LABELS = ['Entry price', 'Mark price', 'Est. liq. price', 'After'];

/** The documented estimate at the labels' 10 px: a wide (CJK) character an em, any other 0.66 em. */
const labelWidth = (text: string): number =>
  [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 10 : 6.6), 0);

/** Where a label is drawn along the axis, from its anchor and the estimated width. */
function extent(label: LadderLabel, anchor: 'start' | 'middle' | 'end'): [number, number] {
  const w = labelWidth(label.text);
  const from = anchor === 'start' ? label.x : anchor === 'end' ? label.x - w : label.x - w / 2;
  return [from, from + w];
}

describe('the price ladder’s labels', () => {
  it('stay in one row above the axis when their points are far apart', () => {
    const labels = [
      { x: 20, text: 'Entry' },
      { x: 110, text: 'Mark' },
      { x: 210, text: 'Liq.' },
      { x: 300, text: 'After' },
    ];
    expect(placeLabels(labels, WIDTH).map((p) => p.lane)).toEqual([0, 0, 0, 0]);
  });

  it('take turns above and below when two points are equal (entry price = mark price)', () => {
    const placed = placeLabels(
      [
        { x: 160, text: 'Entry price' },
        { x: 160, text: 'Mark price' },
      ],
      WIDTH,
    );
    expect(placed.map((p) => p.lane)).toEqual([0, 1]);
  });

  it('use a second row above and below when all four points meet', () => {
    const placed = placeLabels(
      LABELS.map((text) => ({ x: 160, text })),
      WIDTH,
    );
    expect(placed.map((p) => p.lane)).toEqual([0, 1, 2, 3]);
  });

  it('are anchored at their point near an end of the axis, so they stay inside it', () => {
    const placed = placeLabels(
      [
        { x: 14, text: 'Est. liq. price' },
        { x: 306, text: 'Mark price' },
        { x: 160, text: 'Entry price' },
      ],
      WIDTH,
    );
    expect(placed.map((p) => p.anchor)).toEqual(['start', 'end', 'middle']);
  });

  it('count a wide (CJK) character as an em: four of them need 40 units and 4 between labels', () => {
    // 强平价格 and 标记价格, centred: [x − 20, x + 20] each, 2 units of room either side.
    const at = (x: number) =>
      placeLabels(
        [
          { x: 140, text: '强平价格' },
          { x, text: '标记价格' },
        ],
        WIDTH,
      ).map((p) => p.lane);
    expect(at(183)).toEqual([0, 1]);
    expect(at(185)).toEqual([0, 0]);
  });

  it('never overlap in a lane, wherever the four points are (equal and near ones included)', () => {
    const x = fc.oneof(fc.integer({ min: 14, max: 306 }), fc.constantFrom(14, 150, 151, 160, 306));
    fc.assert(
      fc.property(fc.tuple(x, x, x, x), (xs) => {
        const labels = xs.map((px, i) => ({ x: px, text: LABELS[i]! }));
        const placed = placeLabels(labels, WIDTH);
        for (let i = 0; i < labels.length; i += 1)
          for (let j = i + 1; j < labels.length; j += 1) {
            if (placed[i]!.lane !== placed[j]!.lane) continue;
            const [a0, a1] = extent(labels[i]!, placed[i]!.anchor);
            const [b0, b1] = extent(labels[j]!, placed[j]!.anchor);
            expect(a1 <= b0 || b1 <= a0).toBe(true);
          }
      }),
      { numRuns: 500 },
    );
  });
});
