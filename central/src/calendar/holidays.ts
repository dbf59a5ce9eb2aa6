import type { CountyWarning, HolidayCalendar } from '@sunshine/contracts';

const DAY_MS = 86_400_000;

/** The dates `from` to `to`, both included (`YYYY-MM-DD`, calendar dates with no time zone). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) dates.push(new Date(ms).toISOString().slice(0, 10));
  return dates;
}

/** A calendar's days off (weekend days inside a holiday included) and its make-up working days, as dates. */
export function calendarDays(calendar: HolidayCalendar): { holidays: string[]; workdays: string[] } {
  return {
    holidays: calendar.holidays.flatMap((h) => datesBetween(h.from, h.to)),
    workdays: calendar.workdays.map((w) => w.date),
  };
}

/**
 * The State Council publishes next year's calendar in October to December (2025's on
 * 12 November 2024, 2026's on 4 November 2025), and deadlines reach into January only from
 * then: next year's absence is news from 1 October, not all year.
 */
const NEXT_YEAR_MATTERS_FROM = '10-01';

/**
 * Years whose calendar is missing and that deadlines counted today depend on: this year
 * always, next year from October (county dates).
 */
export function missingCalendarYears(known: ReadonlySet<number>, today: string): number[] {
  const year = Number(today.slice(0, 4));
  const needed = today.slice(5) >= NEXT_YEAR_MATTERS_FROM ? [year, year + 1] : [year];
  return needed.filter((y) => !known.has(y));
}

/** What staff read about a missing year: deadlines then count Monday–Friday only, holidays included. */
export function missingCalendarWarning(year: number): CountyWarning {
  return { kind: 'holiday_calendar_missing', year, message: `缺少 ${year} 年节假日安排，期限按普通周末计算，请管理员导入` };
}
