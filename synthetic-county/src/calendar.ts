import type { Rng } from './rng';

/**
 * The county's "today". Fixed, never the wall clock, so one seed always writes the same
 * files. Data spans about the two years before it.
 */
export const AS_OF = '2026-10-31';
/** Earliest date in the data (deaths, one-off payments, projects, notices). */
export const DATA_START = '2024-11-01';

export interface Month {
  year: number;
  month: number;
  /** `YYYY-MM` */
  period: string;
}

/** The twelve months of monthly payments and village books, oldest first, ending at AS_OF. */
export const WINDOW_MONTHS: readonly Month[] = Array.from({ length: 12 }, (_, i) => {
  const index = 2025 * 12 + 10 + i; // 2025-11 … 2026-10
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, period: monthPeriod(year, month) };
});

const MS_PER_DAY = 86_400_000;

export function monthPeriod(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${monthPeriod(year, month)}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC arithmetic, so no time zone can shift a date). */
export function toDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY);
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** A uniformly random date in [from, to], both ISO and both included. */
export function randomDate(rng: Rng, from: string, to: string): string {
  return fromDayNumber(rng.int(toDayNumber(from), toDayNumber(to)));
}

/** Whole years of age on `on` for someone born on `birthDate` (both ISO). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Index in WINDOW_MONTHS of the month holding `iso` (may fall outside 0–11). */
export function windowIndexOf(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 - (2025 * 12 + 10);
}

/** The ISO date on which someone born on `birthDate` turns `age`. 29 February birthdays fall on 1 March. */
export function birthdayAt(birthDate: string, age: number): string {
  const year = Number(birthDate.slice(0, 4)) + age;
  const [month, day] = [Number(birthDate.slice(5, 7)), Number(birthDate.slice(8, 10))];
  return day > daysInMonth(year, month) ? isoDate(year, 3, 1) : isoDate(year, month, day);
}
