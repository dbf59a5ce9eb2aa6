import type { HolidayCalendar } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { loadCalendarFiles } from './holidays-file';
import { chinaDate, WorkingCalendar } from './working-days';

const localDayOff = (year: number, date: string): HolidayCalendar => ({ year, notice: '县人民政府关于本县放假的通知', holidays: [{ name: '县庆', from: date, to: date }], workdays: [] });

describe('working-day calendar', () => {
  // The calendars central ships (`central/calendars/*.json`), read as central reads them at start.
  const calendar = new WorkingCalendar(loadCalendarFiles(undefined).map((e) => e.calendar));

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

  it('skips the 2025 Spring Festival and counts its make-up Sunday and Saturday', () => {
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday worked
    expect(calendar.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05'); // 28 January – 4 February off
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true); // Saturday worked
  });

  it('counts a year without a calendar as plain weekdays, Spring Festival included', () => {
    expect(calendar.years().has(2027)).toBe(false);
    expect(calendar.isWorkingDay('2027-02-08')).toBe(true); // a Monday of 春节 2027, unknown to central
  });

  it('accepts a county-specific calendar and lets a year be replaced whole', () => {
    const local = new WorkingCalendar([localDayOff(2026, '2026-12-01')]);
    expect(local.isWorkingDay('2026-12-01')).toBe(false);
    expect(local.isWorkingDay('2026-10-05')).toBe(true);
    local.replaceYear(localDayOff(2026, '2026-12-02'));
    expect([local.isWorkingDay('2026-12-01'), local.isWorkingDay('2026-12-02')]).toEqual([true, false]);
  });
});
