import type { HolidayCalendar } from '@sunshine/contracts';
import { calendarDays } from './holidays';

/** Dates are calendar dates in the county (China Standard Time, UTC+8, no DST). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The county's calendar date (`YYYY-MM-DD`) of an instant. */
export function chinaDate(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function nextDate(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A working-day calendar: Monday–Friday, minus public holidays, plus make-up working days,
 * from one `HolidayCalendar` per year. A year without one counts plain weekends only.
 * One instance is shared by every deadline reader, so a year an admin replaces applies to
 * the next deadline computed anywhere.
 */
export class WorkingCalendar {
  private readonly byYear = new Map<number, HolidayCalendar>();
  private holidays = new Set<string>();
  private workdays = new Set<string>();

  constructor(calendars: readonly HolidayCalendar[] = []) {
    for (const calendar of calendars) this.byYear.set(calendar.year, calendar);
    this.index();
  }

  /** Uses `calendar` for its year from now on, in place of the one before (if any). */
  replaceYear(calendar: HolidayCalendar): void {
    this.byYear.set(calendar.year, calendar);
    this.index();
  }

  years(): ReadonlySet<number> {
    return new Set(this.byYear.keys());
  }

  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The date of the `n`-th working day after `start` (the start day itself never counts),
   * skipping `paused` dates: a deadline of 3 working days from a Friday is the Wednesday.
   */
  addWorkingDays(start: string, n: number, paused: ReadonlySet<string> = new Set()): string {
    let date = start;
    let counted = 0;
    while (counted < n) {
      date = nextDate(date);
      if (this.isWorkingDay(date) && !paused.has(date)) counted++;
    }
    return date;
  }

  // A notice may hold dates of the December before its year, so the sets are the union of all years.
  private index(): void {
    const days = [...this.byYear.values()].map(calendarDays);
    this.holidays = new Set(days.flatMap((d) => d.holidays));
    this.workdays = new Set(days.flatMap((d) => d.workdays));
  }
}
