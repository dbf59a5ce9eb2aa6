import { AppError, type ApproveImportRequest, type ImportReport, type PublishResult, type RejectImportRequest, type StaffSession } from '@sunshine/contracts';
import type { AuditedImportAction, ImportStore } from './imports.ports';
import { stagedRecordChange } from './corrections.service';
import type { Publisher } from './publisher.service';
import { uploadChanges } from './upload-changes';
import { assertCan, assertSecondPerson, can, isInScope } from '../staff/permissions';

export interface ReviewDeps {
  imports: ImportStore;
  publisher: Publisher;
  audited: AuditedImportAction;
  hashId: (idNumber: string) => string;
  now: () => Date;
}

// What each mode's publish is, in the records' history.
const HISTORY_ACTIONS = { new: 'import', correction: 'correct', withdrawal: 'withdraw' } as const;
// Problems each import shows in a list; all of them in its own report.
const LISTED_PROBLEMS = 20;

/** A publisher reads only their own department's imports; other readers read all. */
function mayRead(staff: StaffSession, department: string | null): boolean {
  return can(staff, 'imports:read') && (staff.role !== 'publisher' || isInScope(staff, department));
}

export async function getImport(deps: Pick<ReviewDeps, 'imports'>, staff: StaffSession, importId: number): Promise<ImportReport> {
  const report = await deps.imports.find(importId);
  if (!report || !mayRead(staff, report.department)) throw new AppError('unknown_import', '没有这次导入');
  return report;
}

/** A page of imports, newest first, with the first problems of each: a publisher's own department's only. */
export async function listImports(deps: Pick<ReviewDeps, 'imports'>, staff: StaffSession, page: { limit: number; offset: number }): Promise<ImportReport[]> {
  assertCan(staff, 'imports:read');
  const department = staff.role === 'publisher' ? (staff.department ?? undefined) : undefined;
  return deps.imports.list(page, { department, problemsEach: LISTED_PROBLEMS });
}

/** Only a staged import is reviewed: one still arriving, or reviewed before, is refused by name. */
function assertStaged(report: ImportReport): void {
  if (report.status === 'receiving') throw new AppError('import_still_receiving', '这次导入的文件还没有收完，收完后才能审核');
  if (report.status !== 'staged') throw alreadyReviewed();
}

const alreadyReviewed = () => new AppError('import_already_reviewed', '这次导入已经审核过了');

/**
 * A reviewer approves a staged import (an upload, or a single-record correction or
 * withdrawal): it becomes the next content version. Two people publish: the one who staged it
 * may not approve it, except an admin with a reason, audited as a lone approval. The claim
 * (staged → approved), the publish, the dropping of its staged rows and the audit entry are one
 * transaction: of two reviewers approving at once, one publishes, the other gets 409.
 */
export async function approveImport(deps: ReviewDeps, staff: StaffSession, importId: number, request: ApproveImportRequest = {}): Promise<PublishResult> {
  assertCan(staff, 'imports:review');
  const report = await getImport(deps, staff, importId);
  assertStaged(report);
  const { isAlone } = assertSecondPerson(staff, report.createdBy, request.reason);
  if (report.validRows === 0) throw new AppError('nothing_to_publish', '这次导入没有可发布的数据');
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
      if (!claimed) throw alreadyReviewed();
      if (report.record) yield await stagedRecordChange(tx, report, report.record, meta);
      else yield* uploadChanges(deps.hashId, tx, report, meta);
      // Staged rows hold plaintext ID numbers; once published those live only in `payment_identities`.
      await tx.imports.dropStagedRows(importId);
    },
  );
}

function describeImport(report: ImportReport): string {
  if (report.record) return `${report.mode} of ${report.record.table}/${report.record.id} for ${report.department}`;
  return `${report.mode === 'correction' ? 'correction of ' : ''}${report.contentType} of ${report.department}`;
}

/** A reviewer rejects a staged import with a reason the department reads; nothing is published. */
export async function rejectImport(deps: Omit<ReviewDeps, 'publisher' | 'hashId'>, staff: StaffSession, importId: number, request: RejectImportRequest): Promise<void> {
  assertCan(staff, 'imports:review');
  assertStaged(await getImport(deps, staff, importId));
  await deps.audited(
    async (tx) => {
      const review = { status: 'rejected', by: staff.username, at: deps.now().toISOString(), version: null, reason: request.reason } as const;
      if (!(await tx.imports.review(importId, review))) throw alreadyReviewed();
      await tx.imports.dropStagedRows(importId);
    },
    () => ({ actor: staff.username, action: 'import.reject', target: String(importId), details: { reason: request.reason } }),
  );
}
