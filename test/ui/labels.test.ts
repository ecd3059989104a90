import { describe, expect, it } from 'vitest';
import type { SnapshotProblem } from '../../src/engine/checkSnapshot';
import { marginModeLabel, sideLabel, sizeUnit, unavailableText } from '../../src/ui/labels';
import { defaultMessages as m } from '../../src/ui/messages';
import { btcLong } from '../support/fakeSource';

describe('labels', () => {
  it('a one-way position is Long or Short by the sign of its size; a hedge side by its side', () => {
    expect(sideLabel(btcLong({ positionAmt: '0.5' }), m)).toBe('Long');
    expect(sideLabel(btcLong({ positionAmt: '-0.5' }), m)).toBe('Short');
    expect(sideLabel(btcLong({ positionSide: 'SHORT', positionAmt: '-1' }), m)).toBe('Short');
    expect(marginModeLabel(btcLong({ marginType: 'cross' }), m)).toBe('Cross');
  });

  it('says why a position is unavailable, naming the source’s field', () => {
    expect(unavailableText({ code: 'notContiguous', field: 'brackets[1].notionalFloor' }, m)).toBe(
      'Unavailable: the source’s brackets[1].notionalFloor does not start where the previous bracket ends.',
    );
    expect(unavailableText({ code: 'unreadable', field: '' }, m)).toBe(
      'Unavailable: the source’s position cannot be read.',
    );
  });

  it('a code the messages do not know (a newer check, a forged problem) reads as unreadable, never undefined', () => {
    const forged = { code: 'constructor', field: 'leverage' } as unknown as SnapshotProblem;
    expect(unavailableText(forged, m)).toBe('Unavailable: the source’s leverage cannot be read.');
  });
});

describe('sizeUnit', () => {
  it('COIN-M sizes count contracts; USDⓈ-M the base asset, given or told by the symbol, else nothing', () => {
    const inverse = btcLong({
      symbol: 'BTCUSD_PERP',
      contractType: 'inverse',
      contractSize: '100',
      marginAsset: 'BTC',
    });
    expect(sizeUnit(inverse, m)).toBe('Cont');
    expect(sizeUnit(btcLong(), m)).toBe('BTC');
    expect(sizeUnit(btcLong({ symbol: '1000PEPEUSDC', marginAsset: 'USDC' }), m)).toBe('1000PEPE');
    expect(sizeUnit(btcLong({ symbol: 'BTCUSDT_260327', baseAsset: 'BTC' }), m)).toBe('BTC');
    expect(sizeUnit(btcLong({ symbol: 'BTCUSDT_260327' }), m)).toBe('');
    expect(sizeUnit(btcLong({ symbol: 'USDT' }), m)).toBe('');
  });
});
