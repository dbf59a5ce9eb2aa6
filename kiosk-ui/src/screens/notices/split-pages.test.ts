import { describe, expect, it } from 'vitest';
import { linesOf, splitPages, splitPagesToFit } from './split-pages';

describe('splitPages', () => {
  it('keeps a short text on one page', () => {
    expect(splitPages('通知。', 100)).toEqual(['通知。']);
  });
  it('breaks after a sentence end near the page size', () => {
    expect(splitPages('一二三四。五六七八九十。', 8)).toEqual(['一二三四。', '五六七八九十。']);
  });
  it('cuts hard when no sentence end is near', () => {
    expect(splitPages('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
  });
});

describe('splitPagesToFit', () => {
  it('counts a line for each paragraph, and wrapped lines for long ones', () => {
    expect(linesOf('一二三\n四五六七八', 4)).toBe(3);
    expect(linesOf('', 4)).toBe(1);
  });

  it('fills a larger box with more of the text, so a portrait reader is not half empty', () => {
    const text = '县里正在对惠民惠农补贴资金发放情况进行专项治理。'.repeat(12);
    const small = splitPagesToFit(text, { perLine: 30, lines: 5 });
    const large = splitPagesToFit(text, { perLine: 24, lines: 20 });
    expect(large.length).toBeLessThan(small.length);
    for (const page of [...small, ...large]) expect(page.endsWith('。')).toBe(true);
    expect(small.join('')).toBe(text);
  });

  it('never puts more lines on a page than the box holds, paragraphs counted', () => {
    const text = Array.from({ length: 9 }, (_, i) => `第${i + 1}条。`).join('\n');
    const pages = splitPagesToFit(text, { perLine: 20, lines: 4 });
    expect(pages.map((p) => linesOf(p, 20))).toEqual([4, 4, 1]);
  });
});
