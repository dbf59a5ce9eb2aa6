import type { Page } from 'playwright-core';

/** One broken rule on screen, with enough to find the element. */
export interface LayoutViolation {
  rule: 'text-size' | 'target-size' | 'contrast' | 'overflow' | 'number-break' | 'page-fill';
  text: string;
  detail: string;
}

/** Every rule at once: the element rules below, numbers kept whole, paged lists filled. */
export async function auditLayout(page: Page): Promise<LayoutViolation[]> {
  return [...(await auditElements(page)), ...(await auditNumberBreaks(page)), ...(await auditPageFill(page))];
}

/**
 * Walks what is visible now and reports text under 32 px, tap targets under 96×96 px,
 * text/background pairs under 7:1 contrast (computed from the DOM: the text colour
 * against the first opaque background behind it), text cut off by its box, and buttons
 * pushed off the screen or covered by something else (e.g. scrolled under the speech bar).
 */
function auditElements(page: Page): Promise<LayoutViolation[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (color: string): Rgba => {
      const m = color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
    };
    const background = (el: Element | null): Rgba => {
      for (let node = el; node !== null; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] >= 0.99) return bg;
      }
      return [255, 255, 255, 1];
    };
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
    };
    const out: { rule: 'text-size' | 'target-size' | 'contrast' | 'overflow'; text: string; detail: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const el = node.parentElement;
      if (el === null || seen.has(el) || (node.textContent ?? '').trim() === '' || !visible(el)) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      const text = (node.textContent ?? '').trim().slice(0, 30);
      const size = parseFloat(style.fontSize);
      if (size < 32) out.push({ rule: 'text-size', text, detail: `${size}px` });
      const fg = parse(style.color);
      const bg = background(el);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = ((l1 ?? 0) + 0.05) / ((l2 ?? 0) + 0.05);
      if (ratio < 7) out.push({ rule: 'contrast', text, detail: ratio.toFixed(2) });
      if (el.scrollWidth > el.clientWidth + 2 && style.overflow === 'hidden') out.push({ rule: 'overflow', text, detail: 'cut off' });
    }
    // While a dialog is open only its own buttons count; everything under it is covered on purpose.
    const dialog = document.querySelector('.overlay, .attract');
    for (const el of document.querySelectorAll('button, [role="button"], textarea')) {
      if (!visible(el) || (el as HTMLButtonElement).disabled) continue;
      if (dialog !== null && !dialog.contains(el)) continue;
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, Math.min(box.top + box.height / 2, innerHeight - 1));
      if (hit !== null && !el.contains(hit)) out.push({ rule: 'overflow', text: (el.textContent ?? '').trim().slice(0, 30), detail: 'covered by another element' });
      if (box.width < 96 || box.height < 96) out.push({ rule: 'target-size', text: (el.textContent ?? '').trim().slice(0, 30), detail: `${Math.round(box.width)}×${Math.round(box.height)}` });
      if (box.right > innerWidth + 1 || box.bottom > innerHeight + 1) out.push({ rule: 'overflow', text: (el.textContent ?? '').trim().slice(0, 30), detail: 'outside the screen' });
    }
    return out;
  });
}

/**
 * A number never breaks from its unit or inside itself ("2025" / "年", "¥1,603," / "000.00"):
 * each number with the units that belong to it must sit on one line. The text of a block is
 * read across its text nodes, because `{year}年` renders as two nodes.
 */
export function auditNumberBreaks(page: Page): Promise<LayoutViolation[]> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
    };
    // Text flows together only inside one block; an inline-block (a button) is a block of its own.
    const blockOf = (el: Element): Element => {
      for (let node: Element | null = el; node !== null; node = node.parentElement) {
        if (!['inline', 'contents'].includes(getComputedStyle(node).display)) return node;
      }
      return document.body;
    };
    const runs = new Map<Element, { nodes: { node: Text; start: number }[]; text: string }>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const el = node.parentElement;
      if (el === null || !(node instanceof Text) || !visible(el)) continue;
      const block = blockOf(el);
      const run = runs.get(block) ?? { nodes: [], text: '' };
      run.nodes.push({ node, start: run.text.length });
      run.text += node.data;
      runs.set(block, run);
    }
    // A number with its currency sign and its units: ¥1,234.50 · 2025年 · 2026年9月15日 · 33% · 312户1200人.
    const TOKEN = /[¥￥]?\d[\d,.:]*(?:[年月日号时分秒元角万亿笔页个条户人名岁次%]+(?:\d[\d,.:]*[年月日号时分秒元角万亿笔页个条户人名岁次%]+)*)?/g;
    const out: { rule: 'number-break'; text: string; detail: string }[] = [];
    for (const run of runs.values()) {
      const at = (offset: number) => {
        let found = run.nodes[0];
        for (const n of run.nodes) if (n.start <= offset) found = n;
        return found === undefined ? null : { node: found.node, offset: Math.min(offset - found.start, found.node.length) };
      };
      for (const match of run.text.matchAll(TOKEN)) {
        if (match[0].length < 2) continue;
        const from = at(match.index);
        const to = at(match.index + match[0].length - 1);
        if (from === null || to === null) continue;
        const range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset + 1);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (rects.length < 2) continue;
        const tops = rects.map((r) => r.top);
        const lineHeight = Math.min(...rects.map((r) => r.height));
        if (Math.max(...tops) - Math.min(...tops) > lineHeight / 2) out.push({ rule: 'number-break', text: match[0], detail: `on ${rects.length} line boxes in "${run.text.trim().slice(0, 30)}"` });
      }
    }
    return out;
  });
}

/**
 * A list that pages (上一页/下一页 with more to come) fills at least 80% of the height it
 * has (the screen's body below the list's top, less what must stay under it: the pager and
 * its row), or stops short only because another row would not fit: its page size follows
 * the space. On the last page fewer rows are fine.
 */
export function auditPageFill(page: Page, minShare = 0.8): Promise<LayoutViolation[]> {
  return page.evaluate((least) => {
    const out: { rule: 'page-fill'; text: string; detail: string }[] = [];
    for (const next of document.querySelectorAll<HTMLButtonElement>('[data-testid="page-next"]')) {
      const body = next.closest('.screen__body');
      if (next.disabled || body === null) continue;
      const lists = [...body.querySelectorAll('[data-paged-list], ul.row-list, .choice-grid')].filter(
        (l) => (l.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && l.children.length > 0,
      );
      const list = lists.at(-1);
      if (list === undefined) continue;
      // What must stay below the list: every later sibling of the list or of its wrappers, with the gaps.
      let reserved = 0;
      for (let node: Element = list; node !== body && node.parentElement !== null; node = node.parentElement) {
        const gap = parseFloat(getComputedStyle(node.parentElement).rowGap) || 0;
        for (let s = node.nextElementSibling; s !== null; s = s.nextElementSibling) reserved += s.getBoundingClientRect().height + gap;
      }
      const top = list.getBoundingClientRect().top;
      const free = body.getBoundingClientRect().bottom - top - reserved;
      const rows = [...list.children].map((c) => c.getBoundingClientRect());
      const used = Math.max(...rows.map((r) => r.bottom)) - top;
      const room = parseFloat(getComputedStyle(list).rowGap) || 0;
      const anotherRow = Math.max(...rows.map((r) => r.height)) + room;
      if (free > 0 && used / free < least && free - used >= anotherRow) {
        out.push({ rule: 'page-fill', text: (list.textContent ?? '').trim().slice(0, 30), detail: `${Math.round((used / free) * 100)}% of ${Math.round(free)}px` });
      }
    }
    return out;
  }, minShare);
}

/** The kiosk's place as the top bar names it (the line under the product name). */
export function placeInHeader(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.top-bar__brand > :not(.brand-title)')].map((el) => (el.textContent ?? '').trim()).join(' '),
  );
}
