/**
 * The official public holidays and make-up working days (调休上班) of China, as data.
 * Source: 国务院办公厅关于2026年部分节假日安排的通知. Add each year's notice when it is
 * published; a county may also configure its own list (see `WorkingCalendar`).
 */
import { z } from 'zod';

export const HolidayYear = z.object({ holidays: z.array(z.iso.date()), workdays: z.array(z.iso.date()) });
export interface HolidayYear {
  /** Days off that would otherwise be working days (and weekend days inside a holiday). */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
}

const range = (from: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

export const CHINA_HOLIDAYS_2026: HolidayYear = {
  holidays: [
    ...range('2026-01-01', 3), // 元旦
    ...range('2026-02-15', 9), // 春节
    ...range('2026-04-04', 3), // 清明节
    ...range('2026-05-01', 5), // 劳动节
    ...range('2026-06-19', 3), // 端午节
    ...range('2026-09-25', 3), // 中秋节
    ...range('2026-10-01', 7), // 国庆节
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

export const DEFAULT_HOLIDAYS: HolidayYear[] = [CHINA_HOLIDAYS_2026];
