import { type SyncTable, type RecordHistoryEntry } from '@sunshine/contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Provenance, PublishedRecord, PublishMeta, RecordChange, RecordStore } from './imports.ports';
import type { Db } from '../platform/database';

// SQLite allows 32766 bound parameters; a record has 5, so 2000 rows stay well under.
const BATCH = 2000;
const LOOKUP_BATCH = 500;

const RecordDepartment = z.object({ department: z.string().optional() });

// Typed casts: PostgreSQL does not infer the type of a parameter in a select list.
const importIdOf = (provenance: Pick<Provenance, 'importId'>) => sql<number | null>`cast(${provenance.importId} as integer)`;

/** The records' store, and the history rows the county loader appends for its first load. */
interface RecordRepository extends RecordStore {
  appendHistory(meta: PublishMeta, provenance: Omit<Provenance, 'department'>): Promise<void>;
}

const toPublished = (row: { data: string; version: number; deleted: number; department: string | null }): PublishedRecord => ({
  data: JSON.parse(row.data),
  version: row.version,
  deleted: row.deleted === 1,
  department: row.department,
});

/** Owns published records as departments change them: owners, history, tombstones. */
export function createRecordRepository(db: Db): RecordRepository {
  /**
   * Appends the history row of every record of version `meta.version`: its state after the
   * change (none for a withdrawal), who, when, and the import behind it. Also the county's first
   * load, which names no owners: every state a record has had is in history, its first included.
   */
  const appendHistory = async (meta: PublishMeta, provenance: Omit<Provenance, 'department'>): Promise<void> => {
    await db
      .insertInto('record_history')
      .columns(['table_name', 'record_id', 'version', 'action', 'changed_at', 'changed_by', 'import_id', 'reason', 'data'])
      .expression(
        db
          .selectFrom('content_records')
          .where('version', '=', meta.version)
          .select((eb) => [
            'table_name',
            'id',
            'version',
            eb.val(provenance.action).as('action'),
            eb.val(meta.publishedAt).as('changed_at'),
            eb.val(meta.publishedBy).as('changed_by'),
            importIdOf(provenance).as('import_id'),
            sql<string | null>`cast(${provenance.reason} as text)`.as('reason'),
            // A withdrawal's history row has no data: the record's last state is the row before it.
            eb.case().when('deleted', '=', 1).then(sql<string | null>`null`).else(eb.ref('data')).end().as('data'),
          ]),
      )
      .execute();
  };
  const records = (table: SyncTable, ids: readonly string[]) =>
    db
      .selectFrom('content_records')
      .leftJoin('record_owners', (j) => j.onRef('record_owners.table_name', '=', 'content_records.table_name').onRef('record_owners.id', '=', 'content_records.id'))
      .where('content_records.table_name', '=', table)
      .where('content_records.id', 'in', ids);
  const liveRecords = (table: SyncTable, ids: readonly string[]) => records(table, ids).where('content_records.deleted', '=', 0);
  /** The records of `table` among `ids`, live or tombstones, a batch of ids per statement. */
  const findMany = async (table: SyncTable, ids: readonly string[]): Promise<Map<string, PublishedRecord>> => {
    const found = new Map<string, PublishedRecord>();
    for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
      const rows = await records(table, ids.slice(i, i + LOOKUP_BATCH))
        .select(['content_records.id', 'content_records.data', 'content_records.version', 'content_records.deleted', 'record_owners.department'])
        .execute();
      for (const r of rows) found.set(r.id, toPublished(r));
    }
    return found;
  };
  return {
    async find(table: SyncTable, id: string): Promise<PublishedRecord | null> {
      return (await findMany(table, [id])).get(id) ?? null;
    },

    findMany,

    /**
     * The live records of `table` among `ids`, each with its department: its owner, else the
     * record's own `department` field (the county loader records no owners), else null.
     */
    async liveOwners(table: SyncTable, ids: readonly string[]): Promise<Map<string, string | null>> {
      const owners = new Map<string, string | null>();
      for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
        const rows = await liveRecords(table, ids.slice(i, i + LOOKUP_BATCH)).select(['content_records.id', 'record_owners.department', 'content_records.data']).execute();
        for (const r of rows) owners.set(r.id, r.department ?? RecordDepartment.parse(JSON.parse(r.data)).department ?? null);
      }
      return owners;
    },

    /** The current state of the live records of `table` among `ids`. */
    async liveData(table: SyncTable, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
      const found = new Map<string, Record<string, unknown>>();
      for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
        const rows = await liveRecords(table, ids.slice(i, i + LOOKUP_BATCH)).select(['content_records.id', 'content_records.data']).execute();
        for (const r of rows) found.set(r.id, JSON.parse(r.data));
      }
      return found;
    },

    /**
     * Every live record of `table`, a page at a time in id order: for a check across a small
     * table whose fields SQL cannot reach portably (a county's village finance lines).
     */
    async *livePages(table: SyncTable, size: number): AsyncGenerator<{ id: string; data: Record<string, unknown> }[]> {
      for (let after = ''; ; ) {
        const rows = await db.selectFrom('content_records').select(['id', 'data']).where('table_name', '=', table).where('deleted', '=', 0).where('id', '>', after).orderBy('id').limit(size).execute();
        if (rows.length === 0) return;
        yield rows.map((r) => ({ id: r.id, data: JSON.parse(r.data) as Record<string, unknown> }));
        after = rows[rows.length - 1]?.id ?? after;
      }
    },

    /** Live project ids whose `department` is `department`. */
    async liveProjectIdsOf(department: string): Promise<Set<string>> {
      const rows = await db.selectFrom('content_records').select(['id', 'data']).where('table_name', '=', 'projects').where('deleted', '=', 0).execute();
      return new Set(rows.filter((r) => RecordDepartment.parse(JSON.parse(r.data)).department === department).map((r) => r.id));
    },

    async liveCodes(table: 'villages' | 'programs'): Promise<Set<string>> {
      const rows = await db.selectFrom('content_records').select('id').where('table_name', '=', table).where('deleted', '=', 0).execute();
      return new Set(rows.map((r) => r.id));
    },

    /** Opens content version `meta.version`; its changes follow in the same transaction. */
    async createVersion(meta: PublishMeta): Promise<void> {
      await db.insertInto('content_versions').values({ version: meta.version, published_at: meta.publishedAt, published_by: meta.publishedBy, summary: meta.summary }).execute();
    },

    /**
     * Writes records of version `meta.version` (a withdrawal is a tombstone that syncs as a
     * delete) and the plaintext ID numbers of payments. Run inside the publish's transaction.
     */
    async writeChanges(meta: PublishMeta, changes: readonly RecordChange[], identities: readonly { paymentId: string; idNumber: string }[] = []): Promise<void> {
      // Batches keep a county-scale approval (a million rows) to a few hundred statements.
      for (let i = 0; i < changes.length; i += BATCH) {
        await db
          .insertInto('content_records')
          .values(changes.slice(i, i + BATCH).map((c) => ({ table_name: c.table, id: c.id, version: meta.version, deleted: c.data ? 0 : 1, data: JSON.stringify(c.data ?? { id: c.id }) })))
          .onConflict((oc) =>
            oc.columns(['table_name', 'id']).doUpdateSet((eb) => ({
              version: eb.ref('excluded.version'),
              deleted: eb.ref('excluded.deleted'),
              // A tombstone keeps the last live state, so history and corrections can still read it.
              data: eb.case().when(eb.ref('excluded.deleted'), '=', 1).then(eb.ref('content_records.data')).else(eb.ref('excluded.data')).end(),
            })),
          )
          .execute();
      }
      for (let i = 0; i < identities.length; i += BATCH) {
        await db
          .insertInto('payment_identities')
          .values(identities.slice(i, i + BATCH).map((x) => ({ payment_id: x.paymentId, id_number: x.idNumber })))
          .onConflict((oc) => oc.column('payment_id').doUpdateSet((eb) => ({ id_number: eb.ref('excluded.id_number') })))
          .execute();
      }
    },

    /**
     * Names the owner and appends the history row of every record version `meta.version`
     * changed, once its records are written: one statement each, whatever the size of the
     * publish, since the records of a version are exactly those with that `version`.
     */
    async recordProvenance(meta: PublishMeta, provenance: Provenance): Promise<void> {
      const changed = db.selectFrom('content_records').where('version', '=', meta.version);
      await db
        .insertInto('record_owners')
        .columns(['table_name', 'id', 'department', 'import_id', 'updated_by'])
        .expression(changed.select((eb) => ['table_name', 'id', eb.val(provenance.department).as('department'), importIdOf(provenance).as('import_id'), eb.val(meta.publishedBy).as('updated_by')]))
        // The department too: an id another department withdrew and this one published anew is now this one's.
        .onConflict((oc) =>
          oc.columns(['table_name', 'id']).doUpdateSet((eb) => ({ department: eb.ref('excluded.department'), import_id: eb.ref('excluded.import_id'), updated_by: eb.ref('excluded.updated_by') })),
        )
        .execute();
      await appendHistory(meta, provenance);
    },

    appendHistory,

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
