import type { Percent } from '../engine/adjustMarginForm';

/**
 * What every operation's form (Adjust Margin, Transfer out) hands its view besides its figures:
 * where its Confirm stands and the actions on the amount and on Confirm.
 */
export interface OperationFormActions<SubmitState> {
  submitState: SubmitState;
  /** A request is in flight: the amount, presets and Max are read-only, the figures are its basis. */
  isPending: boolean;
  setText: (text: string) => void;
  setPercent: (percent: Percent) => void;
  /** Confirm: re-checks against the freshest limit, then sends exactly one request. */
  confirm: () => void;
  /** After a 'limitMoved' re-check: takes the live max (nothing is sent). */
  takeNewMax: () => void;
  /** After an "over the limit" answer: Max from the freshest limits, and Confirm with it. */
  confirmNewMax: () => void;
  /** After a success: forgets the receipt and empties the amount. */
  finish: () => void;
}
