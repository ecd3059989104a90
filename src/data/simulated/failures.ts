/**
 * A failure to inject into upcoming `adjustMargin` and `transfer` calls. It applies to the next call only, or to
 * the next `times` calls. Failed calls never change the account.
 * - `reject`: the exchange answers with this error code (and `msg`, else its usual wording);
 * - `timeout`: no answer; the call rejects with kind `'timeout'` after the exchange's `timeoutMs`;
 * - `network`: the request never arrives; the call rejects with kind `'network'` after the latency.
 */
export type InjectedFailure =
  | { kind: 'reject'; code: number; msg?: string; times?: number }
  | { kind: 'timeout'; times?: number }
  | { kind: 'network'; times?: number };

/** Injected failures in the order they were injected; each call takes the first one. */
export class FailureQueue {
  private queue: { failure: InjectedFailure; left: number }[] = [];

  /** Queues a failure after those already waiting. `times` (default 1) must be a positive integer. */
  push(failure: InjectedFailure): void {
    const times = failure.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer: ${times}`);
    this.queue.push({ failure, left: times });
  }

  /** The failure for the call being made now, if any (using up one of its `times`). */
  take(): InjectedFailure | undefined {
    const head = this.queue[0];
    if (!head) return undefined;
    head.left -= 1;
    if (head.left === 0) this.queue.shift();
    return head.failure;
  }

  /** How many calls will still fail. */
  size(): number {
    return this.queue.reduce((n, e) => n + e.left, 0);
  }

  /** Forgets every waiting failure. */
  clear(): void {
    this.queue = [];
  }
}
