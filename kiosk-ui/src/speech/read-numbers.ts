import { readDigits, readIntegerChinese } from '@sunshine/contracts';

/** `2026-03-05` → `二零二六年三月五日`: years digit by digit, month and day as numbers. */
export function readDateChinese(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(isoDate);
  if (match === null) return isoDate;
  const [, year = '', month = '', day] = match;
  const monthDay = `${readIntegerChinese(Number(month))}月${day === undefined ? '' : `${readIntegerChinese(Number(day))}日`}`;
  return `${readDigits(year)}年${monthDay}`;
}

/** A period `2025` or `2025-03` read aloud. */
export function readPeriodChinese(period: string): string {
  if (/^\d{4}$/.test(period)) return `${readDigits(period)}年`;
  return readDateChinese(period);
}

/** A ticket number read in its printed groups, digit by digit: `零零四二，零零零零一二三，七`. */
export function readTicketNumber(ticketNumber: string): string {
  const digits = ticketNumber.replace(/\D/g, '');
  if (digits.length !== 12) return readDigits(digits);
  return [digits.slice(0, 4), digits.slice(4, 11), digits.slice(11)].map(readDigits).join('，');
}
