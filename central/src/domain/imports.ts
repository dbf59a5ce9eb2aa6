import { AppError, PaymentRow, type ImportContentType, type ImportReport, type StaffSession } from '@sunshine/contracts';
import type { ImportRepository } from '../db/imports.repository';
import type { RecordChange, RecordRepository } from '../db/records.repository';
import type { UploadRow } from '../import/read-upload';
import { toPaymentRecord, withMeta } from './county-records';
import { IMPORT_SPECS } from './import-specs';
import { validateUpload } from './import-validation';
import { assertCan, can, isInScope } from './permissions';
import type { Publisher } from './publisher';
import { chinaDate } from './working-days';

export interface ImportDeps {
  imports: ImportRepository;
  records: RecordRepository;
  publisher: Publisher;
  hashId: (idNumber: string) => string;
  now: () => Date;
}

/** Validates an upload for one department and stages its valid rows; nothing is published yet. */
export async function stageUpload(deps: ImportDeps, staff: StaffSession, input: { type: ImportContentType; department?: string; fileName?: string; rows: UploadRow[] }): Promise<ImportReport> {
  assertCan(staff, 'imports:upload');
  const department = staff.role === 'publisher' ? staff.department : input.department;
  if (!department) throw new AppError('bad_request', 'department: 请指定数据所属部门');
  if (staff.role === 'publisher' && input.department && input.department !== staff.department) throw new AppError('forbidden', '只能导入本部门的数据');
  if (input.rows.length === 0) throw new AppError('bad_request', '文件里没有数据行（第1行应为列名）');
  const spec = IMPORT_SPECS[input.type];
  const ids = input.rows.map((r) => r.cells.id ?? '').filter(Boolean);
  const ctx = {
    department,
    villageCodes: await deps.records.liveCodes('villages'),
    programCodes: await deps.records.liveCodes('programs'),
    publishedIds: spec.isProjectPart ? new Set<string>() : await deps.records.liveIds(spec.table, ids),
    ownProjectIds: await deps.records.liveProjectIdsOf(department),
    today: chinaDate(deps.now()),
  };
  const { valid, problems } = validateUpload(spec, input.rows, ctx);
  const createdAt = deps.now().toISOString();
  const importId = await deps.imports.create({ contentType: input.type, department, fileName: input.fileName ?? null, createdBy: staff.username, createdAt, rows: input.rows.length }, valid, problems);
  return getImport(deps, staff, importId);
}

export async function getImport(deps: Pick<ImportDeps, 'imports'>, staff: StaffSession, importId: number): Promise<ImportReport> {
  const report = await deps.imports.find(importId);
  // A publisher reads only their own department's imports; other readers read all.
  const mayRead = can(staff, 'imports:read') && (staff.role !== 'publisher' || isInScope(staff, report?.department ?? null));
  if (!report || !mayRead) throw new AppError('not_found', '没有这次导入');
  return report;
}

/** A reviewer approves a staged import: its valid rows become the next content version. */
export async function approveImport(deps: ImportDeps, staff: StaffSession, importId: number): Promise<{ version: number; records: number }> {
  assertCan(staff, 'imports:review');
  const report = await getImport(deps, staff, importId);
  if (report.status !== 'staged') throw new AppError('conflict', '这次导入已经审核过了');
  if (report.validRows === 0) throw new AppError('conflict', '这次导入没有可发布的数据');
  // Claim the import first: of two reviewers approving at once, only one publishes.
  if (!(await deps.imports.review(importId, 'approved', staff.username, deps.now().toISOString(), null))) throw new AppError('conflict', '这次导入已经审核过了');
  const staged = await deps.imports.stagedRows(importId);
  const table = IMPORT_SPECS[report.contentType].table;
  const spec = IMPORT_SPECS[report.contentType];
  const result = await deps.publisher
    .publish(staff.username, `import ${importId}: ${report.contentType} of ${report.department}`, (meta) => {
    const fullMeta = { ...meta, sourceImportId: `import-${importId}` };
    if (spec.isProjectPart) return projectPartChanges(deps, spec.isProjectPart, staged, meta, importId, report.department);
    const changes: RecordChange[] = staged.map((row) => ({
      table,
      id: row.id,
      data: table === 'payments' ? toPaymentRecord(PaymentRow.parse(row.data), fullMeta, deps.hashId) : table === 'projects' ? { fundSources: [], spending: [], attachments: [], ...withMeta(row.data, fullMeta) } : withMeta(row.data, fullMeta),
      department: report.department,
      importId,
      reason: null,
      action: 'import',
    }));
    const identities = table === 'payments' ? staged.map((r) => ({ paymentId: r.id, idNumber: String(r.data.idNumber) })) : [];
    return { changes, identities };
  })
    .catch(async (err: unknown) => {
      await deps.imports.unclaim(importId);
      throw err;
    });
  await deps.imports.setVersion(importId, result.version);
  return result;
}

export async function rejectImport(deps: ImportDeps, staff: StaffSession, importId: number): Promise<void> {
  assertCan(staff, 'imports:review');
  await getImport(deps, staff, importId);
  if (!(await deps.imports.review(importId, 'rejected', staff.username, deps.now().toISOString(), null))) throw new AppError('conflict', '这次导入已经审核过了');
  await deps.imports.dropStagedRows(importId);
}

/** Fund or spending lines replace the whole list of each project they name, in one version. */
async function projectPartChanges(
  deps: ImportDeps,
  part: 'fundSources' | 'spending',
  staged: { data: Record<string, unknown> }[],
  meta: { version: number; updatedAt: string },
  importId: number,
  department: string,
) {
  const byProject = new Map<string, Record<string, unknown>[]>();
  for (const { data } of staged) {
    const { projectId, ...line } = data;
    const list = byProject.get(String(projectId)) ?? [];
    list.push(line);
    byProject.set(String(projectId), list);
  }
  const changes: RecordChange[] = [];
  for (const [projectId, lines] of byProject) {
    const current = await deps.records.find('projects', projectId);
    if (!current || current.deleted) throw new AppError('conflict', `项目 ${projectId} 已被撤回，无法更新`);
    const data = { ...current.data, [part]: lines, ...meta };
    changes.push({ table: 'projects', id: projectId, data, department, importId, reason: null, action: 'import' });
  }
  return { changes };
}
