import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAdjustMarginForm } from '../../src/react/useAdjustMarginForm';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';
import { sourceWrapper } from '../support/renderWithSource';

// Vector V1: 0.5 BTC long at 60,000, wallet 3,000 USDT, max addable 10,000 (the cross wallet). At a
// mark of 61,000 the max removable is 450 by hand: 3,000 + uPnL 500 − IM 61,000 × 0.5 / 10 (3,050).
async function setup() {
  const source = createFakeSource(accountOf([btcLong()]));
  const { Wrapper } = sourceWrapper(source, { maxHeadroomBps: 0 });
  const hook = renderHook(() => useAdjustMarginForm({ symbol: 'BTCUSDT', positionSide: 'BOTH', locale: 'en' }), {
    wrapper: Wrapper,
  });
  await waitFor(() => expect(hook.result.current.limitsState.status).toBe('ready'));
  return { source, hook };
}

describe('useAdjustMarginForm: setMode', () => {
  it('switches with the amount as typed last, after keys and a tick, and validates it in the new mode', async () => {
    const { source, hook } = await setup();
    act(() => hook.result.current.setText('4'));
    act(() => hook.result.current.setText('45'));
    await act(async () => source.tick('BTCUSDT', '61000'));
    // 45 is within the max removable at 61,000 (450).
    act(() => hook.result.current.setMode('REMOVE'));
    expect(hook.result.current.mode).toBe('REMOVE');
    expect(hook.result.current.text).toBe('45');
    expect(hook.result.current.validation.ok && hook.result.current.validation.amount.toFixed()).toBe('45');
    expect(hook.result.current.canConfirm).toBe(true);
  });

  it('freezes a preset at the amount it shows when the mode changes, then validates it in the new mode', async () => {
    const { source, hook } = await setup();
    await act(async () => source.tick('BTCUSDT', '61000'));
    // 50 % of the max addable 10,000: 5,000.
    act(() => hook.result.current.setPercent(50));
    expect(hook.result.current.text).toBe('5000');
    act(() => hook.result.current.setMode('REMOVE'));
    expect(hook.result.current.intent).toEqual({ kind: 'typed', text: '5000' });
    // Over the max removable at 61,000 (450): refused, and Confirm is off.
    expect(hook.result.current.validation.ok).toBe(false);
    expect(!hook.result.current.validation.ok && hook.result.current.validation.error.code).toBe('overLimit');
    expect(hook.result.current.canConfirm).toBe(false);
  });
});
