import { describe, expect, it } from 'vitest';
import { splitPages } from './split-pages';

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
