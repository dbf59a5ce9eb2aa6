import { AppError, checkIdNumber, maskIdNumber, SyncTable, SyncTables, type CorrectRecordRequest, type StaffSession } from '@sunshine/contracts';
import type { RecordRepository } from '../db/records.repository';
import type { Tx } from '../db/unit-of-work';
import type { ImportContext } from './import-checks';
import { IMPORT_SPECS } from './import-specs';
import { assertCan, isInScope } from './permissions';
import type { Publisher, PublishRequest } from './publisher';
import { chinaDate } from './working-days';

export interface CorrectionDeps {
  records: RecordRepository;
  publisher: Publisher;
  hashId: (idNumber: string) => string;
  now: () => Date;
}

// Central's own fields, and the ID hash and mask (they follow from `idNumber`).
const FIXED_FIELDS = new Set(['id', 'version', 'updatedAt', 'sourceImportId', 'idHash', 'maskedId']);

/** The record, if it is live and the staff member's department owns it. */
async function ownedRecord(deps: CorrectionDeps, staff: StaffSession, rawTable: string, id: string) {
  assertCan(staff, 'records:correct');
  const table = SyncTable.safeParse(rawTable);
  if (!table.success) throw new AppError('not_found', `没有“${rawTable}”这类数据`);
  const record = await deps.records.find(table.data, id);
  if (!record || record.deleted) throw new AppError('not_found', '没有这条已发布的记录');
  const department = record.department ?? (typeof record.data.department === 'string' ? record.data.department : null);
  if (!isInScope(staff, department)) throw new AppError('forbidden', '只能更正或撤回本部门发布的数据');
  return { table: table.data, record, department: department ?? staff.department ?? 'county' };
}

/**
 * Refuses, inside the publish's transaction, a record that changed since `ownedRecord` read
 * it. Every change (a correction, a withdrawal, an import that takes the id over) moves the
 * record's version, so the same version means it is still live, still the department's, and
 * still the state the correction was computed from: a withdrawal published meanwhile is never
 * undone, and two corrections never race on stale data.
 */
async function assertUnchanged(tx: Tx, table: SyncTable, id: string, seenVersion: number): Promise<void> {
  const current = await tx.records.find(table, id);
  if (!current || current.deleted || current.version !== seenVersion) throw new AppError('conflict', '这条记录刚被修改或撤回，请刷新后重试');
}

/** A department corrects fields of its own published record: a new version, audited with it; the old state stays in history. */
export async function correctRecord(deps: CorrectionDeps, staff: StaffSession, rawTable: string, id: string, request: CorrectRecordRequest) {
  const { table, record, department } = await ownedRecord(deps, staff, rawTable, id);
  const next: Record<string, unknown> = { ...record.data };
  let identity: { paymentId: string; idNumber: string } | null = null;
  for (const [field, value] of Object.entries(request.changes)) {
    if (FIXED_FIELDS.has(field)) throw new AppError('bad_request', `${field}: 这一项不能更正`);
    const problem = checkField(table, field, value, department, deps.now());
    if (problem) throw new AppError('bad_request', `${field}: ${problem}`);
    if (table === 'payments' && field === 'idNumber') {
      const idNumber = String(value).toUpperCase();
      next.idHash = deps.hashId(idNumber);
      next.maskedId = maskIdNumber(idNumber);
      identity = { paymentId: id, idNumber };
      continue;
    }
    if (!(field in record.data)) throw new AppError('bad_request', `${field}: 没有这一项`);
    next[field] = value;
  }
  const target = `${table}/${id}`;
  const publish: PublishRequest = {
    by: staff.username,
    summary: `correct ${target}`,
    provenance: { action: 'correct', department, importId: null, reason: request.reason },
    audit: ({ version }) => ({ action: 'record.correct', target, details: { ...request, version } }),
  };
  return deps.publisher.publish(publish, async (meta, tx) => {
    await assertUnchanged(tx, table, id, record.version);
    const parsed = SyncTables[table].safeParse({ ...next, ...meta, sourceImportId: record.data.sourceImportId });
    if (!parsed.success) throw new AppError('bad_request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return {
      changes: [{ table, id, data: parsed.data }],
      identities: identity ? [identity] : [],
    };
  });
}

/** A department withdraws its own record: a tombstone in a new version (audited with it), which kiosks apply as a delete. */
export async function withdrawRecord(deps: CorrectionDeps, staff: StaffSession, rawTable: string, id: string, reason: string) {
  const { table, record, department } = await ownedRecord(deps, staff, rawTable, id);
  const target = `${table}/${id}`;
  const publish: PublishRequest = {
    by: staff.username,
    summary: `withdraw ${target}`,
    provenance: { action: 'withdraw', department, importId: null, reason },
    audit: ({ version }) => ({ action: 'record.withdraw', target, details: { reason, version } }),
  };
  return deps.publisher.publish(publish, async (_meta, tx) => {
    await assertUnchanged(tx, table, id, record.version);
    return { changes: [{ table, id, data: null }] };
  });
}

function checkField(table: SyncTable, field: string, value: string | number | null, department: string, now: Date): string | undefined {
  if (table === 'payments' && field === 'idNumber') {
    const result = checkIdNumber(String(value));
    return result.ok ? undefined : result.message;
  }
  const spec = Object.values(IMPORT_SPECS).find((s) => s.table === table && !s.isProjectPart);
  const check = spec?.checks[field];
  if (!check || value === null || field === 'villageCode' || field === 'scopeCode' || field === 'programCode') return undefined;
  const ctx: ImportContext = { department, villageCodes: new Set(), programCodes: new Set(), ownProjectIds: new Set(), today: chinaDate(now) };
  return check(String(value), ctx);
}
