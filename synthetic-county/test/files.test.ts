import { afterAll, describe, expect, it } from 'vitest';
import {
  CountyFile,
  FinanceLineRow,
  FinancePeriodRow,
  NoticeRow,
  PaymentRow,
  PolicyRow,
  ProgramRow,
  ProjectFundRow,
  ProjectRow,
  ProjectSpendingRow,
  TownRow,
  VillageRow,
} from '@sunshine/contracts';
import { checkIdNumber } from '@sunshine/contracts';
import { BusinessRow, DeathRow, OfficialRow, PersonRow, PovertyRow, PropertyRow, VehicleRow } from '@sunshine/contracts';
import { generate, removeTempDirs } from './fixtures';
import { readRows, readTable } from './read-county';

afterAll(removeTempDirs);

/** Each contract file with the schema its rows must pass. */
const SCHEMAS = [
  ['towns', TownRow],
  ['villages', VillageRow],
  ['programs', ProgramRow],
  ['payments', PaymentRow],
  ['projects', ProjectRow],
  ['projectFunds', ProjectFundRow],
  ['projectSpending', ProjectSpendingRow],
  ['financePeriods', FinancePeriodRow],
  ['financeLines', FinanceLineRow],
  ['notices', NoticeRow],
  ['policies', PolicyRow],
  ['people', PersonRow],
  ['deaths', DeathRow],
  ['vehicles', VehicleRow],
  ['property', PropertyRow],
  ['officials', OfficialRow],
  ['businesses', BusinessRow],
  ['poverty', PovertyRow],
] as const satisfies readonly (readonly [keyof typeof CountyFile, unknown])[];
const AS_OF = new Date(2026, 9, 31);

describe.each([
  ['tiny', 11],
  ['demo', 12],
] as const)('a %s county (seed %i)', (scale, seed) => {
  it('writes every contract file, headed by the schema fields, each row valid, counted in the manifest', async () => {
    const { dir, manifest } = await generate(scale, seed);
    expect(SCHEMAS.map(([key]) => key).sort()).toEqual(Object.keys(CountyFile).sort());
    for (const [key, schema] of SCHEMAS) {
      const file = CountyFile[key];
      expect(readTable(dir, file).header, file).toEqual(Object.keys(schema.shape));
      expect(readRows(dir, file, schema).length, file).toBe(manifest.counts[key]);
    }
  });

  it('gives everyone a valid, unique ID number matching their birth date and gender', async () => {
    const { dir } = await generate(scale, seed);
    const people = readRows(dir, CountyFile.people, PersonRow);
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    const problems = people.flatMap((person) => {
      const check = checkIdNumber(person.idNumber, AS_OF);
      const ok = check.ok && check.birthDate === person.birthDate && check.gender === person.gender;
      const inRange = person.birthDate >= '1930-01-01' && person.birthDate <= '2020-12-31';
      return ok && inRange && person.idNumber.startsWith('452123') ? [] : [person.idNumber];
    });
    expect(problems).toEqual([]);
    const sizes = new Map<string, number>();
    for (const p of people) sizes.set(p.householdId, (sizes.get(p.householdId) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(6);
  });

  it('pays only registered residents, in their village, within the period, in whole fen', async () => {
    const { dir } = await generate(scale, seed);
    const people = new Map(readRows(dir, CountyFile.people, PersonRow).map((p) => [p.idNumber, p]));
    const villages = new Set(readRows(dir, CountyFile.villages, VillageRow).map((v) => v.code));
    const programs = new Map(readRows(dir, CountyFile.programs, ProgramRow).map((p) => [p.code, p]));
    const payments = readRows(dir, CountyFile.payments, PaymentRow);
    expect(new Set(payments.map((p) => p.id)).size).toBe(payments.length);
    const problems = payments.flatMap((p) => {
      const person = people.get(p.idNumber);
      const fits =
        person?.name === p.recipientName &&
        person.villageCode === p.villageCode &&
        villages.has(p.villageCode) &&
        Number.isInteger(p.amountFen) &&
        p.amountFen > 0 &&
        p.paidDate.startsWith(p.period) &&
        p.paidDate <= '2026-10-31' &&
        programs.get(p.programCode)?.department === p.department;
      return fits ? [] : [p.id];
    });
    expect(problems).toEqual([]);
  });

  it('balances every project: funds equal the budget, spending within it, status matching progress', async () => {
    const { dir } = await generate(scale, seed);
    const funds = readRows(dir, CountyFile.projectFunds, ProjectFundRow);
    const spending = readRows(dir, CountyFile.projectSpending, ProjectSpendingRow);
    for (const project of readRows(dir, CountyFile.projects, ProjectRow)) {
      const mine = funds.filter((f) => f.projectId === project.id);
      const spent = spending.filter((s) => s.projectId === project.id);
      expect(mine.reduce((s, f) => s + f.amountFen, 0), project.id).toBe(project.budgetFen);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine.length).toBeLessThanOrEqual(3);
      expect(spent.reduce((s, f) => s + f.amountFen, 0)).toBeLessThanOrEqual(project.budgetFen);
      expect(spent.length).toBeGreaterThanOrEqual(2);
      expect(spent.length).toBeLessThanOrEqual(6);
      const expected = { planned: [0, 0], in_progress: [1, 99], completed: [100, 100] }[project.status];
      expect(project.progress).toBeGreaterThanOrEqual(expected[0] ?? 0);
      expect(project.progress).toBeLessThanOrEqual(expected[1] ?? 100);
      expect(project.endDate === null, project.id).toBe(project.status !== 'completed');
    }
  });

  it('keeps village books that add up and carry their balance from month to month', async () => {
    const { dir } = await generate(scale, seed);
    const lines = readRows(dir, CountyFile.financeLines, FinanceLineRow);
    const byPeriod = new Map<string, typeof lines>();
    for (const line of lines) {
      const key = `${line.villageCode} ${line.period}`;
      byPeriod.set(key, [...(byPeriod.get(key) ?? []), line]);
      expect(line.date.startsWith(line.period)).toBe(true);
    }
    let previous: { villageCode: string; closingFen: number } | undefined;
    for (const period of readRows(dir, CountyFile.financePeriods, FinancePeriodRow)) {
      const mine = byPeriod.get(`${period.villageCode} ${period.period}`) ?? [];
      const net = mine.reduce((s, l) => s + (l.direction === 'income' ? l.amountFen : -l.amountFen), 0);
      expect(period.closingFen).toBe(period.openingFen + net);
      expect(period.closingFen).toBeGreaterThanOrEqual(0);
      expect(mine.length).toBeGreaterThanOrEqual(5);
      expect(mine.length).toBeLessThanOrEqual(15);
      if (previous?.villageCode === period.villageCode) expect(period.openingFen).toBe(previous.closingFen);
      previous = period;
    }
  });

  it('dates notices sensibly: expiry, when set, after publication', async () => {
    const { dir } = await generate(scale, seed);
    for (const notice of readRows(dir, CountyFile.notices, NoticeRow)) {
      if (notice.expiryDate !== null) expect(notice.expiryDate > notice.publishDate, notice.id).toBe(true);
    }
  });

  it('offers sample people who are alive and paid, by several programmes', async () => {
    const { dir, manifest } = await generate(scale, seed);
    const payments = readRows(dir, CountyFile.payments, PaymentRow);
    const dead = new Set(readRows(dir, CountyFile.deaths, DeathRow).map((d) => d.idNumber));
    expect(manifest.samplePeople.length).toBeGreaterThanOrEqual(8);
    expect(manifest.samplePeople.length).toBeLessThanOrEqual(12);
    const programs = new Set<string>();
    for (const sample of manifest.samplePeople) {
      const theirs = payments.filter((p) => p.idNumber === sample.idNumber);
      expect(theirs.length, sample.name).toBeGreaterThan(0);
      expect(theirs[0]?.recipientName).toBe(sample.name);
      expect(dead.has(sample.idNumber)).toBe(false);
      for (const p of theirs) programs.add(p.programCode);
    }
    expect(programs.size).toBeGreaterThanOrEqual(6);
  });
});
