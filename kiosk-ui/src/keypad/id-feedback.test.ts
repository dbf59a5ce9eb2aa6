import { makeIdNumber } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { idTypingFeedback } from './id-feedback';

describe('ID typing feedback', () => {
  const good = makeIdNumber('110105', '1949-12-31', 2);
  it('counts the digits still to type', () => {
    expect(idTypingFeedback('')).toEqual({ text: '请输入18位身份证号码', isError: false });
    expect(idTypingFeedback('11010519').text).toBe('已输入8位，还差10位');
  });
  it('says the number is right once the check digit passes', () => {
    expect(idTypingFeedback(good)).toEqual({ text: '号码正确，请按“查询”', isError: false });
  });
  it('says in plain words when the last digit is wrong', () => {
    const last = good.endsWith('1') ? '2' : '1';
    const feedback = idTypingFeedback(good.slice(0, 17) + last);
    expect(feedback.isError).toBe(true);
    expect(feedback.text).toContain('最后一位校验不对');
  });
});
