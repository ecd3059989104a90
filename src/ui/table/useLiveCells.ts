'use client';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useMarginSource } from '../../react/MarginSourceProvider';
import { textWidth, type LiveWidths } from './columnLayout';
import type { TableColumn } from './columns';
import { liveTexts, type LiveTexts, type RowConstants } from './rowCells';
import type { RowVisibility } from './rowVisibility';

/** The cells a row's live texts go into: mark price, margin, unrealized PnL, margin ratio, ROE (unshown: null). */
export interface LiveCellRefs {
  mark: RefObject<HTMLElement | null>;
  margin: RefObject<HTMLElement | null>;
  pnl: RefObject<HTMLElement | null>;
  ratio: RefObject<HTMLElement | null>;
  roe: RefObject<HTMLElement | null>;
}

/** Sets an element's only text, in place (the text node's data), when it differs. */
function setText(element: HTMLElement | null, text: string): void {
  if (!element) return;
  const node = element.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE && node === element.lastChild) {
    if ((node as Text).data !== text) (node as Text).data = text;
  } else if (element.textContent !== text) element.textContent = text;
}

function write(cells: LiveCellRefs, texts: LiveTexts): void {
  setText(cells.mark.current, texts.mark);
  setText(cells.margin.current, texts.margin);
  setText(cells.pnl.current, texts.pnl);
  setText(cells.ratio.current, texts.ratio);
  setText(cells.roe.current, texts.roe);
  const pnl = cells.pnl.current;
  if (pnl && pnl.className !== texts.pnlClass) pnl.className = texts.pnlClass;
  const roe = cells.roe.current;
  if (roe && roe.className !== texts.roeClass) roe.className = texts.roeClass;
}

/**
 * A row's live cells, written from the session outside React's render. React renders the row
 * (structure, identity, the texts at that moment); a tick of the row's symbol then changes only the
 * cells' text nodes, so it costs no render, no commit and no new element. Rows on screen are written
 * on every notification of their symbol (at the session's throttle); a row off screen with a later
 * tick's writes, about once a second, or on a fallback timer when no tick comes (at most a second
 * after it fell behind, see `createRowVisibility`), and at once when it comes back. Without
 * `IntersectionObserver` every row stays live. A live text wider than its column widens it.
 *
 * Returns the texts to render now.
 */
export function useLiveCells(
  c: RowConstants,
  locale: string | undefined,
  row: RefObject<Element | null>,
  cells: LiveCellRefs,
  visibility: RowVisibility,
  liveWidths: LiveWidths,
  onWiden: (column: TableColumn, width: number) => void,
): LiveTexts {
  const { session } = useMarginSource();
  const { symbol, positionSide } = c.position;
  const widths = useRef({ liveWidths, onWiden });
  // Brings the cells to the session's latest figures; `force` writes even when they look unchanged.
  const sync = useRef<(force: boolean) => void>(() => {});
  useLayoutEffect(() => {
    widths.current = { liveWidths, onWiden };
  });
  useLayoutEffect(() => {
    let shown: LiveTexts | undefined;
    let visible = true;
    let behind = false;
    const update = (force: boolean) => {
      behind = false;
      const figures = session.figures(symbol, positionSide);
      // Gone from the account: the table removes the row.
      if (!figures) return;
      const texts = liveTexts(c, figures, locale);
      if (texts === shown && !force) return;
      shown = texts;
      write(cells, texts);
      const { liveWidths: w, onWiden: widen } = widths.current;
      for (const [column, key] of c.liveColumns) {
        const width = textWidth(texts[key]);
        if (width > (w[column] ?? 0)) widen(column, width);
      }
    };
    sync.current = update;
    const refresh = () => {
      if (behind) update(false);
    };
    const onChange = () => {
      if (visible) {
        update(false);
        visibility.carry();
      } else {
        behind = true;
        visibility.owe(refresh);
      }
    };
    const offTicks = session.watchSymbol(symbol, onChange);
    const offAccount = session.subscribeAccount(onChange);
    const element = row.current;
    const offVisibility = element
      ? visibility.observe(element, (v) => {
          visible = v;
          if (!v) return;
          visibility.settle(refresh);
          refresh();
        })
      : undefined;
    return () => {
      sync.current = () => {};
      offTicks();
      offAccount();
      offVisibility?.();
      visibility.settle(refresh);
    };
  }, [c, locale, session, symbol, positionSide, row, cells, visibility]);
  // After every render of the row: React wrote the texts of the render; make sure the DOM holds the latest.
  useLayoutEffect(() => sync.current(true));
  return liveTexts(c, session.figures(symbol, positionSide) ?? c.figuresAtStart, locale);
}
