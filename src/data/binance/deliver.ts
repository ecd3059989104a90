/**
 * Calls every listener with `value`. A listener that throws does not stop the others or the socket
 * handler that called it: its error is rethrown in a microtask, where the host reports it.
 */
export function deliver<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
