import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { pageOfItem, pageStarts } from './page-starts';
import type { PagerProps } from './Pager';
import './paged-list.css';

interface Layout<T> {
  /** The items this layout was measured for: new items mean a new measurement. */
  items: readonly T[];
  starts: number[];
  width: number;
  height: number;
}

export interface FittedPages<T> {
  /** What the list renders now: every item while it is being measured, else this page's. */
  rendered: readonly T[];
  /** This page's items; null while measuring, when nothing is on screen yet (nothing to read aloud). */
  pageItems: readonly T[] | null;
  /** For the list element: `ref={listRef} className={`… ${listClass}`}`. */
  listRef: (element: HTMLElement | null) => void;
  listClass: string;
  pager: PagerProps;
}

const noPage = () => undefined;

/** Item by item: a caller that builds a new array of the same items needs no new cut. */
function isSameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}

/**
 * Pages `items` so each page fills the height the list has on this screen, measured, not
 * guessed per orientation (docs/design.md §8: lists page with 上一页/下一页, never scroll).
 * The list takes the free height (`.paged-list`); before paint it is laid out once with
 * every item, hidden, and cut into pages of rows that fit, however tall a row wraps. It is
 * cut again when its width changes, when it shrinks, or when a list of several pages gains
 * height (a single page that grows, because no pager is needed, still fits).
 */
export function useFittedPages<T>(items: readonly T[]): FittedPages<T> {
  const [list, setList] = useState<HTMLElement | null>(null);
  const [layout, setLayout] = useState<Layout<T> | null>(null);
  // The first item on screen, not the page number: a new cut keeps the villager's place.
  const [firstShown, setFirstShown] = useState(0);
  const measured = layout !== null && isSameList(layout.items, items) ? layout : null;

  useLayoutEffect(() => {
    if (measured !== null || list === null) return;
    const top = list.getBoundingClientRect().top;
    const boxes = Array.from(list.children, (child) => {
      const box = child.getBoundingClientRect();
      return { top: box.top - top, bottom: box.bottom - top };
    });
    setLayout({ items, starts: pageStarts(boxes, list.clientHeight), width: list.clientWidth, height: list.clientHeight });
  });

  useEffect(() => {
    if (list === null) return;
    const observer = new ResizeObserver(() => {
      setLayout((current) => {
        if (current === null) return current;
        const widthChanged = Math.abs(list.clientWidth - current.width) > 1;
        const shrank = list.clientHeight < current.height - 1;
        const grewWhilePaged = list.clientHeight > current.height + 1 && current.starts.length > 1;
        return widthChanged || shrank || grewWhilePaged ? null : current;
      });
    });
    observer.observe(list);
    // Rows measured in a fallback font would be cut wrongly once the CJK font is in.
    if (document.fonts.status !== 'loaded') void document.fonts.ready.then(() => setLayout(null));
    return () => observer.disconnect();
  }, [list]);

  const onPage = useCallback((page: number) => setFirstShown(measured?.starts[page - 1] ?? 0), [measured]);
  if (measured === null) {
    // The pager is laid out too, so the rows are measured in the height they will have beside it.
    return { rendered: items, pageItems: null, listRef: setList, listClass: 'paged-list paged-list--measuring', pager: { page: 1, pageCount: 2, onPage: noPage } };
  }
  const { starts } = measured;
  const page = pageOfItem(starts, Math.min(firstShown, Math.max(0, items.length - 1)));
  const pageItems = items.slice(starts[page - 1] ?? 0, starts[page] ?? items.length);
  return { rendered: pageItems, pageItems, listRef: setList, listClass: 'paged-list', pager: { page, pageCount: starts.length, onPage } };
}
