/**
 * Rows off screen show their latest figures (a screen reader's virtual cursor can read them), on a
 * clock of {@link CLOCK_MS} that wakes at most {@link ROWS_PER_CLOCK} of them, in turn: each row at
 * least once a second while 128 rows or fewer are off screen; in a larger account a row off screen
 * is refreshed every (rows off screen ÷ 128) seconds, so it never costs more than 128 rows a second.
 */
const CLOCK_MS = 250;
const ROWS_PER_CLOCK = 32;

/**
 * Fired (Chromium, Firefox) on an element with `content-visibility: auto`, as the table's
 * rows have, when the engine starts or stops skipping its contents: `skipped` is the row off screen.
 */
const SKIP_EVENT = 'contentvisibilityautostatechange';

/**
 * Shared by the rows of one table: where the engine tells when it skips a row's contents
 * ({@link SKIP_EVENT}), that event; elsewhere one `IntersectionObserver` (made on the first row
 * observed), whose work on every frame with 1,000 rows would double what the engine already does for
 * `content-visibility`. And one clock (an interval that runs only while some row listens, i.e. while
 * some row is off screen).
 */
export interface RowVisibility {
  /** Calls `onChange` with the element's visibility; returns the unobserve function. */
  observe(element: Element, onChange: (visible: boolean) => void): () => void;
  /** Listens to the clock; returns the unsubscribe function. */
  subscribeClock(listener: () => void): () => void;
}

const noop = () => {};

/** Makes the visibility tracker a table shares among its rows. */
export function createRowVisibility(): RowVisibility {
  let observer: IntersectionObserver | undefined;
  const callbacks = new Map<Element, (visible: boolean) => void>();
  const clockListeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    observe(element, onChange) {
      // A row whose contents are never skipped (no content-visibility) hears nothing and stays live.
      if (`on${SKIP_EVENT}` in element) {
        const listener = (e: Event) => onChange(!(e as Event & { skipped: boolean }).skipped);
        element.addEventListener(SKIP_EVENT, listener);
        return () => element.removeEventListener(SKIP_EVENT, listener);
      }
      // Without IntersectionObserver (jsdom, old engines) every row stays visible and live.
      if (typeof IntersectionObserver === 'undefined') return noop;
      observer ??= new IntersectionObserver(
        (entries) => {
          for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
        },
        // Rows about to scroll in are already live.
        { rootMargin: '200px 0px' },
      );
      callbacks.set(element, onChange);
      observer.observe(element);
      return () => {
        callbacks.delete(element);
        observer?.unobserve(element);
        if (callbacks.size === 0) {
          observer?.disconnect();
          observer = undefined;
        }
      };
    },
    subscribeClock(listener) {
      clockListeners.add(listener);
      timer ??= setInterval(() => {
        // The longest-waiting rows first; each goes to the back of the line once called.
        const due = [...clockListeners].slice(0, ROWS_PER_CLOCK);
        for (const l of due) {
          clockListeners.delete(l);
          clockListeners.add(l);
          l();
        }
      }, CLOCK_MS);
      return () => {
        clockListeners.delete(listener);
        if (clockListeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}
