import path from 'node:path';
import type { z } from 'zod';
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
  type SyncTable,
} from '@sunshine/contracts';
import type { CountyRow, CountyStore } from './imports.ports';
import { toPaymentRecord, toProjectRecords, withMeta, type Meta } from './county-records';
import { addLineTotals, periodKey, periodProblems, type PeriodTotals } from './import-balance';
import { CsvRowsError, readCsv, readCsvRows } from './read-csv';

interface LoadCountyDeps {
  content: CountyStore;
  hashId: (idNumber: string) => string;
  now: () => Date;
}

/**
 * Loads a generated county (`npm run gen`) and publishes it as the next content version.
 * Every file is read and checked before anything is written (rows, encodings, and each
 * finance period's balances against its lines); the publish is one transaction.
 */
export async function loadCounty(dir: string, deps: LoadCountyDeps): Promise<{ version: number; rows: number }> {
  const file = (name: string) => path.join(dir, name);
  const latest = await deps.content.latestVersion();
  const version = (latest?.version ?? 0) + 1;
  const publishedAt = deps.now().toISOString();
  const meta: Meta = { version, updatedAt: publishedAt, sourceImportId: `county-${version}` };

  const simple = async <T extends { id: string }>(table: SyncTable, name: string, schema: z.ZodType<T>) => records(table, await readCsv(file(name), schema), meta);
  const villages = await readCsv(file(CountyFile.villages), VillageRow);
  const financePeriods = await readCsvRows(file(CountyFile.financePeriods), FinancePeriodRow);
  const financeLines = await readCsv(file(CountyFile.financeLines), FinanceLineRow);
  checkBalances(file(CountyFile.financePeriods), financePeriods, financeLines, villages);

  const payments = await readCsv(file(CountyFile.payments), PaymentRow);
  const projects = toProjectRecords(
    await readCsv(file(CountyFile.projects), ProjectRow),
    await readCsv(file(CountyFile.projectFunds), ProjectFundRow),
    await readCsv(file(CountyFile.projectSpending), ProjectSpendingRow),
    meta,
  );
  const rows: CountyRow[] = [
    ...(await simple('towns', CountyFile.towns, TownRow)),
    ...records('villages', villages, meta),
    ...(await simple('programs', CountyFile.programs, ProgramRow)),
    ...(await simple('policies', CountyFile.policies, PolicyRow)),
    ...(await simple('notices', CountyFile.notices, NoticeRow)),
    ...records('financePeriods', financePeriods.map((p) => p.value), meta),
    ...records('financeLines', financeLines, meta),
    ...projects.map((p) => ({ table: 'projects' as const, id: p.id, data: p })),
    ...payments.map((p) => ({ table: 'payments' as const, id: p.id, data: toPaymentRecord(p, meta, deps.hashId) })),
  ];
  await deps.content.publish(
    { version, publishedAt, publishedBy: 'system', summary: `county loaded from ${path.basename(dir)}` },
    rows,
    payments.map((p) => ({ paymentId: p.id, idNumber: p.idNumber })),
  );
  return { version, rows: rows.length };
}

function records<T extends { id: string }>(table: SyncTable, rows: readonly T[], meta: Meta): CountyRow[] {
  return rows.map((row) => ({ table, id: row.id, data: withMeta(row, meta) }));
}

/** Every period's books must add up with its lines in the files, as an upload's must with the published ones. */
function checkBalances(file: string, periods: { row: number; value: FinancePeriodRow }[], lines: readonly FinanceLineRow[], villages: readonly VillageRow[]): void {
  const totals = new Map<string, PeriodTotals>();
  addLineTotals(totals, lines, new Set(periods.map(({ value }) => periodKey(value.villageCode, value.period))));
  const names = new Map(villages.map((v) => [v.code, v.name]));
  const problems = periodProblems(periods.map(({ row, value }) => ({ row, ...value })), totals, names);
  if (problems.length > 0) throw new CsvRowsError(file, problems);
}
