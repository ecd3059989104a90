'use client';
import { useEffect, useState, type RefObject } from 'react';

/**
 * A table of this many rows or more keeps only the rows near the viewport in the DOM. Below it
 * every row is there (rows off screen are skipped by layout and paint, `content-visibility`, and
 * refreshed about once a second); above it the page's own work on every frame (the browser's
 * intersections and layerisation over every row) and the refreshing of rows off screen cost more
 * than mounting a few rows as they scroll in.
 */
export const WINDOW_FROM = 100;

/** Rows rendered beyond each edge of the viewport: a fast scroll or Tab finds rows already there. */
const OVERSCAN = 8;
/** The window moves in steps of this many rows, so a slow scroll renders the table every few rows, not every frame. */
const STEP = 4;
/** A row's height before one is measured: one line of text, the cells' padding and the border (px). */
const ROW_ESTIMATE_PX = 43;

/** The rows in the DOM, `[start, end)` of the table's rows, and the height a row stands for in the gaps. */
export interface RowWindow {
  start: number;
  end: number;
  rowHeight: number;
}

/**
 * The rows `body` shows in the viewport with the overscan, in steps (not yet clamped to the table's
 * rows), and the rows' height: measured from the rows rendered (`body`'s children other than the
 * gaps, `.amk-gap`), else `rowHeight`.
 */
function follow(body: HTMLElement | null, rowHeight: number): RowWindow {
  let total = 0;
  let rows = 0;
  for (const row of body?.children ?? []) {
    if (row.classList.contains('amk-gap')) continue;
    total += (row as HTMLElement).offsetHeight;
    rows++;
  }
  const height = total > 0 ? total / rows : rowHeight;
  const top = body ? body.getBoundingClientRect().top : 0;
  const first = Math.floor(-top / height);
  const last = Math.ceil((window.innerHeight - top) / height);
  return {
    start: Math.floor((first - OVERSCAN) / STEP) * STEP,
    end: Math.ceil((last + OVERSCAN) / STEP) * STEP,
    rowHeight: height,
  };
}

/**
 * Which rows of a table of `count` rows to keep in the DOM (`enabled`: from {@link WINDOW_FROM}
 * rows): those the viewport shows and {@link OVERSCAN} on either side, followed through every
 * scroll (the page's or any scroll container's) and resize, with the rows' height as laid out (cards
 * are taller than table rows), so the gaps keep the scrollbar where the whole table would put it.
 * Disabled, the window is every row.
 */
export function useRowWindow(body: RefObject<HTMLElement | null>, count: number, enabled: boolean): RowWindow {
  const [seen, setSeen] = useState<RowWindow>(() => ({
    start: 0,
    end: Math.ceil((typeof window === 'undefined' ? 0 : window.innerHeight) / ROW_ESTIMATE_PX) + OVERSCAN,
    rowHeight: ROW_ESTIMATE_PX,
  }));
  useEffect(() => {
    if (!enabled) return;
    const update = () => {
      const next = follow(body.current, ROW_ESTIMATE_PX);
      setSeen((w) =>
        w.start === next.start && w.end === next.end && Math.abs(w.rowHeight - next.rowHeight) <= 0.5 ? w : next,
      );
    };
    // Once laid out: the rows' real height and place.
    const frame = requestAnimationFrame(update);
    document.addEventListener('scroll', update, { capture: true, passive: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
    };
  }, [body, count, enabled]);
  if (!enabled) return { start: 0, end: count, rowHeight: seen.rowHeight };
  const clamp = (i: number) => Math.min(count, Math.max(0, i));
  let start = clamp(seen.start);
  let end = clamp(seen.end);
  // Near the table's end, or the table out of sight: the rows at its nearest end are there.
  const least = Math.min(count, 2 * OVERSCAN);
  if (end - start < least) {
    start = Math.min(start, count - least);
    end = start + least;
  }
  return { start, end, rowHeight: seen.rowHeight };
}
