import { type SyncTable, type RecordHistoryEntry } from '@sunshine/contracts';
import { z } from 'zod';
import type { Db } from './database';

// SQLite allows 32766 bound parameters; history rows have 9, so 2000 rows stay well under.
const BATCH = 2000;

/** One change of a publish: an upsert (with the record's new state) or a withdrawal. */
export interface RecordChange {
  table: SyncTable;
  id: string;
  data: Record<string, unknown> | null;
  department: string;
  importId: number | null;
  reason: string | null;
  action: 'import' | 'correct' | 'withdraw';
}

export interface PublishMeta {
  version: number;
  publishedAt: string;
  publishedBy: string;
  summary: string;
}

/** Owns published records as departments change them: owners, history, tombstones. */
export function createRecordRepository(db: Db) {
  return {
    async find(table: SyncTable, id: string): Promise<{ data: Record<string, unknown>; deleted: boolean; department: string | null } | null> {
      const row = await db
        .selectFrom('content_records')
        .leftJoin('record_owners', (j) => j.onRef('record_owners.table_name', '=', 'content_records.table_name').onRef('record_owners.id', '=', 'content_records.id'))
        .select(['content_records.data', 'content_records.deleted', 'record_owners.department'])
        .where('content_records.table_name', '=', table)
        .where('content_records.id', '=', id)
        .executeTakeFirst();
      return row ? { data: JSON.parse(row.data), deleted: row.deleted === 1, department: row.department } : null;
    },

    /** Live ids of `table` among `ids`. */
    async liveIds(table: SyncTable, ids: readonly string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db.selectFrom('content_records').select('id').where('table_name', '=', table).where('deleted', '=', 0).where('id', 'in', ids.slice(i, i + 500)).execute();
        for (const r of rows) found.add(r.id);
      }
      return found;
    },

    /** Live project ids whose `department` is `department`. */
    async liveProjectIdsOf(department: string): Promise<Set<string>> {
      const rows = await db.selectFrom('content_records').select(['id', 'data']).where('table_name', '=', 'projects').where('deleted', '=', 0).execute();
      const Owner = z.object({ department: z.string().optional() });
      return new Set(rows.filter((r) => Owner.parse(JSON.parse(r.data)).department === department).map((r) => r.id));
    },

    async liveCodes(table: 'villages' | 'programs'): Promise<Set<string>> {
      const rows = await db.selectFrom('content_records').select('id').where('table_name', '=', table).where('deleted', '=', 0).execute();
      return new Set(rows.map((r) => r.id));
    },

    /**
     * Publishes `changes` as content version `meta.version` in one transaction: the version,
     * each record's new state (a withdrawal is a tombstone that syncs as a delete), its owner
     * and its history row. Kiosks see all of it or none of it.
     */
    async publish(meta: PublishMeta, changes: readonly RecordChange[], identities: readonly { paymentId: string; idNumber: string }[] = []): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('content_versions').values({ version: meta.version, published_at: meta.publishedAt, published_by: meta.publishedBy, summary: meta.summary }).execute();
        // Batches keep a county-scale approval (a million rows) to a few thousand statements.
        for (let i = 0; i < changes.length; i += BATCH) {
          const batch = changes.slice(i, i + BATCH);
          await trx
            .insertInto('content_records')
            .values(batch.map((c) => ({ table_name: c.table, id: c.id, version: meta.version, deleted: c.data ? 0 : 1, data: JSON.stringify(c.data ?? { id: c.id }) })))
            .onConflict((oc) =>
              oc.columns(['table_name', 'id']).doUpdateSet((eb) => ({
                version: eb.ref('excluded.version'),
                deleted: eb.ref('excluded.deleted'),
                // A tombstone keeps the last live state, so history and corrections can still read it.
                data: eb.case().when(eb.ref('excluded.deleted'), '=', 1).then(eb.ref('content_records.data')).else(eb.ref('excluded.data')).end(),
              })),
            )
            .execute();
          await trx
            .insertInto('record_owners')
            .values(batch.map((c) => ({ table_name: c.table, id: c.id, department: c.department, import_id: c.importId, updated_by: meta.publishedBy })))
            .onConflict((oc) => oc.columns(['table_name', 'id']).doUpdateSet((eb) => ({ import_id: eb.ref('excluded.import_id'), updated_by: eb.ref('excluded.updated_by') })))
            .execute();
          await trx
            .insertInto('record_history')
            .values(
              batch.map((c) => ({
                table_name: c.table,
                record_id: c.id,
                version: meta.version,
                action: c.action,
                changed_at: meta.publishedAt,
                changed_by: meta.publishedBy,
                import_id: c.importId,
                reason: c.reason,
                data: c.data ? JSON.stringify(c.data) : null,
              })),
            )
            .execute();
        }
        for (let i = 0; i < identities.length; i += BATCH) {
          await trx
            .insertInto('payment_identities')
            .values(identities.slice(i, i + BATCH).map((x) => ({ payment_id: x.paymentId, id_number: x.idNumber })))
            .onConflict((oc) => oc.column('payment_id').doUpdateSet((eb) => ({ id_number: eb.ref('excluded.id_number') })))
            .execute();
        }
      });
    },

    async history(table: SyncTable, id: string): Promise<RecordHistoryEntry[]> {
      const rows = await db.selectFrom('record_history').selectAll().where('table_name', '=', table).where('record_id', '=', id).orderBy('id', 'desc').execute();
      return rows.map((r) => ({
        version: r.version,
        action: r.action === 'withdraw' ? 'withdraw' : r.action === 'correct' ? 'correct' : 'import',
        changedAt: r.changed_at,
        changedBy: r.changed_by,
        importId: r.import_id,
        reason: r.reason,
        data: r.data ? JSON.parse(r.data) : null,
      }));
    },
  };
}
export type RecordRepository = ReturnType<typeof createRecordRepository>;
