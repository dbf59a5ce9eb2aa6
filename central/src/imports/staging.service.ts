import { AppError, type ImportReport, type ImportUploadQuery, type StaffSession } from '@sunshine/contracts';
import type { AuditedImportAction, ImportStore, RecordStore } from './imports.ports';
import type { UploadRow } from './read-upload';
import { batches } from '../platform/batches';
import type { ImportContext } from './import-checks';
import { unstageUnbalancedPeriods } from './import-balance';
import { IMPORT_SPECS, type ImportSpec } from './import-specs';
import { duplicateProblems, validateBatch } from './import-validation';
import { assertCan } from '../staff/permissions';
import { chinaDate } from '../calendar/working-days';

export interface StagingDeps {
  imports: ImportStore;
  records: RecordStore;
  audited: AuditedImportAction;
  now: () => Date;
}

// Rows validated and staged per transaction while the file arrives.
const STAGE_BATCH = 5000;

/**
 * Validates an upload for one department and stages its valid rows as they arrive, a batch
 * per transaction, so a county-sized file never sits in memory; nothing is published yet.
 * An upload that fails on the way (too large, unreadable) leaves nothing behind.
 */
export async function stageUpload(deps: StagingDeps, staff: StaffSession, input: ImportUploadQuery & { rows: AsyncIterable<UploadRow> }): Promise<ImportReport> {
  assertCan(staff, 'imports:upload');
  const department = staff.role === 'publisher' ? staff.department : input.department;
  if (!department) throw new AppError('department_required', 'department: 请指定数据所属部门');
  if (staff.role === 'publisher' && input.department && input.department !== staff.department) throw new AppError('not_own_department', '只能导入本部门的数据');
  const spec = IMPORT_SPECS[input.type];
  if (input.mode === 'correction' && spec.isProjectPart) throw new AppError('correction_not_supported', 'mode: 资金来源和支出明细的导入本身就替换原有明细，请用普通导入');
  if (input.mode === 'correction' && !input.reason) throw new AppError('reason_required', 'reason: 更正导入须说明更正原因');
  const ctx = await importContext(deps, department);
  const meta = { contentType: input.type, mode: input.mode, reason: input.reason ?? null, department, fileName: input.fileName ?? null };
  // The upload is audited as it opens, with the import record: its rows follow in batches.
  const importId = await deps.audited(
    (tx) => tx.imports.begin({ ...meta, createdBy: staff.username, createdAt: deps.now().toISOString() }),
    (id) => ({ actor: staff.username, action: 'import.upload', target: String(id), details: meta }),
  );
  try {
    const counts = { rows: 0, validRows: 0 };
    for await (const rows of batches(input.rows, STAGE_BATCH)) {
      const ids = spec.isProjectPart ? [] : rows.map((r) => r.cells.id ?? '').filter(Boolean);
      const { valid, problems } = validateBatch(spec, rows, ctx, input.mode, await deps.records.liveOwners(spec.table, ids));
      await deps.imports.stage(importId, valid, problems);
      counts.rows += rows.length;
      counts.validRows += valid.length;
    }
    if (counts.rows === 0) throw new AppError('empty_upload', '文件里没有数据行（第1行应为列名）');
    counts.validRows -= await unstageDuplicates(deps, spec, importId);
    counts.validRows -= await unstageUnbalancedPeriods(deps, input.type, importId);
    await deps.imports.finish(importId, counts);
  } catch (err) {
    await deps.imports.discard(importId);
    throw err;
  }
  const report = await deps.imports.find(importId);
  if (!report) throw new AppError('internal', '文件已收到，但读不到这次导入');
  return report;
}

/** Rows repeating an earlier row's id, then (of those left) its natural key, become problems; answers how many. */
async function unstageDuplicates(deps: Pick<StagingDeps, 'imports'>, spec: ImportSpec, importId: number): Promise<number> {
  let removed = 0;
  for (const by of ['id', 'naturalKey'] as const) {
    if (by === 'id' ? spec.isProjectPart : !spec.naturalKey) continue;
    const problems = duplicateProblems(spec, by, await deps.imports.laterDuplicates(importId, by));
    await deps.imports.unstage(importId, problems);
    removed += problems.length;
  }
  return removed;
}

async function importContext(deps: Pick<StagingDeps, 'records' | 'now'>, department: string): Promise<ImportContext> {
  return {
    department,
    villageCodes: await deps.records.liveCodes('villages'),
    programCodes: await deps.records.liveCodes('programs'),
    ownProjectIds: await deps.records.liveProjectIdsOf(department),
    today: chinaDate(deps.now()),
  };
}
