import { describe, expect, it } from 'vitest';
import { datesBetween, missingCalendarWarning, missingCalendarYears } from './holidays';

describe('holiday calendar years', () => {
  it('expands a holiday to every date from its first to its last day', () => {
    expect(datesBetween('2026-09-30', '2026-10-02')).toEqual(['2026-09-30', '2026-10-01', '2026-10-02']);
    expect(datesBetween('2025-01-01', '2025-01-01')).toEqual(['2025-01-01']);
  });

  it('misses the current year all year, and next year from 1 October', () => {
    const known = new Set([2025, 2026]);
    expect(missingCalendarYears(known, '2026-09-30')).toEqual([]);
    expect(missingCalendarYears(known, '2026-10-01')).toEqual([2027]);
    expect(missingCalendarYears(known, '2027-03-01')).toEqual([2027]);
    expect(missingCalendarYears(known, '2027-12-01')).toEqual([2027, 2028]);
    expect(missingCalendarYears(new Set([2026, 2027]), '2026-12-31')).toEqual([]);
  });

  it('tells staff in plain Chinese what a missing year does to deadlines', () => {
    expect(missingCalendarWarning(2027)).toEqual({ kind: 'holiday_calendar_missing', year: 2027, message: '缺少 2027 年节假日安排，期限按普通周末计算，请管理员导入' });
  });
});
