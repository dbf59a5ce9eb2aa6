import { AppError, HolidayCalendar, TicketCategorySettings, type HolidayCalendarList } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import type { CategorySettings } from './category-settings.service';
import type { HolidayCalendars } from '../calendar/holiday-calendars';
import { calendarProblems } from '../calendar/holidays-file';
import { currentStaff, requireStaff, type StaffHttpDeps } from '../staff/staff-session';

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
export function settingsRoutes(deps: StaffHttpDeps & { categorySettings: CategorySettings; holidayCalendars: HolidayCalendars }): Router {
  const router = Router();
  router.get('/api/settings/complaint-categories', requireStaff(deps), (_req, res) => {
    res.json(deps.categorySettings.categories());
  });
  router.put('/api/settings/complaint-categories', requireStaff(deps, 'staff:manage'), async (req, res) => {
    const next = parseInput(TicketCategorySettings, req.body);
    await deps.categorySettings.replace(next, currentStaff(res).username);
    res.json(next);
  });

  router.get('/api/settings/holiday-calendars', requireStaff(deps), (_req, res) => {
    const body: HolidayCalendarList = { years: deps.holidayCalendars.list(), warnings: deps.holidayCalendars.warnings(deps.now()) };
    res.json(body);
  });
  router.get('/api/settings/holiday-calendars/:year', requireStaff(deps), (req, res) => {
    const { year } = parseInput(YearParam, req.params);
    const calendar = deps.holidayCalendars.get(year);
    if (!calendar) throw new AppError('not_found', `还没有 ${year} 年的节假日安排`);
    res.json(calendar);
  });
  // Replaces that year whole: the notice is the unit, and a partial merge could keep a day the State Council moved.
  router.put('/api/settings/holiday-calendars/:year', requireStaff(deps, 'staff:manage'), async (req, res) => {
    const { year } = parseInput(YearParam, req.params);
    const calendar = parseCalendar(req.body, year);
    res.json(await deps.holidayCalendars.replace(calendar, currentStaff(res).username));
  });
  return router;
}
