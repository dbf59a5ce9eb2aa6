import { describe, expect, it } from 'vitest';
import { pageOfItem, pageStarts } from './page-starts';

/** Rows of the given heights stacked with a gap, as a flex column lays them out. */
function stacked(heights: number[], gap = 16) {
  let top = 0;
  return heights.map((h) => {
    const box = { top, bottom: top + h };
    top += h + gap;
    return box;
  });
}

describe('pageStarts', () => {
  it('puts as many equal rows on a page as fit the box', () => {
    expect(pageStarts(stacked([104, 104, 104, 104, 104, 104, 104]), 480)).toEqual([0, 4]);
  });

  it('fits fewer rows on a page when rows wrap to more lines', () => {
    expect(pageStarts(stacked([104, 160, 160, 104, 104]), 480)).toEqual([0, 3]);
  });

  it('starts a page at a grid row, never in the middle of one', () => {
    // Two columns: items 0–1 share a row, 2–3 the next, 4–5 the third.
    const grid = [0, 0, 1, 1, 2, 2].map((row) => ({ top: row * 164, bottom: row * 164 + 140 }));
    expect(pageStarts(grid, 300)).toEqual([0, 2, 4]);
  });

  it('gives a row taller than the box a page of its own', () => {
    expect(pageStarts(stacked([104, 600, 104]), 480)).toEqual([0, 1, 2]);
  });

  it('has one page for an empty list', () => {
    expect(pageStarts([], 480)).toEqual([0]);
  });
});

describe('pageOfItem', () => {
  it('finds the page that shows an item, so a new layout keeps the villager’s place', () => {
    expect(pageOfItem([0, 4, 8], 0)).toBe(1);
    expect(pageOfItem([0, 4, 8], 5)).toBe(2);
    expect(pageOfItem([0, 4, 8], 9)).toBe(3);
  });
});
