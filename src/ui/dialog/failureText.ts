import { AdjustMarginError } from '../../engine/types';
import type { AdjustMarginMessages } from '../messages';

/** What the dialog says about a failed adjustment. */
export interface FailureText {
  /**
   * The sentence for the failure's kind, naming the position: "ETHUSDT Short not adjusted: …", or
   * "Result unknown for ETHUSDT Short: …" for a timeout.
   */
  sentence: string;
  /** The exchange's own words, when it gave any: a detail under the sentence. */
  detail: string | null;
  /** What to do next (for a timeout: check the position first; said here only, never in the sentence). */
  hint: string;
}

/** The most of the exchange's text shown, in characters. */
const EXCHANGE_TEXT_MAX = 200;

/** Control characters and the bidi controls that would reorder the sentence around them. */
const UNSAFE = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** The exchange's text as shown: unsafe characters written as their code points ("U+202E"), and at most {@link EXCHANGE_TEXT_MAX} characters. */
function exchangeText(text: string): string {
  const chars = [
    ...text.replace(UNSAFE, (ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`),
  ];
  return chars.length > EXCHANGE_TEXT_MAX ? `${chars.slice(0, EXCHANGE_TEXT_MAX - 1).join('')}…` : chars.join('');
}

/**
 * The failure of the adjustment of `position` (its name, see `messages.positionName`) in the
 * messages' words, by its kind: the error's own `message` is never shown (it is for logs), and
 * anything that is not an `AdjustMarginError` reads as the 'unknown' kind. The exchange's text
 * (`exchangeMessage`) is kept as a detail.
 */
export function failureText(error: unknown, position: string, m: AdjustMarginMessages): FailureText {
  const failure = error instanceof AdjustMarginError ? error : null;
  const kind = failure && Object.hasOwn(m.adjustErrors, failure.kind) ? failure.kind : 'unknown';
  const detail = failure?.exchangeMessage ? m.exchangeSaid(exchangeText(failure.exchangeMessage), failure.code) : null;
  if (kind === 'timeout') {
    return { sentence: m.unknownOutcome(m.adjustErrors.timeout, position), detail, hint: m.unknownOutcomeHint };
  }
  return { sentence: m.failed(m.adjustErrors[kind], position), detail, hint: m.retryHint };
}
