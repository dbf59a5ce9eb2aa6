import type { AnomalyKind, PaymentRow } from '@sunshine/contracts';
import type { BusinessRow, DeathRow, OfficialRow, PersonRow, PovertyRow, PropertyRow, VehicleRow } from '@sunshine/contracts';

export interface CountyData {
  programs: { code: string; name: string }[];
  payments: PaymentRow[];
  people: PersonRow[];
  deaths: DeathRow[];
  vehicles: VehicleRow[];
  property: PropertyRow[];
  officials: OfficialRow[];
  businesses: BusinessRow[];
  poverty: PovertyRow[];
}

export interface Finding {
  kind: AnomalyKind;
  idNumber: string;
  paymentIds: string[];
}

/**
 * The six cross-check rules of docs/design.md §10, written as plainly as possible and apart from
 * the generator, so that "the manifest equals what these find" proves both recall and precision.
 * Low-income programmes are found by their names, not the generator's codes.
 */
export function detectAnomalies(data: CountyData): Finding[] {
  const codeOf = (name: string): string => data.programs.find((p) => p.name === name)?.code ?? `missing ${name}`;
  const dibao = codeOf('最低生活保障');
  const tekun = codeOf('特困人员救助供养');
  const isLowIncome = (p: PaymentRow): boolean => p.programCode === dibao || p.programCode === tekun;
  const paymentsOf = groupBy(data.payments, (p) => p.idNumber);
  const paid = (id: string): PaymentRow[] => paymentsOf.get(id) ?? [];
  const findings: Finding[] = [];
  const add = (kind: AnomalyKind, idNumber: string, payments: PaymentRow[]): void => {
    findings.push({ kind, idNumber, paymentIds: payments.map((p) => p.id).sort() });
  };

  for (const death of data.deaths) {
    const after = paid(death.idNumber).filter((p) => p.paidDate > death.deathDate);
    if (after.length > 0) add('paid_after_death', death.idNumber, after);
  }
  const poor = new Set(data.poverty.map((p) => p.idNumber));
  for (const id of unique(data.vehicles.map((v) => v.idNumber).filter((id) => poor.has(id)))) add('poverty_household_vehicle', id, paid(id));
  const shops = data.property.filter((p) => p.use === 'commercial').map((p) => p.idNumber);
  for (const id of unique(shops.filter((id) => poor.has(id)))) add('poverty_household_commercial_property', id, paid(id));

  const householdOf = new Map(data.people.map((p) => [p.idNumber, p.householdId]));
  const officialHouseholds = new Set(data.officials.map((o) => householdOf.get(o.idNumber)));
  for (const person of data.people) {
    const low = paid(person.idNumber).filter(isLowIncome);
    if (officialHouseholds.has(person.householdId) && low.length > 0) add('official_household_low_income', person.idNumber, low);
  }
  for (const id of unique(data.businesses.map((b) => b.idNumber))) {
    const low = paid(id).filter(isLowIncome);
    if (low.length > 0) add('business_owner_low_income', id, low);
  }
  for (const [id, payments] of paymentsOf) {
    const tekunPeriods = new Set(payments.filter((p) => p.programCode === tekun).map((p) => p.period));
    const both = new Set(payments.filter((p) => p.programCode === dibao && tekunPeriods.has(p.period)).map((p) => p.period));
    if (both.size > 0) add('mutually_exclusive_programs', id, payments.filter((p) => isLowIncome(p) && both.has(p.period)));
  }
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.kind + a.idNumber < b.kind + b.idNumber ? -1 : 1));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
