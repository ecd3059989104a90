import { describe, expect, it } from 'vitest';
import { createLiveAccount } from '../../src/engine/liveAccount';
import { perLimits } from '../../src/engine/perLimits';
import { targetRange } from '../../src/engine/targetLiquidationForm';
import { btcLong } from '../support/fakeSource';

const account = { assets: [{ asset: 'USDT', crossWalletBalance: '10000' }], positions: [btcLong()], updateTime: 1 };

describe('perLimits', () => {
  it('computes once per limits object, again for new limits or a field replaced in place', () => {
    const live = createLiveAccount(account);
    let calls = 0;
    const markOf = perLimits((limits) => {
      calls++;
      return { mark: limits.markPrice };
    });
    const limits = live.limits('BTCUSDT', 'BOTH')!;
    const first = markOf(limits);
    expect(markOf(limits)).toBe(first);
    expect(calls).toBe(1);
    live.applyTick('BTCUSDT', '61000');
    const next = live.limits('BTCUSDT', 'BOTH')!;
    expect(markOf(next)).toEqual({ mark: '61000' });
    expect(calls).toBe(2);
    limits.markPrice = '60500';
    expect(markOf(limits)).toEqual({ mark: '60500' });
    expect(calls).toBe(3);
  });

  it('gives the target range of the limits it is given, the same object while they stand', () => {
    const live = createLiveAccount(account);
    const limits = live.limits('BTCUSDT', 'BOTH')!;
    const range = targetRange(limits);
    expect(targetRange(limits)).toBe(range);
    live.applyTick('BTCUSDT', '61000');
    const moved = targetRange(live.limits('BTCUSDT', 'BOTH')!);
    expect(moved).not.toBe(range);
    // A long: the largest reachable target stays a tick below the mark.
    expect(moved!.max.lt('61000')).toBe(true);
    expect(range!.max.lt('62000')).toBe(true);
    expect(moved!.max.eq(range!.max)).toBe(false);
  });
});
