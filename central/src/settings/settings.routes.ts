import { AppError, HolidayCalendar, settingsApi } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import type { CategorySettings } from './category-settings.service';
import type { HolidayCalendars } from '../calendar/holiday-calendars';
import { calendarProblems } from '../calendar/holidays-file';
import type { CentralMount } from '../route-mount';
import { currentStaff, type StaffHttpDeps } from '../staff/staff-session';

const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** A calendar file as sent, or 400 `invalid_calendar` listing each problem in plain Chinese; nothing is stored. */
function parseCalendar(body: unknown, year: number): HolidayCalendar {
  const parsed = HolidayCalendar.safeParse(body);
  if (!parsed.success) {
    const problems = calendarProblems(parsed.error);
    throw new AppError('invalid_calendar', `节假日安排有误：${problems.map((p) => (p.path ? `${p.path}：${p.message}` : p.message)).join('；')}`, problems);
  }
  if (parsed.data.year !== year) throw new AppError('invalid_calendar', `文件里是 ${parsed.data.year} 年的安排，不是要导入的 ${year} 年`);
  return parsed.data;
}

/** County settings an admin changes: complaint categories and their deadlines, and the working-day calendar of each year. */
export function settingsRoutes(
  mount: CentralMount,
  deps: StaffHttpDeps & { categorySettings: CategorySettings; holidayCalendars: HolidayCalendars },
): Router {
  const router = Router();
  mount(router, settingsApi.listCategories, () => deps.categorySettings.categories());
  mount(router, settingsApi.replaceCategories, async ({ body }, _req, res) => {
    await deps.categorySettings.replace(body, currentStaff(res).username);
    return body;
  });
  mount(router, settingsApi.listHolidayCalendars, () => ({ years: deps.holidayCalendars.list(), warnings: deps.holidayCalendars.warnings(deps.now()) }));
  mount(router, settingsApi.getHolidayCalendar, ({ params }) => {
    const { year } = parseInput(YearParam, params);
    const calendar = deps.holidayCalendars.get(year);
    if (!calendar) throw new AppError('not_found', `还没有 ${year} 年的节假日安排`);
    return calendar;
  });
  // Replaces that year whole: the notice is the unit, and a partial merge could keep a day the State Council moved.
  mount(router, settingsApi.replaceHolidayCalendar, async ({ params, body }, _req, res) => {
    const { year } = parseInput(YearParam, params);
    return deps.holidayCalendars.replace(parseCalendar(body, year), currentStaff(res).username);
  });
  return router;
}
