/**
 * Characters shown escaped when a value is quoted: controls, format characters (bidi overrides
 * and isolates, LRM/RLM/ALM, zero-width characters), line and paragraph separators, lone
 * surrogates, private-use and unassigned code points. None of them can reorder, hide or break the
 * sentence around the quote.
 */
const UNSAFE = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]$/u;

function escaped(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp > 0xffff ? `\\u{${cp.toString(16).toUpperCase()}}` : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A value from a link as it may be quoted on the page: at most `max` characters (then "…"), with
 * every unsafe character written as `\uXXXX` and a backslash as `\\`, so what is shown is plain
 * text that reads left to right exactly as it is stored.
 */
export function quoteValue(value: string, max = 40): string {
  let out = '';
  for (const ch of value) {
    const shown = ch === '\\' ? '\\\\' : UNSAFE.test(ch) ? escaped(ch) : ch;
    if (out.length + shown.length > max) return `${out}…`;
    out += shown;
  }
  return out;
}
