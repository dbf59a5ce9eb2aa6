import { HolidayCalendar, type CountyWarning, type HolidayCalendarOrigin, type HolidayCalendarSummary } from '@sunshine/contracts';
import { z } from 'zod';
import type { SettingsRepository } from '../settings/settings.repository';
import type { Audited } from '../platform/unit-of-work';
import { calendarDays, missingCalendarWarning, missingCalendarYears } from './holidays';
import { chinaDate, WorkingCalendar } from './working-days';

/** One year's calendar and where it came from. */
export interface HolidayCalendarEntry {
  calendar: HolidayCalendar;
  origin: HolidayCalendarOrigin;
  importedBy: string | null;
  importedAt: string | null;
}

const KEY_PREFIX = 'holiday_calendar:';
const StoredCalendar = z.object({ calendar: HolidayCalendar, importedBy: z.string(), importedAt: z.iso.datetime({ offset: true }) });

/**
 * The county's working-day calendars: the files central ships (and `CENTRAL_HOLIDAYS_FILE`),
 * each year replaced by one an admin loaded, which is kept in the settings table with its
 * audit entry and so outlives restarts and upgrades. One `WorkingCalendar` serves every
 * deadline; a year loaded is swapped into it once stored.
 */
export async function loadHolidayCalendars(deps: { settings: SettingsRepository; audited: Audited; now: () => Date }, fromFiles: readonly HolidayCalendarEntry[]) {
  const entries = new Map<number, HolidayCalendarEntry>();
  for (const entry of fromFiles) entries.set(entry.calendar.year, entry);
  for (const row of await deps.settings.listByPrefix(KEY_PREFIX)) {
    const stored = StoredCalendar.safeParse(row.value);
    // A stored year that no longer reads would silently miscount deadlines: stop instead.
    if (!stored.success) throw new Error(`central: the stored holiday calendar ${row.key} is not valid: ${stored.error.message}`);
    entries.set(stored.data.calendar.year, { ...stored.data, origin: 'imported' });
  }
  const calendar = new WorkingCalendar([...entries.values()].map((e) => e.calendar));

  const summary = (e: HolidayCalendarEntry): HolidayCalendarSummary => {
    const days = calendarDays(e.calendar);
    return { year: e.calendar.year, notice: e.calendar.notice, origin: e.origin, holidayDays: days.holidays.length, workdays: days.workdays.length, importedBy: e.importedBy, importedAt: e.importedAt };
  };

  return {
    calendar,
    list: (): HolidayCalendarSummary[] => [...entries.values()].sort((a, b) => a.calendar.year - b.calendar.year).map(summary),
    get: (year: number): HolidayCalendar | null => entries.get(year)?.calendar ?? null,
    /** Missing years that deadlines counted now depend on (`missingCalendarYears`), as warnings for staff. */
    warnings: (now: Date): CountyWarning[] => missingCalendarYears(calendar.years(), chinaDate(now)).map(missingCalendarWarning),

    /** Stores `next` for its year in place of whatever was there, audited with it, then uses it. */
    async replace(next: HolidayCalendar, actor: string): Promise<HolidayCalendarSummary> {
      const entry: HolidayCalendarEntry = { calendar: next, origin: 'imported', importedBy: actor, importedAt: deps.now().toISOString() };
      const replaced = entries.get(next.year)?.origin ?? null;
      await deps.audited(
        (tx) => tx.settings.set(`${KEY_PREFIX}${next.year}`, { calendar: next, importedBy: entry.importedBy, importedAt: entry.importedAt }),
        () => ({ actor, action: 'settings.holiday-calendar', target: String(next.year), details: { replaced, calendar: next } }),
      );
      entries.set(next.year, entry);
      calendar.replaceYear(next);
      return summary(entry);
    },
  };
}
export type HolidayCalendars = Awaited<ReturnType<typeof loadHolidayCalendars>>;
