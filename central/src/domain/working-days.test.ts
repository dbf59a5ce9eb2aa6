import { describe, expect, it } from 'vitest';
import { chinaDate, WorkingCalendar } from './working-days';

describe('working-day calendar', () => {
  const calendar = new WorkingCalendar();

  it('counts from the day after the start and skips the weekend', () => {
    expect(calendar.addWorkingDays('2026-11-27', 3)).toBe('2026-12-02'); // Friday → Wednesday
  });

  it('skips the National Day holiday and counts the make-up Saturday', () => {
    expect(calendar.isWorkingDay('2026-10-05')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.addWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('treats the Spring Festival as nine days off and 14 February as a working Saturday', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('does not count paused days', () => {
    const paused = new Set(['2026-12-01', '2026-12-02']);
    expect(calendar.addWorkingDays('2026-11-27', 3, paused)).toBe('2026-12-04');
  });

  it('takes the county date of an instant in China Standard Time', () => {
    expect(chinaDate('2026-11-26T17:00:00Z')).toBe('2026-11-27');
    expect(chinaDate('2026-11-26T15:59:59Z')).toBe('2026-11-26');
  });

  it('accepts a county-specific holiday list', () => {
    const local = new WorkingCalendar([{ holidays: ['2026-12-01'], workdays: [] }]);
    expect(local.isWorkingDay('2026-12-01')).toBe(false);
    expect(local.isWorkingDay('2026-10-05')).toBe(true);
  });
});
