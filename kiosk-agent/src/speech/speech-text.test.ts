import { describe, expect, it } from 'vitest';
import { normalizeSpeechText } from './speech-text';

describe('speech text', () => {
  it('reads stray digits one by one and collapses whitespace', () => {
    expect(normalizeSpeechText('查询号  0042\n0000123')).toBe('查询号 零零四二 零零零零一二三');
  });
  it('drops control characters', () => {
    expect(normalizeSpeechText('\u0007你好\u0000')).toBe('你好');
  });
});
