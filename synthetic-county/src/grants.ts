import { birthdayAt, windowIndexOf } from './calendar';

/** The last index of WINDOW_MONTHS: monthly grants run to it unless they stop early. */
export const LAST_MONTH = 11;

/** A monthly entitlement over months `from`…`to` (indices into WINDOW_MONTHS, inclusive). */
export interface MonthlyGrant {
  person: number;
  from: number;
  to: number;
  /** Fen a month before any yearly rise; age-based programmes work it out per month instead. */
  baseFen: number;
}

export interface OneOffGrant {
  person: number;
  paidDate: string;
  amountFen: number;
}

/** The month index from which an age-based benefit is paid: the month after the birthday (满…周岁的次月). */
export function firstMonthAtAge(birthDate: string, age: number): number {
  return Math.max(0, windowIndexOf(birthdayAt(birthDate, age)) + 1);
}

/** Payment files list each month's batch in residents' order, as a department's roll does. */
export function byPerson<T extends { person: number }>(grants: T[]): T[] {
  return grants.sort((a, b) => a.person - b.person);
}

/** A yearly payment, the same each year. */
export interface YearlyGrant {
  person: number;
  amountFen: number;
}
