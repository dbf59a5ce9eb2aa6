import { describe, expect, it } from 'vitest';
import { toSpokenChinese } from './spoken-numbers';

describe('toSpokenChinese', () => {
  it('reads amounts in yuan, jiao and fen', () => {
    expect(toSpokenChinese('合计¥3,750.50')).toBe('合计三千七百五十元五角');
    expect(toSpokenChinese('收入84616元')).toBe('收入八万四千六百一十六元');
    expect(toSpokenChinese('发放123.45元')).toBe('发放一百二十三元四角五分');
  });
  it('reads years and long numbers digit by digit', () => {
    expect(toSpokenChinese('2026年第4季度')).toBe('二零二六年第四季度');
    expect(toSpokenChinese('电话13800138000')).toBe('电话一三八零零一三八零零零');
  });
  it('reads percentages and plain numbers', () => {
    expect(toSpokenChinese('完成33%，共12笔')).toBe('完成百分之三十三，共十二笔');
  });
  it('leaves text without numbers alone', () => {
    expect(toSpokenChinese('请输入身份证号码')).toBe('请输入身份证号码');
  });
});
