import { ImportContentType, ImportMode, ImportStatus, StagedRecord, SyncTable, type ImportProblem, type ImportReport } from '@sunshine/contracts';
import { sql, type Selectable } from 'kysely';
import type { ImportReview, ImportStore, NewImport, NewRecordChange, StagedIdSample, StagedRow } from './imports.ports';
import type { ValidRow } from './import-validation';
import type { Db } from '../platform/database';
import type { ImportProblemTable, ImportTable } from '../platform/schema';
import { inTransaction } from '../platform/transaction';

// SQLite allows 32766 bound parameters; staged rows have 6, problems 5.
const BATCH = 2000;

/** An import's row and its problems as the report staff read. */
function toReport(row: Selectable<ImportTable>, problems: readonly Selectable<ImportProblemTable>[]): ImportReport {
  const isRecordChange = row.source === 'record' && row.record_id !== null;
  return {
    importId: row.id,
    contentType: isRecordChange ? SyncTable.parse(row.content_type) : ImportContentType.parse(row.content_type),
    mode: ImportMode.parse(row.mode),
    department: row.department ?? '',
    reason: row.reason,
    record: isRecordChange ? StagedRecord.parse({ table: row.content_type, id: row.record_id, changes: row.changes && JSON.parse(row.changes) }) : null,
    fileName: row.file_name,
    status: ImportStatus.parse(row.status),
    createdBy: row.created_by,
    createdAt: row.created_at,
    rows: row.rows,
    validRows: row.valid_rows ?? 0,
    problems: problems.map((p) => ({ row: p.row_number, column: p.column_name, value: p.value, reason: p.reason })),
    version: row.version,
    reviewedBy: row.reviewed_by,
    reviewReason: row.review_reason,
  };
}

async function insertProblems(trx: Db, importId: number, problems: readonly ImportProblem[]): Promise<void> {
  for (let i = 0; i < problems.length; i += BATCH) {
    const batch = problems.slice(i, i + BATCH).map((p) => ({ import_id: importId, row_number: p.row, column_name: p.column, value: p.value, reason: p.reason }));
    await trx.insertInto('import_problems').values(batch).execute();
  }
}

/** The imports' store, and the sweep at start of uploads a stop of central cut off. */
interface ImportRepository extends ImportStore {
  /** Forgets uploads still `receiving` since before `before`: central stopped while they arrived. */
  discardAbandoned(before: string): Promise<void>;
}

/** Owns uploads: their staged rows and their problems. */
export function createImportRepository(db: Db): ImportRepository {
  const discard = (importId: number) =>
    inTransaction(db, async (trx) => {
      await trx.deleteFrom('import_rows').where('import_id', '=', importId).execute();
      await trx.deleteFrom('import_problems').where('import_id', '=', importId).execute();
      await trx.deleteFrom('imports').where('id', '=', importId).where('status', '=', 'receiving').execute();
    });
  return {
    /** Opens an upload as `receiving`: its rows are staged batch by batch as the file arrives. */
    async begin(meta: NewImport): Promise<number> {
      const inserted = await db
        .insertInto('imports')
        .values({ source: 'upload', created_at: meta.createdAt, created_by: meta.createdBy, rows: 0, content_type: meta.contentType, mode: meta.mode, reason: meta.reason, department: meta.department, file_name: meta.fileName, status: 'receiving', valid_rows: 0, reviewed_by: null, reviewed_at: null, version: null, record_id: null, changes: null, review_reason: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },

    /**
     * Stages a single-record correction or withdrawal as a one-row import, ready for review:
     * the import and its row in one transaction (the caller's, with its audit entry).
     */
    async stageRecordChange(change: NewRecordChange): Promise<number> {
      return inTransaction(db, async (trx) => {
        const { record } = change;
        const inserted = await trx
          .insertInto('imports')
          .values({ source: 'record', created_at: change.createdAt, created_by: change.createdBy, rows: 1, content_type: record.table, mode: change.mode, reason: change.reason, department: change.department, file_name: null, status: 'staged', valid_rows: 1, reviewed_by: null, reviewed_at: null, version: null, record_id: record.id, changes: record.changes && JSON.stringify(record.changes), review_reason: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('import_rows').values({ import_id: inserted.id, row_number: 1, record_id: record.id, natural_key: null, data: JSON.stringify(change.data), base_version: change.baseVersion }).execute();
        return inserted.id;
      });
    },

    /** Stages one batch of the upload's valid rows and its problems, in one transaction. */
    async stage(importId: number, valid: readonly ValidRow[], problems: readonly ImportProblem[]): Promise<void> {
      await inTransaction(db, async (trx) => {
        for (let i = 0; i < valid.length; i += BATCH) {
          const batch = valid.slice(i, i + BATCH).map((v) => ({ import_id: importId, row_number: v.row, record_id: v.id, natural_key: v.key, data: JSON.stringify(v.data), base_version: null }));
          await trx.insertInto('import_rows').values(batch).execute();
        }
        await insertProblems(trx, importId, problems);
      });
    },

    /**
     * Staged rows that repeat the id (or natural key) of an earlier staged row of the import,
     * each with the first such row. Found once the whole file is in, by a GROUP BY over the
     * import, so staging keeps no index up and no list of ids in memory.
     */
    async laterDuplicates(importId: number, by: 'id' | 'naturalKey'): Promise<{ row: number; firstRow: number; id: string }[]> {
      const column = by === 'id' ? 'record_id' : 'natural_key';
      const repeated = db.selectFrom('import_rows').select(column).where('import_id', '=', importId).where(column, 'is not', null).groupBy(column).having((eb) => eb.fn.countAll(), '>', 1);
      const rows = await db.selectFrom('import_rows').select(['record_id', 'natural_key', 'row_number']).where('import_id', '=', importId).where(column, 'in', repeated).orderBy(column).orderBy('row_number').execute();
      const firstRows = new Map<string | null, number>();
      const later: { row: number; firstRow: number; id: string }[] = [];
      for (const r of rows) {
        const firstRow = firstRows.get(r[column]);
        if (firstRow === undefined) firstRows.set(r[column], r.row_number);
        else later.push({ row: r.row_number, firstRow, id: r.record_id });
      }
      return later;
    },

    /** Takes staged rows out of the import as problems, in one transaction. */
    async unstage(importId: number, problems: readonly ImportProblem[]): Promise<void> {
      await inTransaction(db, async (trx) => {
        const rows = problems.map((p) => p.row);
        for (let i = 0; i < rows.length; i += BATCH) await trx.deleteFrom('import_rows').where('import_id', '=', importId).where('row_number', 'in', rows.slice(i, i + BATCH)).execute();
        await insertProblems(trx, importId, problems);
      });
    },

    /** The whole file has arrived: the import becomes `staged`, ready for review. */
    async finish(importId: number, counts: { rows: number; validRows: number }): Promise<void> {
      await db.updateTable('imports').set({ status: 'staged', rows: counts.rows, valid_rows: counts.validRows }).where('id', '=', importId).execute();
    },

    /** Forgets an upload that failed on the way (too large, unreadable, connection lost). */
    discard,

    async discardAbandoned(before: string): Promise<void> {
      const rows = await db.selectFrom('imports').select('id').where('status', '=', 'receiving').where('created_at', '<', before).execute();
      for (const { id } of rows) await discard(id);
    },

    async find(importId: number): Promise<ImportReport | null> {
      const row = await db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst();
      if (!row) return null;
      const problems = await db.selectFrom('import_problems').selectAll().where('import_id', '=', importId).orderBy('row_number').execute();
      return toReport(row, problems);
    },

    /** Two statements for the whole page: its imports, then the first problems of each (a window per import). */
    async list(page: { limit: number; offset: number }, filter: { department?: string; problemsEach: number }): Promise<ImportReport[]> {
      let query = db.selectFrom('imports').selectAll();
      if (filter.department) query = query.where('department', '=', filter.department);
      const rows = await query.orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
      if (rows.length === 0) return [];
      const numbered = db
        .selectFrom('import_problems')
        .selectAll()
        .select(sql<number>`row_number() over (partition by import_id order by row_number)`.as('nth'))
        .where('import_id', 'in', rows.map((r) => r.id))
        .as('numbered');
      const problems = await db.selectFrom(numbered).selectAll().where('nth', '<=', filter.problemsEach).orderBy('import_id').orderBy('nth').execute();
      const byImport = new Map<number, typeof problems>();
      for (const p of problems) byImport.set(p.import_id, [...(byImport.get(p.import_id) ?? []), p]);
      return rows.map((row) => toReport(row, byImport.get(row.id) ?? []));
    },

    /** The staged rows in file order, a page at a time, so a county-sized approval never holds them all. */
    async *stagedPages(importId: number, size: number): AsyncGenerator<StagedRow[]> {
      for (let after = 0; ; ) {
        const rows = await db.selectFrom('import_rows').select(['row_number', 'record_id', 'data']).where('import_id', '=', importId).where('row_number', '>', after).orderBy('row_number').limit(size).execute();
        if (rows.length === 0) return;
        yield rows.map((r) => ({ id: r.record_id, row: r.row_number, data: { ...JSON.parse(r.data), id: r.record_id } }));
        after = rows[rows.length - 1]?.row_number ?? after;
      }
    },

    /**
     * Moves a staged import to approved (with the version it publishes) or rejected, once, with
     * the reviewer's reason if any; false when it was not staged any more.
     */
    async review(importId: number, review: ImportReview): Promise<boolean> {
      const result = await db
        .updateTable('imports')
        .set({ status: review.status, reviewed_by: review.by, reviewed_at: review.at, version: review.version, review_reason: review.reason })
        .where('id', '=', importId)
        .where('status', '=', 'staged')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Staged rows of a new-record import whose ids are live in `table` now: published by
     * someone since the upload was checked. One statement however large the import; answers the
     * first `first` ids in file order and how many there are.
     */
    async stagedIdsLive(importId: number, table: SyncTable, first: number): Promise<StagedIdSample> {
      const rows = await db
        .selectFrom('import_rows')
        .innerJoin('content_records', (j) => j.on('content_records.table_name', '=', table).onRef('content_records.id', '=', 'import_rows.record_id'))
        .select((eb) => ['import_rows.record_id', eb.fn.countAll<number | string>().over().as('total')])
        .where('import_rows.import_id', '=', importId)
        .where('content_records.deleted', '=', 0)
        .orderBy('import_rows.row_number')
        .limit(first)
        .execute();
      return { ids: rows.map((r) => r.record_id), total: Number(rows[0]?.total ?? 0) };
    },

    /**
     * Staged rows of a correction import whose records are no longer live, or are owned by
     * another department than `department`, in one statement (see `stagedIdsLive`). A record
     * without an owner row was loaded with the county and never published since (every publish
     * names owners), so it is as the upload found it: its own `department` was checked then.
     */
    async stagedIdsNotOwned(importId: number, table: SyncTable, department: string, first: number): Promise<StagedIdSample> {
      const rows = await db
        .selectFrom('import_rows')
        .leftJoin('content_records', (j) => j.on('content_records.table_name', '=', table).onRef('content_records.id', '=', 'import_rows.record_id'))
        .leftJoin('record_owners', (j) => j.on('record_owners.table_name', '=', table).onRef('record_owners.id', '=', 'import_rows.record_id'))
        .select((eb) => ['import_rows.record_id', eb.fn.countAll<number | string>().over().as('total')])
        .where('import_rows.import_id', '=', importId)
        .where((eb) => eb.or([eb('content_records.id', 'is', null), eb('content_records.deleted', '=', 1), eb('record_owners.department', '!=', department)]))
        .orderBy('import_rows.row_number')
        .limit(first)
        .execute();
      return { ids: rows.map((r) => r.record_id), total: Number(rows[0]?.total ?? 0) };
    },

    /**
     * Staged rows of a single-record change whose record moved since it was staged: withdrawn,
     * or changed by any publish (every change moves the version), in one statement (see
     * `stagedIdsLive`). Rows without a base version (uploads) are never counted.
     */
    async stagedIdsChanged(importId: number, table: SyncTable, first: number): Promise<StagedIdSample> {
      const rows = await db
        .selectFrom('import_rows')
        .leftJoin('content_records', (j) => j.on('content_records.table_name', '=', table).onRef('content_records.id', '=', 'import_rows.record_id'))
        .select((eb) => ['import_rows.record_id', eb.fn.countAll<number | string>().over().as('total')])
        .where('import_rows.import_id', '=', importId)
        .where('import_rows.base_version', 'is not', null)
        .where((eb) => eb.or([eb('content_records.id', 'is', null), eb('content_records.deleted', '=', 1), eb('content_records.version', '!=', eb.ref('import_rows.base_version'))]))
        .orderBy('import_rows.row_number')
        .limit(first)
        .execute();
      return { ids: rows.map((r) => r.record_id), total: Number(rows[0]?.total ?? 0) };
    },

    /** Drops an import's staged rows once it is reviewed: they hold plaintext ID numbers. */
    async dropStagedRows(importId: number): Promise<void> {
      await db.deleteFrom('import_rows').where('import_id', '=', importId).execute();
    },
  };
}

