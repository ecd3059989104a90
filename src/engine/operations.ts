import type { ValidationResult } from '../core/amount';
import type { Decimal } from '../core/decimal';
import { AdjustMarginError, type Unsubscribe } from './types';

/**
 * Where one operation stands (an adjustment of a position's margin, a transfer…): the request sent,
 * the `basis` it was checked against (what the view shows as "before" until the outcome), the
 * `settled` state once an account update is known to contain it, and how it ended.
 */
export type OperationState<R, B, S> =
  | { kind: 'idle' }
  | { kind: 'pending'; request: R; basis: B; settled: S | undefined }
  | { kind: 'succeeded'; request: R; basis: B; settled: S | undefined }
  | { kind: 'failed'; request: R; basis: B; error: AdjustMarginError };

/** A request as an operation sends it: the caller's intent plus one `clientRequestId` per intent. */
export interface IdentifiedRequest {
  clientRequestId: string;
}

/** Sends one request; its Promise settles the operation. */
export type SubmitOperation<R> = (request: R) => Promise<unknown>;

/**
 * Operations keyed by a string (a position key, an asset…): at most one in flight per key, one
 * `clientRequestId` per intent (a retry of the same intent after a failure reuses it), and each
 * outcome kept until the next request or `dismiss`, so a view reopened meanwhile shows it.
 */
export interface Operations<R extends IdentifiedRequest, B, S> {
  state(key: string): OperationState<R, B, S>;
  subscribe(key: string, listener: () => void): Unsubscribe;
  /** Hears every outcome (success or failure) of every key, once, when it happens. */
  subscribeOutcomes(listener: (key: string, state: OperationState<R, B, S>) => void): Unsubscribe;
  isBusy(key: string): boolean;
  /**
   * Sends `intent` (with an id) through `submit`, unless one is in flight for `key` (then
   * `undefined`). `sameIntent` tells whether a failed request is the same intent (its id is reused).
   * Resolves with the outcome, never rejects.
   */
  send(
    key: string,
    intent: Omit<R, 'clientRequestId'>,
    basis: B,
    submit: SubmitOperation<R>,
    sameIntent: (failed: R, intent: Omit<R, 'clientRequestId'>) => boolean,
  ): { request: R; done: Promise<OperationState<R, B, S>> } | undefined;
  /** Records the state that contains the pending or succeeded operation of `key` (first one wins). */
  settle(key: string, settled: S): void;
  /** Every key with a pending or succeeded operation not settled yet. */
  unsettled(): readonly [string, OperationState<R, B, S>][];
  /** Forgets a finished outcome (the view showed it). */
  dismiss(key: string): void;
}

/**
 * One kind of operation as a session hands it out (adjustments by symbol and side, transfers by
 * asset): `Operations` addressed by the kind's own key arguments instead of a string.
 */
export interface KeyedOperations<Key extends unknown[], R extends IdentifiedRequest, B, State> {
  state(...key: Key): State;
  subscribe(...args: [...key: Key, listener: () => void]): Unsubscribe;
  /** Hears each outcome (success or failure) of every key once, when it happens. */
  subscribeOutcomes(listener: (state: State) => void): Unsubscribe;
  /** True while a request of this key is in flight. */
  isBusy(...key: Key): boolean;
  /**
   * Sends one request through `submit`, checked against `basis`, unless one is in flight (then
   * `undefined`). Resolves with the outcome, never rejects: a failure is an `AdjustMarginError`.
   */
  send(
    intent: Omit<R, 'clientRequestId'>,
    basis: B,
    submit: SubmitOperation<R>,
  ): { request: R; done: Promise<State> } | undefined;
  /** Forgets a finished outcome (the view showed it). */
  dismiss(...key: Key): void;
}

/** How a Confirm click ended at the click, for every kind of operation: sent, or why nothing was sent. */
export type ConfirmOutcomeOf<R, State> =
  | { kind: 'sent'; request: R; done: Promise<State> }
  /** A request of this key is already in flight. */
  | { kind: 'busy' }
  /** Nothing to check against or send with (loading, gone, unreadable, no way to send). */
  | { kind: 'unavailable' }
  /** The text is not a valid amount. */
  | { kind: 'invalid'; validation: ValidationResult }
  /** The freshest limit is below the amount (or zero): nothing was sent. `newMax` is what Max offers now. */
  | { kind: 'limitMoved'; newMax: Decimal };

/** Where a form's Confirm stands, for every kind of operation (what the view shows about its request). */
export type SubmitStateOf<R, Receipt> =
  | { kind: 'idle' }
  /** In flight: the form shows this request, frozen, against what it was checked with. */
  | { kind: 'pending'; request: R }
  /** Accepted: what changed, before → after. */
  | { kind: 'succeeded'; request: R; receipt: Receipt }
  /** `overLimit`: the exchange answered "over the limit": "Use new max and confirm" can recover. */
  | { kind: 'failed'; request: R; error: AdjustMarginError; overLimit: boolean }
  /** The re-check at the click found the limit below the amount: nothing was sent. */
  | { kind: 'limitMoved'; newMax: Decimal };

function newRequestId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `amk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * What an operation failed with, as an `AdjustMarginError`: a source's own error stays as it is;
 * anything else (an app's `onConfirm` that threw a plain error) is 'unknown', and its text, a
 * program's and not the exchange's, is not kept to be shown.
 */
export function toAdjustMarginError(error: unknown): AdjustMarginError {
  return error instanceof AdjustMarginError ? error : new AdjustMarginError('unknown', 'The adjustment failed');
}

/** Makes an empty set of operations. */
export function createOperations<R extends IdentifiedRequest, B, S>(): Operations<R, B, S> {
  type State = OperationState<R, B, S>;
  const idle: State = { kind: 'idle' };
  const states = new Map<string, State>();
  const listeners = new Map<string, Set<() => void>>();
  const outcomeListeners = new Set<(key: string, state: State) => void>();
  const lastFailed = new Map<string, R>();

  function set(key: string, state: State) {
    states.set(key, state);
    for (const l of [...(listeners.get(key) ?? [])]) l();
  }

  function finish(key: string, state: State): State {
    set(key, state);
    for (const l of [...outcomeListeners]) l(key, state);
    return state;
  }

  return {
    state: (key) => states.get(key) ?? idle,
    subscribe(key, listener) {
      let keyed = listeners.get(key);
      if (!keyed) listeners.set(key, (keyed = new Set()));
      keyed.add(listener);
      return () => {
        keyed.delete(listener);
        if (keyed.size === 0 && listeners.get(key) === keyed) listeners.delete(key);
      };
    },
    subscribeOutcomes(listener) {
      outcomeListeners.add(listener);
      return () => {
        outcomeListeners.delete(listener);
      };
    },
    isBusy: (key) => states.get(key)?.kind === 'pending',
    send(key, intent, basis, submit, sameIntent) {
      if (states.get(key)?.kind === 'pending') return undefined;
      const failed = lastFailed.get(key);
      const clientRequestId = failed && sameIntent(failed, intent) ? failed.clientRequestId : newRequestId();
      const request = { ...intent, clientRequestId } as R;
      set(key, { kind: 'pending', request, basis, settled: undefined });
      let sent: Promise<unknown>;
      try {
        sent = Promise.resolve(submit(request));
      } catch (e) {
        sent = Promise.reject(e);
      }
      const done = sent.then(
        (): State => {
          lastFailed.delete(key);
          const now = states.get(key);
          const settled = now?.kind === 'pending' && now.request === request ? now.settled : undefined;
          return finish(key, { kind: 'succeeded', request, basis, settled });
        },
        (e: unknown): State => {
          lastFailed.set(key, request);
          return finish(key, { kind: 'failed', request, basis, error: toAdjustMarginError(e) });
        },
      );
      return { request, done };
    },
    settle(key, settled) {
      const s = states.get(key);
      if ((s?.kind === 'pending' || s?.kind === 'succeeded') && s.settled === undefined) set(key, { ...s, settled });
    },
    unsettled() {
      const list: [string, State][] = [];
      for (const [key, s] of states) {
        if ((s.kind === 'pending' || s.kind === 'succeeded') && s.settled === undefined) list.push([key, s]);
      }
      return list;
    },
    dismiss(key) {
      const s = states.get(key);
      if (s && s.kind !== 'pending' && s.kind !== 'idle') set(key, idle);
    },
  };
}
