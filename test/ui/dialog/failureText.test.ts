import { describe, expect, it } from 'vitest';
import { AdjustMarginError, type AdjustMarginErrorKind } from '../../../src/engine/types';
import { failureText } from '../../../src/ui/dialog/failureText';
import { defaultMessages, resolveMessages } from '../../../src/ui/messages';

const m = defaultMessages;
/** The failed position's name, as the dialog passes it (`messages.positionName`). */
const POSITION = m.positionName('ETHUSDT', m.sideShort);
const KINDS: AdjustMarginErrorKind[] = [
  'insufficientCrossBalance',
  'insufficientIsolatedBalance',
  'noPosition',
  'invalidAmount',
  'notIsolated',
  'liquidating',
  'network',
  'timeout',
  'unknown',
];

describe('failureText: a failed adjustment in the messages’ words, by kind', () => {
  it('says the sentence of the kind, never the error’s own message', () => {
    const error = new AdjustMarginError('insufficientIsolatedBalance', 'internal: wallet 2999.9 < 3000', {
      code: -4051,
    });
    expect(failureText(error, POSITION, m)).toEqual({
      sentence:
        'ETHUSDT Short not adjusted: The amount is more than can be removed now; the limit moved with the mark price.',
      detail: null,
      hint: 'Your amount is kept; you can try again.',
    });
  });

  it('every kind has its own sentence, and none repeats the error’s message', () => {
    const sentences = KINDS.map((kind) => failureText(new AdjustMarginError(kind, 'SECRET'), POSITION, m).sentence);
    expect(new Set(sentences).size).toBe(KINDS.length);
    for (const s of sentences) expect(s).not.toContain('SECRET');
  });

  it('names the position and its side in hedge mode: the Long and the Short of a symbol read apart', () => {
    const error = new AdjustMarginError('noPosition', 'x');
    expect(failureText(error, m.positionName('ETHUSDT', m.sideLong), m).sentence).toBe(
      'ETHUSDT Long not adjusted: The position is closed; there is no margin to adjust.',
    );
    expect(failureText(error, m.positionName('ETHUSDT', m.sideShort), m).sentence).toBe(
      'ETHUSDT Short not adjusted: The position is closed; there is no margin to adjust.',
    );
  });

  it('a timeout says "check the position" once, in the hint only (also when the exchange said something)', () => {
    for (const exchangeMessage of [undefined, 'Internal error; unable to process your request.']) {
      const text = failureText(new AdjustMarginError('timeout', 'x', { exchangeMessage }), POSITION, m);
      const all = [text.sentence, text.detail ?? '', text.hint].join(' ');
      expect(all.match(/check the position/gi)).toHaveLength(1);
      expect(text.hint).toMatch(/^Check the position/);
    }
  });

  it('a timeout says the result is unknown, and to check before retrying', () => {
    expect(failureText(new AdjustMarginError('timeout', 'No answer from Binance within 10 s.'), POSITION, m)).toEqual({
      sentence: 'Result unknown for ETHUSDT Short: The exchange did not answer in time.',
      detail: null,
      hint: 'Check the position’s margin before trying again; your amount is kept.',
    });
  });

  it('keeps the exchange’s own words, with its code, as a detail', () => {
    const error = new AdjustMarginError('insufficientCrossBalance', 'Not enough in the cross wallet.', {
      code: -4050,
      exchangeMessage: 'Cross balance insufficient.',
    });
    expect(failureText(error, POSITION, m).detail).toBe('Exchange (code -4050): Cross balance insufficient.');
    const noCode = new AdjustMarginError('network', 'x', { exchangeMessage: 'Service unavailable.' });
    expect(failureText(noCode, POSITION, m).detail).toBe('Exchange: Service unavailable.');
  });

  it('anything that is not an AdjustMarginError reads as unknown, with no detail: never a raw JavaScript message', () => {
    for (const thrown of [
      new TypeError("Cannot read properties of null (reading 'x')"),
      'a bare string',
      { kind: 'network' },
      undefined,
    ]) {
      const text = failureText(thrown, POSITION, m);
      expect(text).toEqual({
        sentence: 'ETHUSDT Short not adjusted: The request failed for an unexpected reason.',
        detail: null,
        hint: 'Your amount is kept; you can try again.',
      });
    }
  });

  it('a kind the messages do not know (a foreign or forged error) reads as unknown', () => {
    const forged = new AdjustMarginError('toString' as AdjustMarginErrorKind, 'x');
    expect(failureText(forged, POSITION, m).sentence).toBe(
      'ETHUSDT Short not adjusted: The request failed for an unexpected reason.',
    );
  });

  it('follows an app’s wording of the kinds', () => {
    const de = resolveMessages({
      failed: (s, position) => `${position} nicht angepasst: ${s}`,
      adjustErrors: { ...defaultMessages.adjustErrors, noPosition: 'Die Position ist geschlossen.' },
    });
    expect(failureText(new AdjustMarginError('noPosition', 'x'), POSITION, de).sentence).toBe(
      'ETHUSDT Short nicht angepasst: Die Position ist geschlossen.',
    );
  });
});

describe('failureText: the exchange’s words, shown safely', () => {
  const detailOf = (exchangeMessage: string) =>
    failureText(new AdjustMarginError('unknown', 'x', { code: -1, exchangeMessage }), POSITION, m).detail!;

  it('writes control and bidi characters as their code points, so they cannot reorder or hide text', () => {
    expect(detailOf('\u202Eecnalab\u202C ok\u0000\n')).toBe('Exchange (code -1): U+202EecnalabU+202C okU+0000U+000A');
  });

  it('shows at most 200 characters of it, the last one an ellipsis', () => {
    const prefix = 'Exchange (code -1): ';
    expect(detailOf('x'.repeat(10_000))).toBe(`${prefix}${'x'.repeat(199)}…`);
    expect(detailOf('x'.repeat(200))).toBe(`${prefix}${'x'.repeat(200)}`);
    // Characters, not UTF-16 units: an astral character is one.
    expect(detailOf('😀'.repeat(300))).toBe(`${prefix}${'😀'.repeat(199)}…`);
  });
});
