/**
 * The form and the simulated exchange agree, at the logic level: for random accounts (the default
 * scenario with marks moved by up to ±30 %, wallets, leverages and open-order margins edited),
 * random modes and random typed amounts, the form lets an amount through (`canConfirm`, not stale)
 * EXACTLY when the exchange, at that same moment, accepts it. Both directions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPosition } from '../../src/engine/account';
import type { MarginLimits } from '../../src/engine/marginLimits';
import { computeMarginLimits } from '../support/oracle';
import { applyAdjustment, createSimulatedExchange, type SimulatedState } from '../../src/data/simulated';
import { AdjustMarginError, type AccountSnapshot, type AdjustMarginRequest } from '../../src/engine/types';
import type { AdjustType } from '../../src/core/types';
import { summarizeAdjustMarginForm, type Percent } from '../../src/engine/adjustMarginForm';
import {
  HD,
  ISOLATED_POSITIONS,
  OTHER_POSITIONS,
  buildScenario,
  marksOfState,
  scenarioSpecArb,
  typedAmount,
  typedAmountArb,
  type FuzzLocale,
  type PositionKey,
  type TypedAmount,
  type TypedAmountSpec,
} from '../support/fuzzArbitraries';

const modeArb = fc.constantFrom<AdjustType>('ADD', 'REMOVE');
const anyPositionArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ISOLATED_POSITIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER_POSITIONS) },
);

let requestCounter = 0;
const request = (key: PositionKey, type: AdjustType, amount: string): AdjustMarginRequest => ({
  symbol: key.symbol,
  positionSide: key.positionSide,
  type,
  amount,
  clientRequestId: `agreement-${++requestCounter}`,
});

/** The form's limits at this moment, as the hook derives them (none for a cross or absent position). */
function limitsAt(account: AccountSnapshot, marks: Record<string, string>, key: PositionKey): MarginLimits | undefined {
  const position = findPosition(account, key.symbol, key.positionSide);
  return position && position.marginType === 'isolated' ? computeMarginLimits(account, position, marks) : undefined;
}

interface Case {
  typed: TypedAmount;
  limits: MarginLimits | undefined;
  max: InstanceType<typeof HD>;
}

function caseFor(limits: MarginLimits | undefined, mode: AdjustType, spec: TypedAmountSpec): Case {
  const max = limits ? new HD((mode === 'ADD' ? limits.maxAddable : limits.maxRemovable.amount).toFixed()) : new HD(0);
  const decimals = limits?.position.marginAssetPrecision ?? 8;
  return { typed: typedAmount(spec, max, decimals), limits, max };
}

function describeCase(state: SimulatedState, key: PositionKey, mode: AdjustType, c: Case, locale: string): string {
  return JSON.stringify({
    key,
    mode,
    locale,
    text: c.typed.text,
    wire: c.typed.wire,
    max: c.max.toFixed(),
    marks: marksOfState(state),
  });
}

describe('form ⇔ simulated exchange (pure rules)', () => {
  it('the form lets an amount through exactly when applyAdjustment accepts it, at the same moment', () => {
    fc.assert(
      fc.property(scenarioSpecArb, anyPositionArb, modeArb, typedAmountArb, (spec, key, mode, amountSpec) => {
        const state = buildScenario(spec);
        const marks = marksOfState(state);
        const account = state.account;
        const limits = limitsAt(account, marks, key);
        const c = caseFor(limits, mode, amountSpec);
        const locale: FuzzLocale = amountSpec.locale;
        const form = summarizeAdjustMarginForm({
          mode,
          intent: { kind: 'typed', text: c.typed.text },
          limits,
          isStale: false,
          locale,
        });
        // What the form would send, else the same amount as the user meant it.
        const wire = form.validation.ok ? form.validation.value : c.typed.wire;
        const outcome = applyAdjustment(account, marks, request(key, mode, wire), 0);
        if (form.canConfirm !== outcome.ok || (form.validation.ok && form.validation.value !== c.typed.wire)) {
          const formSays = form.validation.ok ? `ok ${form.validation.value}` : form.validation.error.code;
          throw new Error(
            `form: ${formSays}, exchange: ${outcome.ok ? 'accepted' : outcome.code}; ${describeCase(state, key, mode, c, locale)}`,
          );
        }
      }),
      { numRuns: 4000 },
    );
  }, 60_000);

  it('Max, 75 %, 50 % and 25 % always validate, and the exchange accepts them, whenever they are above 0', () => {
    fc.assert(
      fc.property(scenarioSpecArb, fc.constantFrom<FuzzLocale>('en', 'de', 'fr', 'de-CH', 'ar-EG'), (spec, locale) => {
        const state = buildScenario(spec);
        const marks = marksOfState(state);
        let positives = 0;
        for (const key of ISOLATED_POSITIONS) {
          const limits = limitsAt(state.account, marks, key)!;
          expect(limits).toBeDefined();
          for (const mode of ['ADD', 'REMOVE'] as const) {
            for (const percent of [100, 75, 50, 25] as Percent[]) {
              const form = summarizeAdjustMarginForm({
                mode,
                intent: { kind: 'percent', percent },
                limits,
                isStale: false,
                locale,
              });
              const max = new HD((mode === 'ADD' ? limits.maxAddable : limits.maxRemovable.amount).toFixed());
              // by hand: percent of the max, rounded down to 8 decimals
              const expected = max.times(percent).div(100).toDecimalPlaces(8, HD.ROUND_DOWN);
              const where = JSON.stringify({ key, mode, percent, locale, max: max.toFixed(), text: form.text });
              if (expected.isZero()) {
                expect(form.canConfirm, where).toBe(false);
                expect(applyAdjustment(state.account, marks, request(key, mode, expected.toFixed()), 0).ok, where).toBe(
                  false,
                );
                continue;
              }
              positives++;
              expect(form.validation, where).toMatchObject({ ok: true, value: expected.toFixed() });
              expect(form.canConfirm, where).toBe(true);
              const outcome = applyAdjustment(state.account, marks, request(key, mode, expected.toFixed()), 0);
              expect(outcome, where).toMatchObject({ ok: true });
            }
          }
        }
        expect(positives).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});

describe('form ⇔ simulated exchange (the running exchange, latency 0)', () => {
  it('the exchange never rejects what the form let through, and never accepts what it refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioSpecArb,
        anyPositionArb,
        modeArb,
        typedAmountArb,
        async (spec, key, mode, amountSpec) => {
          const state = buildScenario(spec);
          const exchange = createSimulatedExchange({ state, latencyMs: 0 });
          try {
            // The form's inputs at this moment, taken from the exchange itself.
            const account = await exchange.getAccount();
            const marks = Object.fromEntries(Object.keys(state.markets).map((s) => [s, exchange.getMarkPrice(s)!]));
            const limits = limitsAt(account, marks, key);
            const c = caseFor(limits, mode, amountSpec);
            const form = summarizeAdjustMarginForm({
              mode,
              intent: { kind: 'typed', text: c.typed.text },
              limits,
              isStale: false,
              locale: amountSpec.locale,
            });
            const wire = form.validation.ok ? form.validation.value : c.typed.wire;
            const where = describeCase(state, key, mode, c, amountSpec.locale);
            const before = findPosition(account, key.symbol, key.positionSide);
            let accepted = false;
            let error: unknown;
            try {
              await exchange.adjustMargin(request(key, mode, wire));
              accepted = true;
            } catch (e) {
              error = e;
            }
            if (!accepted) expect(error, where).toBeInstanceOf(AdjustMarginError);
            expect(
              { formLetsThrough: form.canConfirm, exchangeAccepts: accepted, error: String(error) },
              where,
            ).toMatchObject({
              formLetsThrough: accepted,
              exchangeAccepts: form.canConfirm,
            });
            if (accepted) {
              // and it applied exactly the amount the form validated
              const after = findPosition(await exchange.getAccount(), key.symbol, key.positionSide)!;
              const sign = mode === 'ADD' ? 1 : -1;
              expect(new HD(after.isolatedWallet).minus(before!.isolatedWallet).toFixed(), where).toBe(
                new HD(wire).times(sign).toFixed(),
              );
            }
          } finally {
            exchange.dispose();
          }
        },
      ),
      { numRuns: 600 },
    );
  }, 60_000);
});
