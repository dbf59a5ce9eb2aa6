import { describe, expect, it } from 'vitest';
import { readDateChinese, readPeriodChinese, readTicketNumber } from './read-numbers';

describe('reading numbers the Chinese way', () => {
  it('reads a date with the year digit by digit', () => {
    expect(readDateChinese('2026-03-15')).toBe('二零二六年三月十五日');
    expect(readDateChinese('2026-11-26T08:00:00Z')).toBe('二零二六年十一月二十六日');
  });
  it('reads a period of a year or a month', () => {
    expect(readPeriodChinese('2025')).toBe('二零二五年');
    expect(readPeriodChinese('2025-10')).toBe('二零二五年十月');
  });
  it('reads a ticket number in its printed groups', () => {
    expect(readTicketNumber('004200001237')).toBe('零零四二，零零零零一二三，七');
  });
});
