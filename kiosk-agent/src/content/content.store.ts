import type { SyncTable } from '@sunshine/contracts';
import type { ContentRow } from './content-rows';
import { contentTables } from './content-tables';
import { beginContentWrite, dataVersionReader, type ContentBody } from './content-writer';
import type { Database } from '../platform/database';

export interface DataVersion {
  version: number;
  publishedAt: string | null;
}

/** Owns the kiosk's copy of the county's published content. */
export function createContentStore(db: Database) {
  const version = dataVersionReader(db);
  const publishedAt = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'data_published_at'");

  return {
    /** The SQLite file, for a writer on another thread. */
    file: db.name,

    dataVersion(): DataVersion {
      return { version: version(), publishedAt: publishedAt.get()?.value ?? null };
    },

    /** Applies a whole (already checked) body on this thread, in one transaction. */
    apply(body: ContentBody, rows: Iterable<ContentRow>): number {
      const write = beginContentWrite(db, body);
      try {
        write.write(rows);
        return write.commit();
      } catch (err) {
        write.rollback();
        throw err;
      }
    },

    count(table: SyncTable): number {
      const row = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${contentTables[table].sqlName}`).get();
      return row?.n ?? 0;
    },
  };
}
export type ContentStore = ReturnType<typeof createContentStore>;
