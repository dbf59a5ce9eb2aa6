import { z } from 'zod';
import { IsoDateTime } from './common';

const DAY_MS = 86_400_000;
/** The longest official holiday so far is 9 days (春节 2026); anything past this is a typing slip. */
export const MAX_HOLIDAY_DAYS = 15;

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

// A bad date stops the checks that read it (weekday, order), so it is reported once, as itself.
const CalendarDate = z.iso.date({ error: '日期要写成 2026-02-15 这样的格式', abort: true });
const Name = z.string().trim().min(1, { error: '要写明是哪个节日，如“春节”' }).max(20, { error: '节日名称不超过20个字' });

/** One holiday of a notice, `from`–`to` inclusive: "春节：2月15日至23日放假调休". */
export const HolidayRange = z
  .strictObject({ name: Name, from: CalendarDate, to: CalendarDate })
  .refine((r) => r.from <= r.to, { error: '假期的结束日期早于开始日期', path: ['to'] })
  .refine((r) => dayNumber(r.to) - dayNumber(r.from) < MAX_HOLIDAY_DAYS, { error: `一段假期不会超过${MAX_HOLIDAY_DAYS}天，请核对日期`, path: ['to'] });
export type HolidayRange = z.infer<typeof HolidayRange>;

/** A weekend day worked instead (调休上班): "2月14日（周六）上班". */
export const MakeUpWorkday = z
  .strictObject({ name: Name, date: CalendarDate })
  .refine((w) => weekday(w.date) === 0 || weekday(w.date) === 6, { error: '调休上班日应是星期六或星期日', path: ['date'] });
export type MakeUpWorkday = z.infer<typeof MakeUpWorkday>;

/**
 * One year's working-day calendar as the State Council publishes it (国务院办公厅关于某年
 * 部分节假日安排的通知): the days off and the weekend days worked instead. A notice may
 * reach into the December before its year (元旦 from 31 December), never past its own year.
 */
export const HolidayCalendar = z
  .strictObject({
    year: z.number({ error: '年份要写成数字，如 2027' }).int().min(2000, { error: '年份应在2000年到2100年之间' }).max(2100, { error: '年份应在2000年到2100年之间' }),
    /** The notice's title, or the county's own document for local days off. */
    notice: z.string().trim().min(1, { error: '要写明依据的通知' }).max(100, { error: '通知标题不超过100个字' }),
    url: z.url({ error: '通知的网址不正确' }).max(300).optional(),
    holidays: z.array(HolidayRange).min(1, { error: '至少要有一段假期' }).max(30, { error: '假期不超过30段' }),
    workdays: z.array(MakeUpWorkday).max(20, { error: '调休上班日不超过20天' }),
  })
  .superRefine((calendar, ctx) => {
    const first = `${calendar.year - 1}-12-01`;
    const last = `${calendar.year}-12-31`;
    const outside = (date: string) => date < first || date > last;
    calendar.holidays.forEach((h, i) => {
      for (const key of ['from', 'to'] as const) {
        if (outside(h[key])) ctx.addIssue({ code: 'custom', path: ['holidays', i, key], message: `${h[key]} 不在 ${calendar.year} 年的安排之内` });
      }
    });
    const sorted = [...calendar.holidays].sort((a, b) => a.from.localeCompare(b.from));
    sorted.forEach((h, i) => {
      const next = sorted[i + 1];
      if (next && next.from <= h.to) ctx.addIssue({ code: 'custom', path: ['holidays'], message: `${h.name}和${next.name}的日期重叠` });
    });
    const seen = new Set<string>();
    calendar.workdays.forEach((w, i) => {
      if (outside(w.date)) ctx.addIssue({ code: 'custom', path: ['workdays', i, 'date'], message: `${w.date} 不在 ${calendar.year} 年的安排之内` });
      if (seen.has(w.date)) ctx.addIssue({ code: 'custom', path: ['workdays', i, 'date'], message: `调休上班日 ${w.date} 写了两次` });
      seen.add(w.date);
      const inside = calendar.holidays.find((h) => h.from <= w.date && w.date <= h.to);
      if (inside) ctx.addIssue({ code: 'custom', path: ['workdays', i, 'date'], message: `${w.date} 在${inside.name}假期之内，不能又是上班日` });
    });
  });
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

/** Where central's calendar for a year came from: shipped with central, `CENTRAL_HOLIDAYS_FILE`, or loaded by an admin. */
export const HolidayCalendarOrigin = z.enum(['shipped', 'file', 'imported']);
export type HolidayCalendarOrigin = z.infer<typeof HolidayCalendarOrigin>;

/** Staff `GET /api/settings/holiday-calendars`: one row per year central knows. */
export const HolidayCalendarSummary = z.object({
  year: z.number().int(),
  notice: z.string(),
  origin: HolidayCalendarOrigin,
  /** Days off and make-up working days it holds. */
  holidayDays: z.number().int().nonnegative(),
  workdays: z.number().int().nonnegative(),
  importedBy: z.string().nullable(),
  importedAt: IsoDateTime.nullable(),
});
export type HolidayCalendarSummary = z.infer<typeof HolidayCalendarSummary>;

/** Something about the county's setup that staff should fix, in plain Chinese. */
export const CountyWarning = z.object({
  kind: z.enum(['holiday_calendar_missing']),
  /** The year concerned. */
  year: z.number().int(),
  message: z.string(),
});
export type CountyWarning = z.infer<typeof CountyWarning>;

export const HolidayCalendarList = z.object({ years: z.array(HolidayCalendarSummary), warnings: z.array(CountyWarning) });
export type HolidayCalendarList = z.infer<typeof HolidayCalendarList>;
