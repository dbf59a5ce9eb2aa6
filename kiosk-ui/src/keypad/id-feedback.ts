import { checkIdNumber } from '@sunshine/contracts';

/** What the villager is told while typing an ID: how many digits are left, then the check result. */
export function idTypingFeedback(value: string, today = new Date()): { text: string; isError: boolean } {
  if (value.length === 0) return { text: '请输入18位身份证号码', isError: false };
  if (value.length < 18) return { text: `已输入${value.length}位，还差${18 - value.length}位`, isError: false };
  const check = checkIdNumber(value, today);
  return check.ok ? { text: '号码正确，请按“查询”', isError: false } : { text: check.message, isError: true };
}
