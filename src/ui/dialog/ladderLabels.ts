/** A label on the ladder: where its point is (x, in the SVG's units) and its text. */
export interface LadderLabel {
  x: number;
  text: string;
}

/** Where a label is drawn: its lane (0 above the axis, 1 below, 2 above that, 3 below that) and anchor. */
export interface PlacedLabel {
  lane: 0 | 1 | 2 | 3;
  anchor: 'start' | 'middle' | 'end';
}

/** The ladder's labels are set at this size (dialog.css, `.amk-ladder text`), in the SVG's units. */
const FONT_SIZE = 10;
/** Space kept between two labels of one lane. */
const GAP = 4;

/**
 * How wide a label is drawn, estimated on the generous side: a wide character (CJK, fullwidth) an
 * em, any other 0.66 em (wider than a sans font's average Latin letter).
 */
function labelWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.66;
  return em * FONT_SIZE;
}

/**
 * Lanes for the ladder's labels so that no two overlap, whatever their points (equal prices
 * included): in the order of their points along the axis, each label takes the first lane (above,
 * below, then a second row above and below) where it clears the labels already there. Four lanes
 * hold any four labels. A label near an end of the axis is anchored at its point, so it stays
 * inside the ladder.
 */
export function placeLabels(labels: readonly LadderLabel[], width: number): PlacedLabel[] {
  const taken: [number, number][][] = [[], [], [], []];
  const placed: PlacedLabel[] = new Array<PlacedLabel>(labels.length);
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.x - labels[b]!.x || a - b);
  for (const i of order) {
    const { x, text } = labels[i]!;
    const w = labelWidth(text);
    const anchor = x < width * 0.2 ? 'start' : x > width * 0.8 ? 'end' : 'middle';
    const from = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    const extent: [number, number] = [from - GAP / 2, from + w + GAP / 2];
    const lane = taken.findIndex((spans) => spans.every(([a, b]) => extent[1] <= a || extent[0] >= b));
    const at = (lane === -1 ? 3 : lane) as PlacedLabel['lane'];
    taken[at]!.push(extent);
    placed[i] = { lane: at, anchor };
  }
  return placed;
}
