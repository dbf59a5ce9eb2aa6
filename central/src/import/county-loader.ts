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
import type { ContentRepository, ContentRow } from '../db/content.repository';
import { toPaymentRecord, toProjectRecords, withMeta, type Meta } from '../domain/county-records';
import { readCsv } from './read-csv';

export interface LoadCountyDeps {
  content: ContentRepository;
  hashId: (idNumber: string) => string;
  now: () => Date;
}

/**
 * Loads a generated county (`npm run gen`) and publishes it as the next content version.
 * Every file is read and checked before anything is written; the publish is one transaction.
 */
export async function loadCounty(dir: string, deps: LoadCountyDeps): Promise<{ version: number; rows: number }> {
  const file = (name: string) => path.join(dir, name);
  const latest = await deps.content.latestVersion();
  const version = (latest?.version ?? 0) + 1;
  const publishedAt = deps.now().toISOString();
  const meta: Meta = { version, updatedAt: publishedAt, sourceImportId: `county-${version}` };

  const simple = async <T extends { id: string }>(table: SyncTable, name: string, schema: z.ZodType<T>) =>
    (await readCsv(file(name), schema)).map((row) => ({ table, id: row.id, data: withMeta(row, meta) }));

  const payments = await readCsv(file(CountyFile.payments), PaymentRow);
  const projects = toProjectRecords(
    await readCsv(file(CountyFile.projects), ProjectRow),
    await readCsv(file(CountyFile.projectFunds), ProjectFundRow),
    await readCsv(file(CountyFile.projectSpending), ProjectSpendingRow),
    meta,
  );
  const rows: ContentRow[] = [
    ...(await simple('towns', CountyFile.towns, TownRow)),
    ...(await simple('villages', CountyFile.villages, VillageRow)),
    ...(await simple('programs', CountyFile.programs, ProgramRow)),
    ...(await simple('policies', CountyFile.policies, PolicyRow)),
    ...(await simple('notices', CountyFile.notices, NoticeRow)),
    ...(await simple('financePeriods', CountyFile.financePeriods, FinancePeriodRow)),
    ...(await simple('financeLines', CountyFile.financeLines, FinanceLineRow)),
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
