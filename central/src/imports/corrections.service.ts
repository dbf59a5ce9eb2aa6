import {
  AppError,
  checkIdNumber,
  maskIdNumber,
  SyncTable,
  SyncTables,
  type CorrectRecordRequest,
  type ImportReport,
  type RecordHistoryEntry,
  type StaffSession,
  type StagedRecord,
} from '@sunshine/contracts';
import type { AuditedImportAction, ImportsTx, ImportStore, NewRecordChange, RecordStore } from './imports.ports';
import { correctedPeriodProblem } from './import-balance';
import type { ImportContext } from './import-checks';
import { IMPORT_SPECS } from './import-specs';
import { assertCan, isInScope } from '../staff/permissions';
import type { PublishBatch } from './publisher.service';
import { chinaDate } from '../calendar/working-days';

export interface CorrectionDeps {
  records: RecordStore;
  imports: ImportStore;
  audited: AuditedImportAction;
  hashId: (idNumber: string) => string;
  now: () => Date;
}

// Central's own fields, and the ID hash and mask (they follow from `idNumber`).
const FIXED_FIELDS = new Set(['id', 'version', 'updatedAt', 'sourceImportId', 'idHash', 'maskedId']);

/** A kind of published data by the name in a path, or 404 `unknown_table`. */
function tableNamed(name: string): SyncTable {
  const table = SyncTable.safeParse(name);
  if (!table.success) throw new AppError('unknown_table', `没有“${name}”这类数据`);
  return table.data;
}

/** The record, if it is live and the staff member's department owns it. */
async function ownedRecord(deps: CorrectionDeps, staff: StaffSession, rawTable: string, id: string) {
  assertCan(staff, 'records:correct');
  const table = tableNamed(rawTable);
  const record = await deps.records.find(table, id);
  if (!record || record.deleted) throw new AppError('unknown_record', '没有这条已发布的记录');
  const department = record.department ?? (typeof record.data.department === 'string' ? record.data.department : null);
  if (!isInScope(staff, department)) throw new AppError('not_own_department', '只能更正或撤回本部门发布的数据');
  return { table, record, department: department ?? staff.department ?? 'county' };
}

/** Every state of a published record, newest first, down to its first. */
export async function recordHistory(deps: Pick<CorrectionDeps, 'records'>, table: string, id: string): Promise<RecordHistoryEntry[]> {
  return deps.records.history(tableNamed(table), id);
}

/**
 * A department corrects fields of its own published record. The change is checked now and
 * staged as a one-row correction import for a second person to approve (docs/design.md §9);
 * nothing is published until then. The staged row is the record's next state, computed from
 * the version read here, which the approval re-checks.
 */
export async function correctRecord(deps: CorrectionDeps, staff: StaffSession, rawTable: string, id: string, request: CorrectRecordRequest): Promise<ImportReport> {
  const { table, record, department } = await ownedRecord(deps, staff, rawTable, id);
  const next: Record<string, unknown> = { ...record.data };
  const shown: Record<string, string | number | null> = {};
  let idNumber: string | null = null;
  for (const [field, value] of Object.entries(request.changes)) {
    if (FIXED_FIELDS.has(field)) throw new AppError('field_not_correctable', `${field}: 这一项不能更正`);
    const problem = checkField(table, field, value, department, deps.now());
    if (problem) throw new AppError('invalid_field_value', `${field}: ${problem}`);
    if (table === 'payments' && field === 'idNumber') {
      idNumber = String(value).toUpperCase();
      const masked = maskIdNumber(idNumber);
      next.idHash = deps.hashId(idNumber);
      next.maskedId = masked;
      shown[field] = masked;
      continue;
    }
    if (!(field in record.data)) throw new AppError('unknown_field', `${field}: 没有这一项`);
    next[field] = value;
    shown[field] = value;
  }
  const parsed = SyncTables[table].safeParse(next);
  if (!parsed.success) throw invalidRecord(parsed.error.issues);
  const unbalanced = table === 'financePeriods' ? await correctedPeriodProblem(deps, parsed.data) : undefined;
  if (unbalanced) throw new AppError('finance_unbalanced', unbalanced);
  // A staged row may hold a plaintext ID number, like an upload's; it is dropped once reviewed.
  const data = { ...parsed.data, ...(idNumber ? { idNumber } : {}) };
  return stageChange(deps, staff, 'record.correct', { mode: 'correction', reason: request.reason, department, record: { table, id, changes: shown }, data, baseVersion: record.version });
}

/** A department withdraws its own record: staged as a one-row withdrawal import; approved, a tombstone kiosks apply as a delete. */
export async function withdrawRecord(deps: CorrectionDeps, staff: StaffSession, rawTable: string, id: string, reason: string): Promise<ImportReport> {
  const { table, record, department } = await ownedRecord(deps, staff, rawTable, id);
  return stageChange(deps, staff, 'record.withdraw', { mode: 'withdrawal', reason, department, record: { table, id, changes: null }, data: { id }, baseVersion: record.version });
}

/** Stages the change with its audit entry (which names the import a reviewer will see). */
async function stageChange(
  deps: CorrectionDeps,
  staff: StaffSession,
  action: string,
  change: Omit<NewRecordChange, 'createdBy' | 'createdAt'>,
): Promise<ImportReport> {
  const { record, reason } = change;
  const importId = await deps.audited(
    (tx) => tx.imports.stageRecordChange({ ...change, createdBy: staff.username, createdAt: deps.now().toISOString() }),
    (id) => ({ actor: staff.username, action, target: `${record.table}/${record.id}`, details: { importId: id, reason, ...(record.changes ? { changes: record.changes } : {}) } }),
  );
  const report = await deps.imports.find(importId);
  if (!report) throw new AppError('internal', '更改已提交，但读不到它');
  return report;
}

/**
 * What an approved single-record change publishes. Refused, inside the approval's transaction,
 * when its record changed since it was staged: every change (a correction, a withdrawal, an
 * import that takes the id over) moves the record's version, so the same version means it is
 * still live, still the department's, and still the state the correction was computed from. A
 * withdrawal approved meanwhile is never undone, and no correction overwrites a newer one.
 */
export async function stagedRecordChange(tx: ImportsTx, report: ImportReport, record: StagedRecord, meta: { version: number; updatedAt: string }): Promise<PublishBatch> {
  const { table, id } = record;
  if ((await tx.imports.stagedIdsChanged(report.importId, table, 1)).total > 0) {
    throw new AppError('stale_record', '这条记录在提交这项更改后已被修改或撤回，不能再发布。请驳回这项更改，按最新的记录重新提交');
  }
  if (report.mode === 'withdrawal') return { changes: [{ table, id, data: null }] };
  const staged = await firstStagedRow(tx, report.importId);
  const { idNumber, ...state } = staged;
  const parsed = SyncTables[table].safeParse({ ...state, ...meta, sourceImportId: `import-${report.importId}` });
  if (!parsed.success) throw invalidRecord(parsed.error.issues);
  return { changes: [{ table, id, data: parsed.data }], identities: typeof idNumber === 'string' ? [{ paymentId: id, idNumber }] : [] };
}

async function firstStagedRow(tx: ImportsTx, importId: number): Promise<Record<string, unknown>> {
  for await (const [row] of tx.imports.stagedPages(importId, 1)) if (row) return row.data;
  throw new AppError('nothing_to_publish', '这项更改没有可发布的数据');
}

/** A record a correction would leave out of shape: each field's problem, named. */
const invalidRecord = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  new AppError('invalid_field_value', issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; '));

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
