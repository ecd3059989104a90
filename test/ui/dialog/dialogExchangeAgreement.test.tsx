/**
 * The rendered dialog and the simulated exchange agree: for random accounts, positions, modes,
 * locales and typed amounts, Confirm is enabled exactly for the amounts the exchange accepts.
 * Enabled → clicking it adjusts the margin (the dialog closes, no error, the wallet moved by the
 * amount). Disabled → the same request sent straight to the exchange is rejected.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AdjustType } from '../../../src/core/types';
import { findPosition } from '../../../src/engine/account';
import { computeMarginLimits } from '../../support/oracle';
import { createSimulatedExchange } from '../../../src/data/simulated';
import { AdjustMarginError, type AdjustMarginRequest, type PositionSide } from '../../../src/engine/types';
import { AdjustMarginDialog } from '../../../src/ui/dialog/AdjustMarginDialog';
import { summarizeAdjustMarginForm } from '../../../src/engine/adjustMarginForm';
import {
  HD,
  ISOLATED_POSITIONS,
  buildScenario,
  marksOfState,
  scenarioSpecArb,
  typedAmount,
  typedAmountArbOf,
  type AmountKind,
} from '../../support/fuzzArbitraries';
import { sourceWrapper } from '../../support/renderWithSource';

/** Confirm names the action and the amount: "Add 100.00 USDT", "Remove margin". */
const CONFIRM = /^(Add|Remove) /;

function Host(props: { symbol: string; positionSide: PositionSide; defaultMode: AdjustType; locale: string }) {
  const [open, setOpen] = useState(true);
  return open ? (
    // The limits are what is compared: the second step near liquidation has tests of its own.
    <AdjustMarginDialog
      {...props}
      open
      onOpenChange={setOpen}
      staleAfterMs={3_600_000}
      warnLiquidationDistancePct={0}
    />
  ) : (
    <p>dialog closed</p>
  );
}

/** Few runs here, so the kinds that sit on an edge come up often. */
const dialogAmountArb = typedAmountArbOf(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<AmountKind>('max', 'maxPlusStep', 'extraDecimal', 'trailingZeros') },
    {
      weight: 2,
      arbitrary: fc.constantFrom<AmountKind>(
        'maxMinusStep',
        'leadingZeros',
        'percentExact',
        'percentDown',
        'fractionOfMax',
        'tiny',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom<AmountKind>('random', 'zero', 'notANumber') },
  ),
);

const caseArb = fc.record({
  scenario: scenarioSpecArb,
  key: fc.constantFrom(...ISOLATED_POSITIONS),
  mode: fc.constantFrom<AdjustType>('ADD', 'REMOVE'),
  switchMode: fc.boolean(),
  amount: dialogAmountArb,
  paste: fc.boolean(),
});

describe('rendered dialog ⇔ simulated exchange', () => {
  it('Confirm is enabled exactly for the amounts the exchange accepts', async () => {
    let enabledCount = 0;
    let disabledCount = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ scenario, key, mode, switchMode, amount: amountSpec, paste }) => {
        const state = buildScenario(scenario);
        const exchange = createSimulatedExchange({ state, latencyMs: 0 });
        exchange.pause();
        try {
          const account = await exchange.getAccount();
          const position = findPosition(account, key.symbol, key.positionSide)!;
          const limits = computeMarginLimits(account, position, marksOfState(state));
          const max = new HD((mode === 'ADD' ? limits.maxAddable : limits.maxRemovable.amount).toFixed());
          const typed = typedAmount(amountSpec, max, position.marginAssetPrecision);
          const where = JSON.stringify({
            key,
            mode,
            locale: amountSpec.locale,
            text: typed.text,
            max: max.toFixed(),
            marks: marksOfState(state),
          });
          const pure = summarizeAdjustMarginForm({
            mode,
            intent: { kind: 'typed', text: typed.text },
            limits,
            isStale: false,
            locale: amountSpec.locale,
          });

          const user = userEvent.setup({ delay: null });
          const { Wrapper } = sourceWrapper(exchange);
          // Open in the other mode and switch when asked, to go through the radios too.
          const opening: AdjustType = switchMode ? (mode === 'ADD' ? 'REMOVE' : 'ADD') : mode;
          render(
            <Host
              symbol={key.symbol}
              positionSide={key.positionSide}
              defaultMode={opening}
              locale={amountSpec.locale}
            />,
            { wrapper: Wrapper },
          );
          const dialog = await screen.findByRole('dialog', { name: 'Adjust Margin' });
          await waitFor(() =>
            expect(within(dialog).getByText(/^Max (addable|removable):/)).toHaveTextContent(/\p{Nd}/u),
          );
          if (switchMode)
            await user.click(within(dialog).getByRole('radio', { name: mode === 'ADD' ? 'Add' : 'Remove' }));

          const field = within(dialog).getByRole('textbox', { name: 'Amount' });
          if (typed.text !== '') {
            await user.click(field);
            if (paste) await user.paste(typed.text);
            else await user.type(field, typed.text);
          }
          expect(field, where).toHaveValue(typed.text);
          const confirm = within(dialog).getByRole('button', { name: CONFIRM });
          const enabled = confirm.getAttribute('aria-disabled') !== 'true';
          // the rendered form says what the pure form says
          expect(enabled, where).toBe(pure.canConfirm);

          if (enabled) {
            enabledCount++;
            await user.click(confirm);
            const alert = () =>
              within(dialog)
                .queryAllByRole('alert')
                .map((a) => a.textContent ?? '')
                .join('')
                .trim();
            // Accepted: the receipt shows (with Done); refused: the alert says why.
            const receipt = () => within(dialog).queryByRole('button', { name: 'Done' }) !== null;
            await waitFor(() => expect(receipt() || alert() !== '').toBe(true));
            expect({ receipt: receipt(), alert: alert() }, where).toEqual({ receipt: true, alert: '' });
            const after = findPosition(await exchange.getAccount(), key.symbol, key.positionSide)!;
            const sign = mode === 'ADD' ? 1 : -1;
            expect(new HD(after.isolatedWallet).minus(position.isolatedWallet).toFixed(), where).toBe(
              new HD(typed.wire).times(sign).toFixed(),
            );
          } else {
            disabledCount++;
            const request: AdjustMarginRequest = {
              symbol: key.symbol,
              positionSide: key.positionSide,
              type: mode,
              amount: typed.wire,
              clientRequestId: `dialog-agreement-${disabledCount}`,
            };
            const outcome = await exchange.adjustMargin(request).then(
              () => 'accepted',
              (e: unknown) => e,
            );
            expect(outcome, `the exchange accepted what the dialog refused: ${where}`).toBeInstanceOf(
              AdjustMarginError,
            );
          }
        } finally {
          cleanup();
          exchange.dispose();
        }
      }),
      { numRuns: 50, endOnFailure: true },
    );
    // both branches were exercised
    expect(enabledCount).toBeGreaterThan(5);
    expect(disabledCount).toBeGreaterThan(5);
  }, 60_000);
});
