/**
 * Splits a long text into reader pages, each the longest start of what is left that
 * `fits`, broken after a sentence end or a paragraph when one is in its second half, so a
 * page never stops mid-word when it need not.
 */
export function splitPagesBy(text: string, fits: (page: string) => boolean): string[] {
  const pages: string[] = [];
  let rest = text.trim();
  while (rest !== '' && !fits(rest)) {
    const size = longestFit(rest, fits);
    const window = rest.slice(0, size);
    const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'), window.lastIndexOf('！'), window.lastIndexOf('；'));
    const cut = breakAt >= size / 2 ? breakAt + 1 : size;
    pages.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '' || pages.length === 0) pages.push(rest);
  return pages;
}

/** The longest start of `text` that fits (at least one character): `fits` only grows false as text grows. */
function longestFit(text: string, fits: (page: string) => boolean): number {
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(text.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Pages of about `size` characters. */
export function splitPages(text: string, size: number): string[] {
  return splitPagesBy(text, (page) => page.length <= size);
}

/** The lines `text` takes in a box `perLine` characters wide: every paragraph starts a line. */
export function linesOf(text: string, perLine: number): number {
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

/** Pages that each fill a reader box of `lines` lines of `perLine` characters. */
export function splitPagesToFit(text: string, box: { perLine: number; lines: number }): string[] {
  return splitPagesBy(text, (page) => linesOf(page, box.perLine) <= box.lines);
}
