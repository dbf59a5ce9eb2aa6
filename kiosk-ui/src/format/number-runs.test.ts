import { describe, expect, it } from 'vitest';
import { numberRuns } from './number-runs';

const numbers = (text: string) => numberRuns(text).filter((r) => r.isNumber).map((r) => r.text);

describe('numberRuns', () => {
  it('keeps a year with its 年 and a whole date together', () => {
    expect(numbers('发布于 2025年2月26日')).toEqual(['2025年2月26日']);
    expect(numbers('城乡居民基础养老金 · 2025年')).toEqual(['2025年']);
  });

  it('keeps an amount with its sign and its 元, a share with its %', () => {
    expect(numbers('合计 ¥1,603,000.00 · 完成63%')).toEqual(['¥1,603,000.00', '63%']);
    expect(numbers('应缴党费4785元，实缴4785元')).toEqual(['4785元', '4785元']);
  });

  it('keeps counts with their units, and 万元 as one unit', () => {
    expect(numbers('解决全村312户1200人安全饮水，投资45万元')).toEqual(['312户1200人', '45万元']);
  });

  it('gives back the text unchanged, run by run', () => {
    const text = '2026年上半年应缴党费4785元，实缴4785元。';
    expect(numberRuns(text).map((r) => r.text).join('')).toBe(text);
    expect(numberRuns('没有数字')).toEqual([{ text: '没有数字', isNumber: false }]);
    expect(numberRuns('')).toEqual([]);
  });
});
