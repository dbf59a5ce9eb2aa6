import { AppError, ImportContentType, PaymentRow, type ImportMode, type ImportReport, type SyncTable } from '@sunshine/contracts';
import type { ImportsTx, RecordChange, StagedRow } from './imports.ports';
import { toPaymentRecord, withMeta, type Meta } from './county-records';
import { IMPORT_SPECS, type ImportSpec } from './import-specs';
import type { PublishBatch } from './publisher.service';

// Staged rows published per page on approval, inside the one publish transaction.
const PUBLISH_PAGE = 5000;
// Ids named in a refusal: enough to find the rows, with the count for the rest.
const SHOWN_IDS = 5;

/** An uploaded file's staged rows as records, a page at a time, once its ids are checked again. */
export async function* uploadChanges(
  hashId: (idNumber: string) => string,
  tx: ImportsTx,
  report: ImportReport,
  meta: { version: number; updatedAt: string },
): AsyncGenerator<PublishBatch> {
  const spec = IMPORT_SPECS[ImportContentType.parse(report.contentType)];
  if (!spec.isProjectPart) await refuseStaleIds(tx, spec.table, report);
  const pages = tx.imports.stagedPages(report.importId, PUBLISH_PAGE);
  if (spec.isProjectPart) yield await projectPartChanges(tx, spec.isProjectPart, report.department, pages, meta);
  else yield* recordChanges(hashId, tx, spec, pages, { ...meta, sourceImportId: `import-${report.importId}` }, report.mode);
}

/**
 * Refuses, inside the approval's transaction, an import whose ids stopped fitting since its
 * upload was checked: a new record's id published meanwhile (approving would overwrite that
 * record, perhaps another department's), or a corrected record withdrawn or now another
 * department's. One query per import, however large; the refusal undoes the claim too, so the
 * import stays staged, to be fixed and uploaded again, or rejected.
 */
async function refuseStaleIds(tx: ImportsTx, table: SyncTable, report: ImportReport): Promise<void> {
  const stale =
    report.mode === 'correction'
      ? await tx.imports.stagedIdsNotOwned(report.importId, table, report.department, SHOWN_IDS)
      : await tx.imports.stagedIdsLive(report.importId, table, SHOWN_IDS);
  if (stale.total === 0) return;
  const ids = `${stale.ids.join('、')}${stale.total > stale.ids.length ? ' 等' : ''}`;
  const what = report.mode === 'correction' ? '在上传后已被撤回或已不属于本部门，无法更正' : '在上传后已被发布，不能再作为新记录发布';
  throw new AppError('stale_record', `有 ${stale.total} 条记录（编号 ${ids}）${what}。请改正后重新上传，或驳回这次导入`);
}

/**
 * Each staged row as the record it publishes, a page at a time. A correction keeps the
 * fields an upload does not carry (a project's fund sources, spending and attachments).
 */
async function* recordChanges(
  hashId: (idNumber: string) => string,
  tx: ImportsTx,
  spec: ImportSpec,
  pages: AsyncIterable<StagedRow[]>,
  meta: Meta,
  mode: ImportMode,
): AsyncGenerator<PublishBatch> {
  const { table } = spec;
  const toRecord = (row: StagedRow) => (table === 'payments' ? toPaymentRecord(PaymentRow.parse(row.data), meta, hashId) : withMeta(row.data, meta));
  for await (const page of pages) {
    const current = mode === 'correction' ? await tx.records.liveData(table, page.map((r) => r.id)) : undefined;
    const changes: RecordChange[] = page.map((row) => {
      const previous = current?.get(row.id);
      // Refused for the whole import before (`refuseStaleIds`); kept so a correction never brings a record back.
      if (current && !previous) throw new AppError('stale_record', `记录 ${row.id} 已被撤回，无法更正`);
      return { table, id: row.id, data: { ...spec.defaults, ...previous, ...toRecord(row) } };
    });
    const identities = table === 'payments' ? page.map((r) => ({ paymentId: r.id, idNumber: String(r.data.idNumber) })) : [];
    yield { changes, identities };
  }
}

/** Fund or spending lines replace the whole list of each project they name, in one version. */
async function projectPartChanges(
  tx: ImportsTx,
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
  const projects = await tx.records.findMany('projects', [...byProject.keys()]);
  const changes: RecordChange[] = [];
  for (const [projectId, lines] of byProject) {
    const current = projects.get(projectId);
    if (!current || current.deleted) throw new AppError('stale_record', `项目 ${projectId} 已被撤回，无法更新`);
    // Checked on upload (`isOwnProject`); the project may have changed hands since.
    if ((current.department ?? current.data.department) !== department) throw new AppError('stale_record', `项目 ${projectId} 已不属于本部门，无法更新`);
    changes.push({ table: 'projects', id: projectId, data: { ...current.data, [part]: lines, ...meta } });
  }
  return { changes };
}
