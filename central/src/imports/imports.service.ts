import {
  AppError,
  ImportContentType,
  PaymentRow,
  type ApproveImportRequest,
  type ImportMode,
  type ImportReport,
  type ImportUploadQuery,
  type RejectImportRequest,
  type StaffSession,
  type SyncTable,
} from '@sunshine/contracts';
import type { ImportRepository, StagedRow } from './imports.repository';
import type { RecordChange, RecordRepository } from './records.repository';
import type { Audited, Tx } from '../platform/unit-of-work';
import type { UploadRow } from './read-upload';
import { batches } from '../platform/batches';
import { stagedRecordChange } from './corrections.service';
import { toPaymentRecord, withMeta, type Meta } from './county-records';
import type { ImportContext } from './import-checks';
import { unstageUnbalancedPeriods } from './import-balance';
import { IMPORT_SPECS, type ImportSpec } from './import-specs';
import { duplicateProblems, validateBatch } from './import-validation';
import { assertCan, assertSecondPerson, can, isInScope } from '../staff/permissions';
import type { PublishBatch, Publisher, PublishResult } from './publisher.service';
import { chinaDate } from '../calendar/working-days';

export interface ImportDeps {
  imports: ImportRepository;
  records: RecordRepository;
  publisher: Publisher;
  audited: Audited;
  hashId: (idNumber: string) => string;
  now: () => Date;
}

// Rows validated and staged per transaction while the file arrives; published per page on approval.
const STAGE_BATCH = 5000;
const PUBLISH_PAGE = 5000;
// Ids named in a refusal: enough to find the rows, with the count for the rest.
const SHOWN_IDS = 5;
// What each mode's publish is, in the records' history.
const HISTORY_ACTIONS = { new: 'import', correction: 'correct', withdrawal: 'withdraw' } as const;

/**
 * Validates an upload for one department and stages its valid rows as they arrive, a batch
 * per transaction, so a county-sized file never sits in memory; nothing is published yet.
 * An upload that fails on the way (too large, unreadable) leaves nothing behind.
 */
export async function stageUpload(deps: ImportDeps, staff: StaffSession, input: ImportUploadQuery & { rows: AsyncIterable<UploadRow> }): Promise<ImportReport> {
  assertCan(staff, 'imports:upload');
  const department = staff.role === 'publisher' ? staff.department : input.department;
  if (!department) throw new AppError('bad_request', 'department: 请指定数据所属部门');
  if (staff.role === 'publisher' && input.department && input.department !== staff.department) throw new AppError('forbidden', '只能导入本部门的数据');
  const spec = IMPORT_SPECS[input.type];
  if (input.mode === 'correction' && spec.isProjectPart) throw new AppError('bad_request', 'mode: 资金来源和支出明细的导入本身就替换原有明细，请用普通导入');
  if (input.mode === 'correction' && !input.reason) throw new AppError('bad_request', 'reason: 更正导入须说明更正原因');
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
    if (counts.rows === 0) throw new AppError('bad_request', '文件里没有数据行（第1行应为列名）');
    counts.validRows -= await unstageDuplicates(deps, spec, importId);
    counts.validRows -= await unstageUnbalancedPeriods(deps, input.type, importId);
    await deps.imports.finish(importId, counts);
  } catch (err) {
    await deps.imports.discard(importId);
    throw err;
  }
  return getImport(deps, staff, importId);
}

/** Rows repeating an earlier row's id, then (of those left) its natural key, become problems; answers how many. */
async function unstageDuplicates(deps: ImportDeps, spec: ImportSpec, importId: number): Promise<number> {
  let removed = 0;
  for (const by of ['id', 'naturalKey'] as const) {
    if (by === 'id' ? spec.isProjectPart : !spec.naturalKey) continue;
    const problems = duplicateProblems(spec, by, await deps.imports.laterDuplicates(importId, by));
    await deps.imports.unstage(importId, problems);
    removed += problems.length;
  }
  return removed;
}

async function importContext(deps: ImportDeps, department: string): Promise<ImportContext> {
  return {
    department,
    villageCodes: await deps.records.liveCodes('villages'),
    programCodes: await deps.records.liveCodes('programs'),
    ownProjectIds: await deps.records.liveProjectIdsOf(department),
    today: chinaDate(deps.now()),
  };
}

export async function getImport(deps: Pick<ImportDeps, 'imports'>, staff: StaffSession, importId: number): Promise<ImportReport> {
  const report = await deps.imports.find(importId);
  // A publisher reads only their own department's imports; other readers read all.
  const mayRead = can(staff, 'imports:read') && (staff.role !== 'publisher' || isInScope(staff, report?.department ?? null));
  if (!report || !mayRead) throw new AppError('not_found', '没有这次导入');
  return report;
}

/**
 * A reviewer approves a staged import (an upload, or a single-record correction or
 * withdrawal): it becomes the next content version. Two people publish: the one who staged it
 * may not approve it, except an admin with a reason, audited as a lone approval. The claim
 * (staged → approved), the publish, the dropping of its staged rows and the audit entry are one
 * transaction: of two reviewers approving at once, one publishes, the other gets 409.
 */
export async function approveImport(deps: ImportDeps, staff: StaffSession, importId: number, request: ApproveImportRequest = {}): Promise<PublishResult> {
  assertCan(staff, 'imports:review');
  const report = await getImport(deps, staff, importId);
  if (report.status !== 'staged') throw new AppError('conflict', '这次导入已经审核过了');
  const { isAlone } = assertSecondPerson(staff, report.createdBy, request.reason);
  if (report.validRows === 0) throw new AppError('conflict', '这次导入没有可发布的数据');
  const reason = request.reason ?? null;
  return deps.publisher.publish(
    {
      by: staff.username,
      summary: `import ${importId}: ${describeImport(report)}`,
      provenance: { action: HISTORY_ACTIONS[report.mode], department: report.department, importId, reason: report.reason },
      audit: (result) => (isAlone ? { action: 'import.approve-alone', target: String(importId), details: { ...result, reason } } : { action: 'import.approve', target: String(importId), details: result }),
    },
    async function* (meta, tx) {
      const claimed = await tx.imports.review(importId, { status: 'approved', by: staff.username, at: meta.updatedAt, version: meta.version, reason });
      if (!claimed) throw new AppError('conflict', '这次导入已经审核过了');
      if (report.record) yield await stagedRecordChange(tx, report, report.record, meta);
      else yield* uploadChanges(deps, tx, report, meta);
      // Staged rows hold plaintext ID numbers; once published those live only in `payment_identities`.
      await tx.imports.dropStagedRows(importId);
    },
  );
}

function describeImport(report: ImportReport): string {
  if (report.record) return `${report.mode} of ${report.record.table}/${report.record.id} for ${report.department}`;
  return `${report.mode === 'correction' ? 'correction of ' : ''}${report.contentType} of ${report.department}`;
}

/** An uploaded file's staged rows as records, a page at a time, once its ids are checked again. */
async function* uploadChanges(deps: ImportDeps, tx: Tx, report: ImportReport, meta: { version: number; updatedAt: string }): AsyncGenerator<PublishBatch> {
  const spec = IMPORT_SPECS[ImportContentType.parse(report.contentType)];
  if (!spec.isProjectPart) await refuseStaleIds(tx, spec.table, report);
  const pages = tx.imports.stagedPages(report.importId, PUBLISH_PAGE);
  if (spec.isProjectPart) yield await projectPartChanges(tx, spec.isProjectPart, report.department, pages, meta);
  else yield* recordChanges(deps, tx, spec, pages, { ...meta, sourceImportId: `import-${report.importId}` }, report.mode);
}

/**
 * Refuses, inside the approval's transaction, an import whose ids stopped fitting since its
 * upload was checked: a new record's id published meanwhile (approving would overwrite that
 * record, perhaps another department's), or a corrected record withdrawn or now another
 * department's. One query however large the import. The refusal undoes the claim too, so the
 * import stays staged, to be fixed and uploaded again, or rejected.
 */
async function refuseStaleIds(tx: Tx, table: SyncTable, report: ImportReport): Promise<void> {
  const stale =
    report.mode === 'correction'
      ? await tx.imports.stagedIdsNotOwned(report.importId, table, report.department, SHOWN_IDS)
      : await tx.imports.stagedIdsLive(report.importId, table, SHOWN_IDS);
  if (stale.total === 0) return;
  const ids = `${stale.ids.join('、')}${stale.total > stale.ids.length ? ' 等' : ''}`;
  const what = report.mode === 'correction' ? '在上传后已被撤回或已不属于本部门，无法更正' : '在上传后已被发布，不能再作为新记录发布';
  throw new AppError('stale_record', `有 ${stale.total} 条记录（编号 ${ids}）${what}。请改正后重新上传，或驳回这次导入`);
}

/** A reviewer rejects a staged import with a reason the department reads; nothing is published. */
export async function rejectImport(deps: ImportDeps, staff: StaffSession, importId: number, request: RejectImportRequest): Promise<void> {
  assertCan(staff, 'imports:review');
  await getImport(deps, staff, importId);
  await deps.audited(
    async (tx) => {
      const review = { status: 'rejected', by: staff.username, at: deps.now().toISOString(), version: null, reason: request.reason } as const;
      if (!(await tx.imports.review(importId, review))) throw new AppError('conflict', '这次导入已经审核过了');
      await tx.imports.dropStagedRows(importId);
    },
    () => ({ actor: staff.username, action: 'import.reject', target: String(importId), details: { reason: request.reason } }),
  );
}

/**
 * Each staged row as the record it publishes, a page at a time. A correction keeps the
 * fields an upload does not carry (a project's fund sources, spending and attachments).
 */
async function* recordChanges(
  deps: Pick<ImportDeps, 'hashId'>,
  tx: Tx,
  spec: ImportSpec,
  pages: AsyncIterable<StagedRow[]>,
  meta: Meta,
  mode: ImportMode,
): AsyncGenerator<PublishBatch> {
  const { table } = spec;
  const toRecord = (row: StagedRow) => (table === 'payments' ? toPaymentRecord(PaymentRow.parse(row.data), meta, deps.hashId) : withMeta(row.data, meta));
  for await (const page of pages) {
    const current = mode === 'correction' ? await tx.records.liveData(table, page.map((r) => r.id)) : undefined;
    const changes: RecordChange[] = page.map((row) => {
      const previous = current?.get(row.id);
      // Refused for the whole import before (`refuseStaleIds`); kept so a correction never brings a record back.
      if (current && !previous) throw new AppError('conflict', `记录 ${row.id} 已被撤回，无法更正`);
      return { table, id: row.id, data: { ...spec.defaults, ...previous, ...toRecord(row) } };
    });
    const identities = table === 'payments' ? page.map((r) => ({ paymentId: r.id, idNumber: String(r.data.idNumber) })) : [];
    yield { changes, identities };
  }
}

/** Fund or spending lines replace the whole list of each project they name, in one version. */
async function projectPartChanges(
  tx: Tx,
  part: 'fundSources' | 'spending',
  department: string,
  pages: AsyncIterable<StagedRow[]>,
  meta: { version: number; updatedAt: string },
): Promise<PublishBatch> {
  // Lines of one project may lie on several pages; a department's project lines are few.
  const byProject = new Map<string, Record<string, unknown>[]>();
  for await (const page of pages) {
    for (const { data } of page) {
      const { projectId, id: _rowId, ...line } = data;
      const list = byProject.get(String(projectId)) ?? [];
      list.push(line);
      byProject.set(String(projectId), list);
    }
  }
  const changes: RecordChange[] = [];
  for (const [projectId, lines] of byProject) {
    const current = await tx.records.find('projects', projectId);
    if (!current || current.deleted) throw new AppError('conflict', `项目 ${projectId} 已被撤回，无法更新`);
    // Checked on upload (`isOwnProject`); the project may have changed hands since.
    if ((current.department ?? current.data.department) !== department) throw new AppError('conflict', `项目 ${projectId} 已不属于本部门，无法更新`);
    const data = { ...current.data, [part]: lines, ...meta };
    changes.push({ table: 'projects', id: projectId, data });
  }
  return { changes };
}
