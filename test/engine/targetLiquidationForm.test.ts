import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionFigures } from '../../src/core/adjustment';
import { Dec, type DecimalInput } from '../../src/core/decimal';
import { maxRemovable } from '../../src/core/limits';
import { unrealizedPnl } from '../../src/core/position';
import type { PositionInput } from '../../src/core/types';
import { summarizeAdjustMarginForm, validateFor } from '../../src/engine/adjustMarginForm';
import type { MarginLimits } from '../../src/engine/marginLimits';
import { solveTarget, targetRange } from '../../src/engine/targetLiquidationForm';
import { decimalString, positionArb } from '../support/arbitraries';
import { vectorPosition } from '../support/vectors';

/** The limits the dialog would have for `input`, with `maxAddable` from the cross wallet. */
function limitsOf(input: PositionInput, maxAddable: DecimalInput, pricePrecision = 2): MarginLimits {
  return {
    position: {
      symbol: 'BTCUSDT',
      positionSide: 'BOTH',
      marginType: 'isolated',
      contractType: input.contractType,
      contractSize: input.contractSize === undefined ? undefined : String(input.contractSize),
      positionAmt: String(input.positionAmt),
      entryPrice: String(input.entryPrice),
      markPrice: String(input.markPrice),
      leverage: String(input.leverage),
      isolatedWallet: String(input.isolatedWallet),
      openOrderInitialMargin: '0',
      brackets: input.brackets,
      marginAsset: input.contractType === 'linear' ? 'USDT' : 'BTC',
      marginAssetPrecision: 8,
      pricePrecision,
    },
    input,
    markPrice: String(input.markPrice),
    maxAddable: new Dec(maxAddable),
    maxRemovable: maxRemovable(input),
    current: positionFigures(input),
    unrealizedPnl: unrealizedPnl(input),
  };
}

// V1: 0.5 BTC long at 60,000, mark 62,000, wallet 3,000 USDT; max removable 900. By hand, the
// liquidation price with wallet WB is (WB − 30,000) / −0.498 (first bracket below 50,000 notional).
const v1 = vectorPosition('V1');
const v1Limits = limitsOf(v1, '1000');

const targetForm = (text: string, limits = v1Limits, locale = 'en') =>
  summarizeAdjustMarginForm({ mode: 'ADD', intent: { kind: 'target', text }, limits, isStale: false, locale });

describe('the form with a target liquidation price', () => {
  it('a reachable target: the amount shows, the mode is the one it needs, and it validates like a typed one', () => {
    // 56,000: WB = 30,000 − 0.498 × 56,000 = 2,112, so remove 888 (≤ 900), though the form was on Add.
    const form = targetForm('56000');
    expect(form.mode).toBe('REMOVE');
    expect(form.text).toBe('888');
    expect(form.targetText).toBe('56000');
    expect(form.validation.ok && form.validation.value).toBe('888');
    expect(form.after?.liquidationPrice?.toFixed()).toBe('56000');
    expect(form.canConfirm).toBe(true);
    // What Confirm re-checks at the click is this text, for this mode: the same answer.
    expect(validateFor(form.text, form.mode, v1Limits, { locale: 'en' }).ok).toBe(true);
  });

  it('reads the target with the locale’s separators, like an amount', () => {
    expect(targetForm('56.000', v1Limits, 'de').text).toBe('888');
    const en = targetForm('56,000.5');
    // 56,000.5 is on the 2-decimal price grid: WB = 30,000 − 0.498 × 56,000.5 = 2,111.751: remove 888.249.
    expect(en.text).toBe('888.249');
  });

  it('a price the parser refuses gets the parser’s error, and no amount', () => {
    for (const [text, code] of [
      ['abc', 'notANumber'],
      ['5e4', 'exponent'],
      ['-50000', 'sign'],
      ['50000.001', 'tooManyDecimals'],
    ] as const) {
      const form = targetForm(text);
      expect(form.target?.error).toMatchObject({ code: 'price', error: { code } });
      expect(form.text).toBe('');
      expect(form.canConfirm).toBe(false);
    }
  });

  it('beyond the max addable: the amount needed shows, over the limit, with the closest reachable target', () => {
    // 50,000 needs WB 5,100: add 2,100 > 1,000. With 1,000 added: (4,000 − 30,000) / −0.498 = 52,208.835…,
    // rounded up (toward the mark) to 52,208.84 so that it stays reachable.
    const form = targetForm('50000');
    expect(form.mode).toBe('ADD');
    expect(form.text).toBe('2100');
    expect(!form.validation.ok && form.validation.error.code).toBe('overLimit');
    expect(form.target?.error).toEqual({
      code: 'beyondMax',
      type: 'ADD',
      closest: new Dec('52208.84'),
      closestText: '52208.84',
    });
    // "Use closest": 52,208.84 needs WB = 30,000 − 0.498 × 52,208.84 = 3,999.99768, add 999.99768.
    const closest = targetForm('52208.84');
    expect(closest.text).toBe('999.99768');
    expect(closest.canConfirm).toBe(true);
  });

  it('beyond the max removable: the closest is rounded away from the mark', () => {
    // 57,000 needs remove 1,386 > 900; after 900: (2,100 − 30,000) / −0.498 = 56,024.0963…, down to 56,024.09.
    const form = targetForm('57000');
    expect(form.target?.error).toEqual({
      code: 'beyondMax',
      type: 'REMOVE',
      closest: new Dec('56024.09'),
      closestText: '56024.09',
    });
  });

  it('a target at or past the mark is refused as on the wrong side, with nothing to confirm', () => {
    const form = targetForm('62000');
    expect(form.target?.error).toEqual({ code: 'wrongSide' });
    expect(form.text).toBe('');
    expect(form.canConfirm).toBe(false);
  });

  it('with an amount leading, the target field shows the liquidation price after it, within the max', () => {
    const form = summarizeAdjustMarginForm({
      mode: 'REMOVE',
      intent: { kind: 'typed', text: '900' },
      limits: v1Limits,
      isStale: false,
      locale: 'en',
    });
    // 56,024.0963… after removing 900: for a removal, away from the mark (a long's down) to 56,024.09,
    // which needs 30,000 − 0.498 × 56,024.09 = 2,100.00318, a removal of 899.99682 ≤ 900. (Up, to
    // 56,024.1, would need 900.0018: over the max the amount just met.)
    expect(form.targetText).toBe('56024.09');
    expect(form.target).toBeNull();
    const switched = targetForm(form.targetText);
    expect(switched.text).toBe('899.99682');
    expect(switched.canConfirm).toBe(true);
  });
});

describe('targetRange: where the slider goes', () => {
  it('V1: from the price with the max added to the one with the max removed, on the 0.01 grid', () => {
    const range = targetRange(v1Limits)!;
    expect(range.min.toFixed()).toBe('52208.84');
    expect(range.max.toFixed()).toBe('56024.09');
    expect(range.step.toFixed()).toBe('0.01');
    // 1 % of the 62,000 mark.
    expect(range.bigStep.toFixed()).toBe('620');
  });

  it('every price in the range solves to an amount that validates (the slider never offers the unreachable)', () => {
    const arb = fc.tuple(positionArb, decimalString(0, 5000, 8), fc.integer({ min: 0, max: 1000 }));
    fc.assert(
      fc.property(arb, ([p, addable, share]) => {
        const limits = limitsOf(p, addable);
        const range = targetRange(limits);
        if (range === null) return true;
        const span = range.max.minus(range.min);
        const price = range.min.plus(span.times(share).div(1000)).toDecimalPlaces(2, Dec.ROUND_FLOOR);
        const solved = solveTarget(price.toFixed(), limits, 'en');
        if (solved.error?.code === 'atTarget') return true;
        if (solved.error !== null || solved.type === null) return false;
        return validateFor(solved.amountText, solved.type, limits, { locale: 'en' }).ok;
      }),
      { numRuns: 500 },
    );
  });
});
