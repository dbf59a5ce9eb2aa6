import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences';

describe('splitSentences', () => {
  it('splits at sentence ends and keeps the punctuation', () => {
    expect(splitSentences('您好。请输入号码！谢谢')).toEqual(['您好。', '请输入号码！', '谢谢']);
  });
  it('splits a long sentence at commas, never past the limit', () => {
    const pieces = splitSentences('一二三四，五六七八，九十', 5);
    expect(pieces).toEqual(['一二三四，', '五六七八，', '九十']);
    expect(splitSentences('一二三四五六七八九十', 4).every((p) => p.length <= 4)).toBe(true);
  });
  it('returns nothing for blank text', () => {
    expect(splitSentences('  ')).toEqual([]);
  });
});
