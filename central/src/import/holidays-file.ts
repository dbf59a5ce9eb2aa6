import fs from 'node:fs';
import { z } from 'zod';
import { DEFAULT_HOLIDAYS, HolidayYear } from '../domain/holidays';

/**
 * The built-in official holidays plus a county's own file (each year's State Council notice,
 * local days off). A bad file stops central at start rather than miscounting deadlines.
 */
export function loadHolidays(file: string | undefined): HolidayYear[] {
  if (!file) return DEFAULT_HOLIDAYS;
  const parsed = z.array(HolidayYear).safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`central: ${file} is not a holiday list: ${parsed.error.message}`);
  return [...DEFAULT_HOLIDAYS, ...parsed.data];
}
