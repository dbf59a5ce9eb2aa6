import { z } from 'zod';
import { HolidayCalendar, HolidayCalendarList, HolidayCalendarSummary } from '../calendar';
import { TicketCategorySettings } from '../console';
import { defineRoute } from '../route';

/** County settings an admin changes: complaint categories and their deadlines, each year's working-day calendar. */
export const settingsApi = {
  listCategories: defineRoute({
    method: 'GET',
    path: '/api/settings/complaint-categories',
    summary: 'The categories kiosks offer (1–6) and their acknowledge and reply deadlines in working days',
    access: { kind: 'staff' },
    response: TicketCategorySettings,
  }),
  replaceCategories: defineRoute({
    method: 'PUT',
    path: '/api/settings/complaint-categories',
    summary: 'Replace the categories and deadlines; audited',
    access: { kind: 'staff', permission: 'staff:manage' },
    body: TicketCategorySettings,
    response: TicketCategorySettings,
  }),
  listHolidayCalendars: defineRoute({
    method: 'GET',
    path: '/api/settings/holiday-calendars',
    summary: 'Each year with a calendar, where it came from, and warnings for a missing year',
    access: { kind: 'staff' },
    response: HolidayCalendarList,
  }),
  getHolidayCalendar: defineRoute({
    method: 'GET',
    path: '/api/settings/holiday-calendars/:year',
    summary: "That year's holidays and make-up working days; 404 when central has none",
    access: { kind: 'staff' },
    response: HolidayCalendar,
  }),
  replaceHolidayCalendar: defineRoute({
    method: 'PUT',
    path: '/api/settings/holiday-calendars/:year',
    summary:
      "Load a year's `HolidayCalendar { year, notice, url?, holidays: [{ name, from, to }], workdays: [{ name, date }] }`: replaces that year whole (shipped or loaded before), used for every deadline from then on, kept across restarts, audited (`settings.holiday-calendar`). 400 `invalid_calendar` with each problem in plain Chinese (`details`: `[{ path, message }]`) and nothing changed: a make-up working day not on a weekend or inside a holiday, a holiday reversed, longer than 15 days or overlapping another, a date outside the year (the December before is allowed), a year other than `:year`",
    access: { kind: 'staff', permission: 'staff:manage' },
    // Checked by the route itself, so that each problem is named in plain Chinese.
    body: z.unknown(),
    response: HolidayCalendarSummary,
  }),
} as const;
