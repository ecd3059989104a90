import { quoteValue } from './quote';

/**
 * Why a scenario link was refused: a fixed sentence of the demo's own and, at most, the offending
 * value, quoted by `quoteValue` when shown.
 */
export class LinkProblem extends Error {
  readonly sentence: string;
  readonly value: string | undefined;

  constructor(sentence: string, value?: string) {
    super(sentence);
    this.name = 'LinkProblem';
    this.sentence = sentence;
    this.value = value;
  }
}

/** Why a link's scenario was not loaded, as the banner shows it. */
export interface LoadProblemReason {
  /** A fixed sentence of the demo's own. */
  sentence: string;
  /** At most ~40 characters of the offending value, escaped by `quoteValue`; shown isolated (`<bdi>`). */
  quoted: string | undefined;
}

/**
 * The banner's reason for a link that could not be loaded. A `LinkProblem` gives its sentence and
 * its quoted value; anything else (a bug, a browser error) gives one fixed sentence, never the
 * error's own message.
 */
export function loadProblemReason(error: unknown): LoadProblemReason {
  if (!(error instanceof LinkProblem)) return { sentence: 'the scenario could not be read', quoted: undefined };
  return { sentence: error.sentence, quoted: error.value === undefined ? undefined : quoteValue(error.value) };
}
