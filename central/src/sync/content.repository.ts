import { SyncTable } from '@sunshine/contracts';
import { batches } from '../platform/batches';
import type { Db } from '../platform/database';
import { createRecordRepository } from '../imports/records.repository';
import { inTransaction } from '../platform/transaction';
import type { ChangeSource, ContentChange, PublishedVersion, PublishedVersions } from './sync.ports';

export interface ContentRow {
  table: SyncTable;
  id: string;
  data: Record<string, unknown>;
}

// SQLite allows 32766 bound parameters; 5 per row keeps a batch well under it.
const BATCH = 2000;

export interface ContentRepository extends PublishedVersions, ChangeSource {
  getVersion(version: number): Promise<PublishedVersion | null>;
  /**
   * Publishes `rows` as content version `version` in one transaction: the version row,
   * every record and its first history row land together or not at all. Used by the county
   * loader on first start, a system action that no staff member stages or approves.
   */
  publish(
    version: PublishedVersion & { publishedBy: string; summary: string },
    rows: Iterable<ContentRow>,
    identities?: Iterable<{ paymentId: string; idNumber: string }>,
  ): Promise<void>;
}

/** Owns the published content and its versions. */
export function createContentRepository(db: Db): ContentRepository {
  return {
    async latestVersion(): Promise<PublishedVersion | null> {
      const row = await db
        .selectFrom('content_versions')
        .select(['version', 'published_at'])
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? { version: row.version, publishedAt: row.published_at } : null;
    },

    async getVersion(version: number): Promise<PublishedVersion | null> {
      const row = await db
        .selectFrom('content_versions')
        .select(['version', 'published_at'])
        .where('version', '=', version)
        .executeTakeFirst();
      return row ? { version: row.version, publishedAt: row.published_at } : null;
    },

    async publish(
      version: PublishedVersion & { publishedBy: string; summary: string },
      rows: Iterable<ContentRow>,
      identities: Iterable<{ paymentId: string; idNumber: string }> = [],
    ): Promise<void> {
      await inTransaction(db, async (trx) => {
        await trx
          .insertInto('content_versions')
          .values({
            version: version.version,
            published_at: version.publishedAt,
            published_by: version.publishedBy,
            summary: version.summary,
          })
          .execute();
        for await (const batch of batches(rows, BATCH)) {
          await trx
            .insertInto('content_records')
            .values(
              batch.map((r) => ({
                table_name: r.table,
                id: r.id,
                version: version.version,
                deleted: 0,
                data: JSON.stringify(r.data),
              })),
            )
            .onConflict((oc) =>
              oc.columns(['table_name', 'id']).doUpdateSet((eb) => ({
                version: eb.ref('excluded.version'),
                deleted: eb.ref('excluded.deleted'),
                data: eb.ref('excluded.data'),
              })),
            )
            .execute();
        }
        for await (const batch of batches(identities, BATCH)) {
          await trx
            .insertInto('payment_identities')
            .values(batch.map((i) => ({ payment_id: i.paymentId, id_number: i.idNumber })))
            .onConflict((oc) => oc.column('payment_id').doUpdateSet((eb) => ({ id_number: eb.ref('excluded.id_number') })))
            .execute();
        }
        // The state each record was first published in, so its first correction shows old → new.
        await createRecordRepository(trx).appendHistory(version, { action: 'import', importId: null, reason: null });
      });
    },

    async *streamChangesSince(from: number): AsyncGenerator<ContentChange> {
      let query = db
        .selectFrom('content_records')
        .select(['table_name', 'id', 'deleted', 'data'])
        .where('version', '>', from)
        .orderBy('version')
        .orderBy('table_name')
        .orderBy('id');
      if (from === 0) query = query.where('deleted', '=', 0);
      for await (const row of query.stream(5000)) {
        yield { table: SyncTable.parse(row.table_name), id: row.id, deleted: row.deleted === 1, data: row.data };
      }
    },
  };
}

