import type { PaymentRow } from '@sunshine/contracts';
import { ageOn, isoDate, WINDOW_MONTHS } from './calendar';
import type { Enrolment } from './enrolment';
import type { MonthlyGrant } from './grants';
import { personAt, type Population } from './population';
import { departmentOf, PROGRAMS, type ProgramCode } from './programs';

/** A payment before it is numbered and checked against deaths. */
interface Draft {
  person: number;
  period: string;
  paidDate: string;
  amountFen: number;
}

type MonthlyCode = 'dibao' | 'tekun' | 'gaoling' | 'guer' | 'canji' | 'yanglao';

/** Day of the month each programme pays; towns pay a day or two apart. */
const PAY_DAY: Record<MonthlyCode, number> = { dibao: 8, tekun: 8, guer: 10, gaoling: 12, yanglao: 15, canji: 18 };
const SEMESTERS = ['2025-03', '2025-09', '2026-03', '2026-09'];

function townOffset(villageCode: string): number {
  return Number(villageCode.slice(6, 9)) % 3;
}

/** Fen paid for one month: standards rose in January 2026. */
function monthlyFen(code: MonthlyCode, grant: MonthlyGrant, birthDate: string, firstOfMonth: string): number {
  const raised = firstOfMonth >= '2026-01-01';
  const age = ageOn(birthDate, firstOfMonth);
  switch (code) {
    case 'dibao':
      return raised ? Math.round((grant.baseFen * 1.05) / 100) * 100 : grant.baseFen;
    case 'tekun':
      return raised ? grant.baseFen + 3_000 : grant.baseFen;
    case 'gaoling':
      return age >= 100 ? 30_000 : age >= 90 ? 10_000 : 5_000;
    case 'yanglao':
      return (raised ? 19_300 : 17_300) + (age >= 75 ? 2_000 : age >= 65 ? 1_000 : 0);
    case 'guer':
    case 'canji':
      return grant.baseFen;
  }
}

/** 学生资助 per semester by school stage: primary, junior middle, senior high, college. */
function semesterFen(age: number): number {
  if (age <= 12) return 50_000;
  if (age <= 15) return 62_500;
  if (age <= 18) return 100_000;
  return 165_000;
}

function* monthly(code: MonthlyCode, grants: readonly MonthlyGrant[], population: Population): Generator<Draft> {
  for (const [m, month] of WINDOW_MONTHS.entries()) {
    const firstOfMonth = isoDate(month.year, month.month, 1);
    for (const grant of grants) {
      if (m < grant.from || m > grant.to) continue;
      const person = personAt(population, grant.person);
      const paidDate = isoDate(month.year, month.month, PAY_DAY[code] + townOffset(person.villageCode));
      yield { person: grant.person, period: month.period, paidDate, amountFen: monthlyFen(code, grant, person.birthDate, firstOfMonth) };
    }
  }
}

function* drafts(code: ProgramCode, enrolment: Enrolment, population: Population): Generator<Draft> {
  switch (code) {
    case 'gengdi':
      for (const year of [2025, 2026]) {
        for (const grant of enrolment.gengdi) {
          const village = personAt(population, grant.person).villageCode;
          yield { person: grant.person, period: String(year), paidDate: isoDate(year, 6, 18 + townOffset(village)), amountFen: grant.amountFen };
        }
      }
      return;
    case 'weifang':
      for (const grant of enrolment.weifang) yield { ...grant, period: grant.paidDate.slice(0, 7) };
      return;
    case 'jiaoyu':
      for (const period of SEMESTERS) {
        const paidDate = `${period}-25`;
        for (const student of enrolment.jiaoyu) {
          const age = ageOn(personAt(population, student).birthDate, paidDate);
          if (age >= 7 && age <= 22) yield { person: student, period, paidDate, amountFen: semesterFen(age) };
        }
      }
      return;
    default:
      yield* monthly(code, enrolment[code], population);
  }
}

/** What the payment stream reports about each row it writes. */
export interface PaymentObserver {
  paid(person: number, row: PaymentRow): void;
}

export interface PaymentInput {
  population: Population;
  enrolment: Enrolment;
  deaths: ReadonlyMap<number, string>;
  /** Planted `paid_after_death` cases: the only people paid after their death date. */
  paidAfterDeath: ReadonlySet<number>;
}

/**
 * payments.csv, row by row: programme by programme, period by period, residents in order.
 * A death stops every payment dated on or after it, except for the planted cases.
 */
export function* paymentRows(input: PaymentInput, observer: PaymentObserver): Generator<PaymentRow> {
  let seq = 0;
  for (const program of PROGRAMS) {
    const department = departmentOf(program.code);
    for (const draft of drafts(program.code, input.enrolment, input.population)) {
      const death = input.deaths.get(draft.person);
      if (death !== undefined && draft.paidDate >= death && !input.paidAfterDeath.has(draft.person)) continue;
      const person = personAt(input.population, draft.person);
      seq++;
      const row: PaymentRow = {
        id: `p-${String(seq).padStart(7, '0')}`,
        programCode: program.code,
        recipientName: person.name,
        idNumber: person.idNumber,
        villageCode: person.villageCode,
        amountFen: draft.amountFen,
        period: draft.period,
        paidDate: draft.paidDate,
        department,
      };
      observer.paid(draft.person, row);
      yield row;
    }
  }
}
