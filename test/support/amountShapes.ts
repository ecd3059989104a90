import type { AmountErrorCode } from '../../src/core/amount';

/** Every error code of the amount parser and validator. */
export const AMOUNT_ERROR_CODES: readonly AmountErrorCode[] = [
  'empty',
  'tooLong',
  'bidiControl',
  'mixedScripts',
  'notANumber',
  'wrongDecimalSeparator',
  'exponent',
  'sign',
  'notFinite',
  'zero',
  'tooManyDecimals',
  'overLimit',
  'noneAvailable',
  'limitUnknown',
];

/** A canonical positive decimal string: the shape parseAmount must return. */
export const CANONICAL = /^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;
