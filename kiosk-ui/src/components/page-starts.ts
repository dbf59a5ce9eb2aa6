/** Where a laid-out item sits, from the top of its list's box, in CSS pixels. */
export interface ItemBox {
  top: number;
  bottom: number;
}

/**
 * Cuts a laid-out list into pages that each fit `available` pixels: the index of the first
 * item of every page. Greedy from the top, so each page holds as many rows as fit, however
 * tall a row wraps. In a grid the items of one row share their top and bottom, so a page
 * always starts at a row. An item taller than the box gets a page of its own.
 */
export function pageStarts(items: readonly ItemBox[], available: number): number[] {
  const starts = [0];
  let pageTop = items[0]?.top ?? 0;
  items.forEach((item, i) => {
    if (i === 0 || item.bottom - pageTop <= available) return;
    starts.push(i);
    pageTop = item.top;
  });
  return starts;
}

/** The page (from 1) that shows item `index`. */
export function pageOfItem(starts: readonly number[], index: number): number {
  let page = 1;
  starts.forEach((start, i) => {
    if (start <= index) page = i + 1;
  });
  return page;
}
