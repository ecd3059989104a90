// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BINANCE_CODES } from '../../../src/data/binance-codes';
import { mapBinanceError } from '../../../src/data/binance/errors';
import { ERROR_CODES, errorForCode } from '../../../src/data/simulated/errors';

/** Binance's codes for `POST …/positionMargin` and `POST /sapi/v1/asset/transfer`, and what each means for the kit (from Binance's error-code lists). */
const EXPECTED: [number, string][] = [
  [-1001, 'network'], // internal error, not processed
  [-1003, 'network'], // too many requests: nothing applied
  [-1006, 'timeout'], // execution status unknown
  [-1007, 'timeout'], // send status unknown; execution status unknown
  [-1100, 'invalidAmount'],
  [-1111, 'invalidAmount'],
  [-1130, 'unknown'],
  [-2023, 'liquidating'],
  [-4049, 'notIsolated'],
  [-4050, 'insufficientCrossBalance'],
  [-4051, 'insufficientIsolatedBalance'],
  [-4054, 'noPosition'],
  [-4055, 'invalidAmount'],
  // POST /sapi/v1/asset/transfer (Binance's wallet codes)
  [-5002, 'insufficientCrossBalance'], // "You have insufficient balance.": over what may leave the futures wallet
  [-5010, 'unknown'], // "Asset transfer fail."
  [-5012, 'timeout'], // "Asset transfer is in pending.": the outcome is not known yet
];

describe('one Binance code table for the adapter and the simulated exchange', () => {
  it('the simulated exchange reads the same table', () => {
    expect(ERROR_CODES).toBe(BINANCE_CODES);
  });

  it.each(EXPECTED)('code %i → %s from both, with the exchange text kept', (code, kind) => {
    const said = BINANCE_CODES[code]!.exchangeMessage;
    const fromAdapter = mapBinanceError({ code, msg: said });
    const fromSimulated = errorForCode(code);
    expect([fromAdapter.kind, fromSimulated.kind]).toEqual([kind, kind]);
    expect([fromAdapter.exchangeMessage, fromSimulated.exchangeMessage]).toEqual([said, said]);
    expect(fromAdapter.message).toBe(fromSimulated.message);
  });

  it('lists exactly these codes, each with a kind and Binance’s own text only (no sentence for people)', () => {
    expect(Object.keys(BINANCE_CODES).map(Number).sort()).toEqual(EXPECTED.map(([code]) => code).sort());
    for (const entry of Object.values(BINANCE_CODES))
      expect(Object.keys(entry).sort()).toEqual(['exchangeMessage', 'kind']);
  });

  it('a code the table does not list is unknown, keeping code and text', () => {
    expect(errorForCode(-9999, 'Something odd.')).toMatchObject({
      kind: 'unknown',
      code: -9999,
      exchangeMessage: 'Something odd.',
    });
    expect(mapBinanceError({ code: -9999, msg: 'Something odd.' })).toMatchObject({ kind: 'unknown', code: -9999 });
  });
});
