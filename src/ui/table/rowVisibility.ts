/**
 * A row off screen shows figures at most this old (ms): a screen reader's virtual cursor reads it.
 * The fallback timer writes a row this long after it fell behind when no tick has carried it.
 */
const REFRESH_MS = 1000;
/**
 * Rows off screen are written with a tick's own writes (in its task, so on the frame that paints
 * the rows on screen anyway) when at least this long has passed since they were last written: about
 * once a second whatever the feed's rate, and on every tick of a feed of one tick a second.
 */
const CARRY_MS = 900;

/**
 * Shared by the rows of one table: one `IntersectionObserver` (made on the first row observed), and
 * the rows off screen that owe new figures. The observer alone says which rows are on screen: a row
 * the engine skips (`content-visibility: auto`) stays observed, since the engine does not say when it
 * stops skipping a row whose `content-visibility` changes (the cards show every row).
 *
 * Only rows on screen are live: a row the engine renders just off screen would cost the layout and
 * paint of its new figures on every tick, unseen (a fifth of a tick's work at 200 rows). A row off
 * screen that hears new figures owes them ({@link RowVisibility.owe}); at the end of a task in which
 * a row fell behind or a row on screen was written (a microtask, before the frame), every row owed
 * is written when {@link CARRY_MS} or more have passed since rows off screen were last written:
 * their writes ride the frame that paints the tick's rows on screen, not frames of their own.
 * Otherwise a timer writes them {@link REFRESH_MS} after the first fell behind, unless a tick carries
 * them first (it fires only when the feed pauses or goes quiet). A scroll (of the page or of any
 * container) or a resize can bring a row on screen before the observer reports it (after that
 * frame), so on each of them every watched row off screen is told it is visible and at once that it
 * is not: it shows its latest figures in the frame that scrolls it in.
 */
export interface RowVisibility {
  /** Calls `onChange` with the element's visibility; returns the unobserve function. */
  observe(element: Element, onChange: (visible: boolean) => void): () => void;
  /**
   * A row off screen heard new figures: `refresh` (which writes them) is called once, with the other
   * rows owed, within {@link REFRESH_MS}. Call it on every notification the row leaves unwritten.
   */
  owe(refresh: () => void): void;
  /** A row on screen was written: the rows owed may ride along, at the end of this task. */
  carry(): void;
  /** Takes back what `refresh` was owed (its row came on screen, caught up or left). */
  settle(refresh: () => void): void;
}

const noop = () => {};

/** Makes the visibility tracker a table shares among its rows. */
export function createRowVisibility(): RowVisibility {
  let observer: IntersectionObserver | undefined;
  // Each watched row's callback, and whether the observer last saw it on screen.
  const rows = new Map<Element, { onChange: (visible: boolean) => void; visible: boolean }>();
  // Rows off screen owed new figures, in the order they fell behind.
  const owed = new Set<() => void>();
  let lastWritten = -Infinity;
  let checkQueued = false;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  const stopFallback = () => {
    clearTimeout(fallback);
    fallback = undefined;
  };
  const writeOwed = () => {
    stopFallback();
    lastWritten = performance.now();
    const due = [...owed];
    owed.clear();
    for (const refresh of due) refresh();
  };
  const check = () => {
    checkQueued = false;
    if (owed.size === 0) return;
    if (performance.now() - lastWritten >= CARRY_MS) writeOwed();
    else fallback ??= setTimeout(writeOwed, REFRESH_MS);
  };
  const queueCheck = () => {
    if (checkQueued) return;
    checkQueued = true;
    queueMicrotask(check);
  };
  const onScroll = () => {
    for (const row of rows.values()) {
      if (row.visible) continue;
      row.onChange(true);
      row.onChange(false);
    }
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
      return () => {
        if (!rows.delete(element)) return;
        observer?.unobserve(element);
        if (rows.size === 0) {
          observer?.disconnect();
          observer = undefined;
          listen(false);
        }
      };
    },
    owe(refresh) {
      owed.add(refresh);
      queueCheck();
    },
    carry() {
      if (owed.size > 0) queueCheck();
    },
    settle(refresh) {
      owed.delete(refresh);
      if (owed.size === 0) stopFallback();
    },
  };
}
