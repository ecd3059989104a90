import { positionKey } from './positionKey';
import { AdjustMarginError, type AdjustMarginRequest, type PositionSide, type Unsubscribe } from './types';

/** Where a position's adjustment stands: the request the session sent, and how it ended. */
export type AdjustmentState =
  | { kind: 'idle' }
  | { kind: 'pending'; request: AdjustMarginRequest }
  | { kind: 'succeeded'; request: AdjustMarginRequest }
  | { kind: 'failed'; request: AdjustMarginRequest; error: AdjustMarginError };

/** Sends a request: the data source's `adjustMargin`, or an app's own `onConfirm`. */
export type SubmitAdjustMargin = (request: AdjustMarginRequest) => Promise<unknown>;

/**
 * The adjustments of one session, per position: at most one request in flight each, one
 * `clientRequestId` per intent (a retry of the same type and amount after a failure reuses it), and
 * each outcome kept until the next request, so a dialog reopened meanwhile shows it.
 */
export interface Adjustments {
  state(symbol: string, positionSide: PositionSide): AdjustmentState;
  subscribe(symbol: string, positionSide: PositionSide, listener: () => void): Unsubscribe;
  /** True while a request of this position is in flight. */
  isBusy(symbol: string, positionSide: PositionSide): boolean;
  /**
   * Sends one request through `submit`, unless one is in flight (then `undefined`). Resolves with
   * the outcome, never rejects: a failure is an `AdjustMarginError` in the outcome.
   */
  send(
    request: Omit<AdjustMarginRequest, 'clientRequestId'>,
    submit: SubmitAdjustMargin,
  ): { request: AdjustMarginRequest; done: Promise<AdjustmentState> } | undefined;
  /** Forgets a finished outcome (the dialog showed it). */
  dismiss(symbol: string, positionSide: PositionSide): void;
}

const IDLE: AdjustmentState = { kind: 'idle' };

function newRequestId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `amk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * What an adjustment failed with, as an `AdjustMarginError`: a source's own error stays as it is;
 * anything else (an app's `onConfirm` that threw a plain error) is 'unknown', and its text, a
 * program's and not the exchange's, is not kept to be shown.
 */
export function toAdjustMarginError(error: unknown): AdjustMarginError {
  return error instanceof AdjustMarginError ? error : new AdjustMarginError('unknown', 'The adjustment failed');
}

/** Makes the adjustments' state of a session. */
export function createAdjustments(): Adjustments {
  const states = new Map<string, AdjustmentState>();
  const listeners = new Map<string, Set<() => void>>();
  /** The last failed intent per position: a retry of the same type and amount keeps its id. */
  const lastFailed = new Map<string, AdjustMarginRequest>();

  function set(key: string, state: AdjustmentState) {
    states.set(key, state);
    for (const l of [...(listeners.get(key) ?? [])]) l();
  }

  return {
    state: (symbol, positionSide) => states.get(positionKey(symbol, positionSide)) ?? IDLE,
    subscribe(symbol, positionSide, listener) {
      const key = positionKey(symbol, positionSide);
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
    isBusy: (symbol, positionSide) => states.get(positionKey(symbol, positionSide))?.kind === 'pending',
    send(intent, submit) {
      const key = positionKey(intent.symbol, intent.positionSide);
      if (states.get(key)?.kind === 'pending') return undefined;
      const failed = lastFailed.get(key);
      const sameIntent = failed && failed.type === intent.type && failed.amount === intent.amount;
      const request: AdjustMarginRequest = {
        ...intent,
        clientRequestId: sameIntent ? failed.clientRequestId : newRequestId(),
      };
      set(key, { kind: 'pending', request });
      let sent: Promise<unknown>;
      try {
        sent = Promise.resolve(submit(request));
      } catch (e) {
        sent = Promise.reject(e);
      }
      const done = sent.then(
        (): AdjustmentState => {
          lastFailed.delete(key);
          const state: AdjustmentState = { kind: 'succeeded', request };
          set(key, state);
          return state;
        },
        (e: unknown): AdjustmentState => {
          lastFailed.set(key, request);
          const state: AdjustmentState = { kind: 'failed', request, error: toAdjustMarginError(e) };
          set(key, state);
          return state;
        },
      );
      return { request, done };
    },
    dismiss(symbol, positionSide) {
      const key = positionKey(symbol, positionSide);
      const s = states.get(key);
      if (s && s.kind !== 'pending' && s.kind !== 'idle') set(key, IDLE);
    },
  };
}
