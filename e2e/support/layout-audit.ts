import type { Page } from 'playwright-core';

/** One broken rule on screen, with enough to find the element. */
export interface LayoutViolation {
  rule: 'text-size' | 'target-size' | 'contrast' | 'overflow';
  text: string;
  detail: string;
}

/**
 * Walks what is visible now and reports text under 32 px, tap targets under 96×96 px,
 * text/background pairs under 7:1 contrast (computed from the DOM: the text colour
 * against the first opaque background behind it), text cut off by its box, and buttons
 * pushed off the screen or covered by something else (e.g. scrolled under the speech bar).
 */
export function auditLayout(page: Page): Promise<LayoutViolation[]> {
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
