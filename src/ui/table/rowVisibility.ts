/**
 * Rows off screen show their latest figures (a screen reader's virtual cursor can read them), on a
 * clock of {@link CLOCK_MS} that wakes a quarter of them (at most {@link ROWS_PER_CLOCK}), in turn:
 * each row once a second while 128 rows or fewer are off screen; in a larger account a row off
 * screen is refreshed every (rows off screen ÷ 128) seconds, so it never costs more than 128 rows a
 * second. (Waking every row on every beat wrote the rows just off screen 4 times a second, unseen.)
 */
const CLOCK_MS = 250;
const ROWS_PER_CLOCK = 32;

/**
 * Fired (Chromium, Firefox) on an element with `content-visibility: auto`, as the table's
 * rows have, when the engine starts or stops skipping its contents: `skipped` is the row off screen.
 */
const SKIP_EVENT = 'contentvisibilityautostatechange';

/**
 * Shared by the rows of one table: one `IntersectionObserver` (made on the first row observed) and
 * one clock (an interval that runs only while some row listens, i.e. while some row is off screen).
 * Where the engine tells when it skips a row's contents ({@link SKIP_EVENT}), a skipped row is off
 * screen and left out of the observer until it is rendered again: the observer's work on every frame
 * is the rows near the screen, not all 1,000 of a large account (the engine already watches those
 * for `content-visibility`).
 *
 * Only rows on screen are live: a row the engine renders just off screen would cost the layout and
 * paint of its new figures on every tick, unseen (a fifth of a tick's work at 200 rows). A scroll
 * (of the page or of any container) or a resize can bring it on screen before the observer reports
 * it (after that frame), so on each of them every watched row off screen is told it is visible and
 * at once that it is not: it shows its latest figures in the frame that scrolls it in, and goes back
 * on the clock.
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
  // Each watched row's callback, and whether the observer last saw it on screen.
  const rows = new Map<Element, { onChange: (visible: boolean) => void; visible: boolean }>();
  const clockListeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let pulsing = false;
  const stopClock = () => {
    if (clockListeners.size === 0 && timer !== undefined && !pulsing) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const onScroll = () => {
    pulsing = true;
    for (const row of rows.values()) {
      if (row.visible) continue;
      row.onChange(true);
      row.onChange(false);
    }
    pulsing = false;
    stopClock();
  };
  const listen = (add: boolean) => {
    const method = add ? 'addEventListener' : 'removeEventListener';
    document[method]('scroll', onScroll, { capture: true, passive: true });
    window[method]('resize', onScroll);
  };
  return {
    observe(element, onChange) {
      // Without IntersectionObserver (jsdom, old engines) every row stays visible and live.
      if (typeof IntersectionObserver === 'undefined') return noop;
      const watch = () => {
        if (!observer) {
          observer = new IntersectionObserver((entries) => {
            for (const e of entries) {
              const row = rows.get(e.target);
              if (!row) continue;
              row.visible = e.isIntersecting;
              row.onChange(e.isIntersecting);
            }
          });
          listen(true);
        }
        rows.set(element, { onChange, visible: true });
        observer.observe(element);
      };
      const unwatch = () => {
        if (!rows.delete(element)) return;
        observer?.unobserve(element);
        if (rows.size === 0) {
          observer?.disconnect();
          observer = undefined;
          listen(false);
        }
      };
      watch();
      if (!(`on${SKIP_EVENT}` in element)) return unwatch;
      // A row whose contents the engine skips is off screen: the observer lets it go until the
      // engine renders it again, so it follows only the rows near the screen.
      const onSkip = (e: Event) => {
        if ((e as Event & { skipped: boolean }).skipped) {
          unwatch();
          onChange(false);
        } else if (!rows.has(element)) watch();
      };
      element.addEventListener(SKIP_EVENT, onSkip);
      return () => {
        element.removeEventListener(SKIP_EVENT, onSkip);
        unwatch();
      };
    },
    subscribeClock(listener) {
      clockListeners.add(listener);
      timer ??= setInterval(() => {
        // The longest-waiting rows first; each goes to the back of the line once called.
        const due = [...clockListeners].slice(0, Math.min(ROWS_PER_CLOCK, Math.ceil(clockListeners.size / 4)));
        for (const l of due) {
          clockListeners.delete(l);
          clockListeners.add(l);
          l();
        }
      }, CLOCK_MS);
      return () => {
        clockListeners.delete(listener);
        stopClock();
      };
    },
  };
}
