'use client';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * The live figures (limit, before → after, ladder, mark price) in a layout root: once its height is
 * known the root is size-contained (`data-sized`, CSS `contain: size layout`), so a figure's new
 * text on every tick lays out the root alone, not the dialog and the page. Its height is its
 * content's: measured before the first paint, and again whenever the content's height changes (a
 * line appears, the width changes); a ResizeObserver calls back before that frame is painted.
 * The figures are dimmed and framed while the prices are stale.
 */
export function LiveBox(props: { stale: boolean; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const outer = box.current;
    const inner = body.current;
    if (!outer || !inner || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      outer.style.blockSize = `${inner.getBoundingClientRect().height}px`;
      outer.dataset.sized = '';
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="amk-live-box">
      {/* The root is not the flex item itself: a flex item is laid out with its container. */}
      <div ref={box} className="amk-live-root">
        <div ref={body} className="amk-live" data-stale={props.stale || undefined}>
          {props.children}
        </div>
      </div>
    </div>
  );
}
