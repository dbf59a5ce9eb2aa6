import { ImportContentType, ImportStatus, type ImportProblem, type ImportReport } from '@sunshine/contracts';
import type { ValidRow } from '../domain/import-validation';
import type { Db } from './database';

export interface NewImport {
  contentType: ImportContentType;
  department: string;
  fileName: string | null;
  createdBy: string;
  createdAt: string;
  rows: number;
}

/** Owns uploads: their staged rows and their problems. */
export function createImportRepository(db: Db) {
  return {
    /** Stores the upload, its valid rows (staged) and its problems in one transaction. */
    async create(meta: NewImport, valid: ValidRow[], problems: ImportProblem[]): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('imports')
          .values({ source: 'upload', created_at: meta.createdAt, created_by: meta.createdBy, rows: meta.rows, content_type: meta.contentType, department: meta.department, file_name: meta.fileName, status: 'staged', valid_rows: valid.length, reviewed_by: null, reviewed_at: null, version: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        const importId = inserted.id;
        for (let i = 0; i < valid.length; i += 2000) {
          const batch = valid.slice(i, i + 2000).map((v) => ({ import_id: importId, row_number: v.row, record_id: v.id, data: JSON.stringify(v.data) }));
          await trx.insertInto('import_rows').values(batch).execute();
        }
        for (let i = 0; i < problems.length; i += 2000) {
          const batch = problems.slice(i, i + 2000).map((p) => ({ import_id: importId, row_number: p.row, column_name: p.column, value: p.value, reason: p.reason }));
          await trx.insertInto('import_problems').values(batch).execute();
        }
        return importId;
      });
    },

    async find(importId: number): Promise<ImportReport | null> {
      const row = await db.selectFrom('imports').selectAll().where('id', '=', importId).where('source', '=', 'upload').executeTakeFirst();
      if (!row) return null;
      const problems = await db.selectFrom('import_problems').selectAll().where('import_id', '=', importId).orderBy('row_number').execute();
      return {
        importId: row.id,
        contentType: ImportContentType.parse(row.content_type),
        department: row.department ?? '',
        fileName: row.file_name,
        status: ImportStatus.parse(row.status),
        createdBy: row.created_by,
        createdAt: row.created_at,
        rows: row.rows,
        validRows: row.valid_rows ?? 0,
        problems: problems.map((p) => ({ row: p.row_number, column: p.column_name, value: p.value, reason: p.reason })),
        version: row.version,
        reviewedBy: row.reviewed_by,
      };
    },

    async list(page: { limit: number; offset: number }, department?: string): Promise<number[]> {
      let query = db.selectFrom('imports').select('id').where('source', '=', 'upload');
      if (department) query = query.where('department', '=', department);
      return (await query.orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute()).map((r) => r.id);
    },

    async stagedRows(importId: number): Promise<{ id: string; data: Record<string, unknown> & { id: string } }[]> {
      const rows = await db.selectFrom('import_rows').select(['record_id', 'data']).where('import_id', '=', importId).orderBy('row_number').execute();
      return rows.map((r) => ({ id: r.record_id, data: { ...JSON.parse(r.data), id: r.record_id } }));
    },

    /** Moves a staged import to approved/rejected once; false when it was not staged any more. */
    async review(importId: number, status: 'approved' | 'rejected', by: string, at: string, version: number | null): Promise<boolean> {
      const result = await db
        .updateTable('imports')
        .set({ status, reviewed_by: by, reviewed_at: at, version })
        .where('id', '=', importId)
        .where('status', '=', 'staged')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Records the version an approval published and drops the staged rows: they hold plaintext
     * ID numbers, which after publishing live only in `payment_identities`.
     */
    async setVersion(importId: number, version: number): Promise<void> {
      await db.updateTable('imports').set({ version }).where('id', '=', importId).execute();
      await db.deleteFrom('import_rows').where('import_id', '=', importId).execute();
    },

    async dropStagedRows(importId: number): Promise<void> {
      await db.deleteFrom('import_rows').where('import_id', '=', importId).execute();
    },

    /** Puts an approved import back to staged when its publish failed. */
    async unclaim(importId: number): Promise<void> {
      await db.updateTable('imports').set({ status: 'staged', reviewed_by: null, reviewed_at: null }).where('id', '=', importId).where('version', 'is', null).execute();
    },
  };
}
export type ImportRepository = ReturnType<typeof createImportRepository>;
