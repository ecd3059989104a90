import { describe, expect, it } from 'vitest';
import { quoteValue } from '../../src/demo/quote';

describe('quoteValue: what the banner may quote of a link', () => {
  it('keeps plain text as it is', () => {
    expect(quoteValue('BTCUSDT')).toBe('BTCUSDT');
  });

  it('shows at most 40 characters, then "…"', () => {
    expect(quoteValue('x'.repeat(10_000))).toBe(`${'x'.repeat(40)}…`);
    expect(quoteValue('x'.repeat(40))).toBe('x'.repeat(40));
  });

  it('writes bidi controls, LRM/RLM/ALM and zero-width characters as \\uXXXX', () => {
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "100" as "001"; U+200F RLM, U+061C ALM, U+200B ZWSP.
    expect(quoteValue('\u202E100')).toBe('\\u202E100');
    expect(quoteValue('1\u200F.5')).toBe('1\\u200F.5');
    expect(quoteValue('a\u061Cb\u200Bc\u2066d\u2069')).toBe('a\\u061Cb\\u200Bc\\u2066d\\u2069');
  });

  it('writes controls, line separators and lone surrogates escaped, and a backslash doubled', () => {
    expect(quoteValue('a\u0000b\nc\u2028d')).toBe('a\\u0000b\\u000Ac\\u2028d');
    expect(quoteValue('x\uD800y')).toBe('x\\uD800y');
    expect(quoteValue('\\u202E')).toBe('\\\\u202E'); // a typed "\u202E" is not mistaken for the character
  });

  it('writes a tag character beyond U+FFFF as \\u{…}', () => {
    expect(quoteValue('a\u{E0041}')).toBe('a\\u{E0041}');
  });

  it('counts the escapes in the 40: forty U+202E show as six escapes and "…"', () => {
    // "\u202E" is 6 characters: 6 × 6 = 36 ≤ 40, a seventh would make 42.
    expect(quoteValue('\u202E'.repeat(40))).toBe(`${'\\u202E'.repeat(6)}…`);
  });
});
