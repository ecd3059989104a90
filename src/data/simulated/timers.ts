type Handle = ReturnType<typeof globalThis.setTimeout>;

/**
 * The exchange's timers, all created through `globalThis.setTimeout`/`setInterval` at call time
 * (so fake timers in tests see them) and all tracked, so `dispose` can clear every one.
 */
export class TimerSet {
  private readonly pending = new Map<Handle, (reason: unknown) => void>();
  private interval: ReturnType<typeof globalThis.setInterval> | undefined;

  /**
   * Runs `fn` after `ms` and settles with its result. `ms ≤ 0` runs it on a microtask instead of
   * a timer. `clearAll` rejects what is still waiting.
   */
  later<T>(ms: number, fn: () => T): Promise<T> {
    if (ms <= 0) {
      return Promise.resolve().then(fn);
    }
    return new Promise<T>((resolve, reject) => {
      const handle = globalThis.setTimeout(() => {
        this.pending.delete(handle);
        try {
          resolve(fn());
        } catch (e) {
          reject(e);
        }
      }, ms);
      this.pending.set(handle, reject);
    });
  }

  /** Starts (or restarts) the one repeating timer. */
  every(ms: number, fn: () => void): void {
    this.stopInterval();
    this.interval = globalThis.setInterval(fn, ms);
  }

  /** Stops the repeating timer, if any. */
  stopInterval(): void {
    if (this.interval !== undefined) globalThis.clearInterval(this.interval);
    this.interval = undefined;
  }

  /** Whether the repeating timer runs. */
  hasInterval(): boolean {
    return this.interval !== undefined;
  }

  /** Live timers: the repeating one plus every waiting timeout (microtasks are not timers). */
  count(): number {
    return this.pending.size + (this.interval === undefined ? 0 : 1);
  }

  /** Stops everything; each waiting `later` rejects with `reason`. */
  clearAll(reason: unknown): void {
    this.stopInterval();
    for (const [handle, reject] of this.pending) {
      globalThis.clearTimeout(handle);
      reject(reason);
    }
    this.pending.clear();
  }
}
