import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HolidayCalendar } from '@sunshine/contracts';
import { z } from 'zod';
import type { HolidayCalendarEntry } from './holiday-calendars';

/** The official calendars shipped with central, one `YYYY.json` per published State Council notice. */
export const SHIPPED_CALENDARS_DIR = fileURLToPath(new URL('../../calendars', import.meta.url));

/** Each problem of a calendar that does not parse, as "where: why" in plain Chinese. */
export function calendarProblems(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** The calendars of one file: one calendar, or an array of them. */
function readCalendars(file: string): HolidayCalendar[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`central: cannot read the holiday calendar ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = z.array(HolidayCalendar).safeParse(Array.isArray(json) ? json : [json]);
  if (!parsed.success) {
    const problems = calendarProblems(parsed.error).map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new Error(`central: ${file} is not a holiday calendar: ${problems}`);
  }
  return parsed.data;
}

/**
 * The shipped calendars, then the years of `CENTRAL_HOLIDAYS_FILE` (one calendar or an array)
 * in their place. A bad file stops central at start rather than miscounting deadlines; a
 * shipped file must be named for its year, so a copy saved under the wrong name is caught.
 */
export function loadCalendarFiles(file: string | undefined, shippedDir = SHIPPED_CALENDARS_DIR): HolidayCalendarEntry[] {
  const byYear = new Map<number, HolidayCalendarEntry>();
  for (const name of fs.readdirSync(shippedDir).filter((n) => /^\d{4}\.json$/.test(n)).sort()) {
    const [calendar, ...more] = readCalendars(path.join(shippedDir, name));
    if (!calendar || more.length > 0 || `${calendar.year}.json` !== name) throw new Error(`central: ${path.join(shippedDir, name)} holds the year ${calendar?.year ?? '?'}, not its file name's`);
    byYear.set(calendar.year, { calendar, origin: 'shipped', importedBy: null, importedAt: null });
  }
  if (file) {
    for (const calendar of readCalendars(file)) byYear.set(calendar.year, { calendar, origin: 'file', importedBy: null, importedAt: null });
  }
  return [...byYear.values()].sort((a, b) => a.calendar.year - b.calendar.year);
}
