import type { PaymentRow, PlantedAnomaly } from '@sunshine/contracts';
import type { PlantedCase } from './anomalies';
import type { PaymentObserver } from './payments';
import { personAt, type Population } from './population';
import { LOW_INCOME_PROGRAMS, MUTUALLY_EXCLUSIVE_PROGRAMS, PROGRAMS } from './programs';

type Paid = Pick<PaymentRow, 'id' | 'programCode' | 'period' | 'paidDate'>;

/**
 * Watches payments as they stream past: how many each person got and from which
 * programmes (for sample people), and every payment of the planted cases (for evidence).
 */
export class PaymentLedger implements PaymentObserver {
  readonly counts: Uint32Array;
  /** Bit i set: paid by PROGRAMS[i]. */
  readonly programs: Uint16Array;
  private readonly watched = new Map<number, Paid[]>();

  constructor(people: number, watch: Iterable<number>) {
    this.counts = new Uint32Array(people);
    this.programs = new Uint16Array(people);
    for (const person of watch) this.watched.set(person, []);
  }

  paid(person: number, row: PaymentRow): void {
    this.counts[person] = (this.counts[person] ?? 0) + 1;
    this.programs[person] = (this.programs[person] ?? 0) | (1 << PROGRAMS.findIndex((p) => p.code === row.programCode));
    this.watched.get(person)?.push({ id: row.id, programCode: row.programCode, period: row.period, paidDate: row.paidDate });
  }

  paymentsOf(person: number): readonly Paid[] {
    return this.watched.get(person) ?? [];
  }
}

const lowIncome = (p: Paid): boolean => LOW_INCOME_PROGRAMS.some((code) => code === p.programCode);

/**
 * The evidence each rule cites, from the payments actually written:
 * - paid_after_death: payments dated after the death;
 * - official/business in a low-income programme: the person's 低保/特困 payments;
 * - mutually exclusive: both programmes' payments in the periods paid by both;
 * - poverty household vehicle/commercial property: all the owner's payments (maybe none).
 */
export function evidenceOf(kase: PlantedCase, paid: readonly Paid[], deaths: ReadonlyMap<number, string>): string[] {
  switch (kase.kind) {
    case 'paid_after_death': {
      const death = deaths.get(kase.person) ?? '9999-12-31';
      return paid.filter((p) => p.paidDate > death).map((p) => p.id);
    }
    case 'official_household_low_income':
    case 'business_owner_low_income':
      return paid.filter(lowIncome).map((p) => p.id);
    case 'mutually_exclusive_programs':
      return paid.filter((p) => MUTUALLY_EXCLUSIVE_PROGRAMS.some((pair) => paidByBoth(paid, pair, p))).map((p) => p.id);
    case 'poverty_household_vehicle':
    case 'poverty_household_commercial_property':
      return paid.map((p) => p.id);
  }
}

function paidByBoth(paid: readonly Paid[], pair: readonly [string, string], payment: Paid): boolean {
  if (!pair.includes(payment.programCode)) return false;
  return pair.every((code) => paid.some((p) => p.programCode === code && p.period === payment.period));
}

export function toAnomalies(cases: readonly PlantedCase[], ledger: PaymentLedger, deaths: ReadonlyMap<number, string>, population: Population): PlantedAnomaly[] {
  return cases.map((kase) => {
    const person = personAt(population, kase.person);
    const paymentIds = evidenceOf(kase, ledger.paymentsOf(kase.person), deaths);
    return { kind: kase.kind, idNumber: person.idNumber, name: person.name, paymentIds, note: kase.note };
  });
}
