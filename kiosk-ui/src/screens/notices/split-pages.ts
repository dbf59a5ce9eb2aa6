/**
 * Splits a long text into reader pages of about `size` characters, breaking after a
 * sentence end or a paragraph when one is near, so a page never stops mid-word.
 */
export function splitPages(text: string, size: number): string[] {
  const pages: string[] = [];
  let rest = text.trim();
  while (rest.length > size) {
    const window = rest.slice(0, size);
    const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'), window.lastIndexOf('！'), window.lastIndexOf('；'));
    const cut = breakAt >= size / 2 ? breakAt + 1 : size;
    pages.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '' || pages.length === 0) pages.push(rest);
  return pages;
}
