import type { SyncTable } from '@sunshine/contracts';
import type { ContentRow } from './content-rows';
import { contentTables } from './content-tables';
import type { Database } from '../platform/database';

/** What a sync body says about itself: the versions it moves between, and whether it replaces everything. */
export interface ContentBody {
  from: number;
  to: number;
  wipeAll: boolean;
  publishedAt: string;
}

const contentTableNames = Object.values(contentTables).map((t) => t.sqlName);

/** Reads the content version the kiosk holds (0 before its first sync), with one prepared statement. */
export function dataVersionReader(db: Database): () => number {
  const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'data_version'");
  return () => Number(row.get()?.value ?? 0);
}

/**
 * Opens ONE write transaction for a whole sync body. Rows arrive in batches (from this
 * thread or from the decoder thread); `commit` moves the version only after the last one,
 * so the kiosk holds version M or version N, never a mix, even after kill -9.
 *
 * A snapshot (`wipeAll`) drops the content tables' secondary indexes, bulk-loads, and
 * builds them again before committing: sorting a million keys once is several times
 * faster than inserting each into a B-tree, and it all rolls back together.
 */
export function beginContentWrite(db: Database, body: ContentBody) {
  const upserts = new Map<SyncTable, (row: ContentRow) => void>();
  const deletes = new Map<SyncTable, (id: string) => void>();
  for (const [table, spec] of Object.entries(contentTables) as [SyncTable, (typeof contentTables)[SyncTable]][]) {
    const columns = ['id', 'data', ...spec.indexed.map((c) => c.column)];
    const upsert = db.prepare(
      `INSERT INTO ${spec.sqlName} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
    upserts.set(table, (row) => upsert.run(row.id, row.data, ...row.indexed));
    const remove = db.prepare(`DELETE FROM ${spec.sqlName} WHERE id = ?`);
    deletes.set(table, (id) => remove.run(id));
  }
  const setMeta = db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

  db.exec('BEGIN IMMEDIATE');
  let applied = 0;
  let droppedIndexes: string[] = [];
  try {
    const current = dataVersionReader(db)();
    if (body.to <= current) throw new Error(`refusing version ${body.to}: the kiosk already holds ${current}`);
    if (!body.wipeAll && body.from !== current) throw new Error(`delta from ${body.from} does not start at ${current}`);
    if (body.wipeAll) droppedIndexes = wipeContent(db);
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }

  return {
    write(rows: Iterable<ContentRow>): void {
      for (const row of rows) {
        if (row.data === null) deletes.get(row.table)?.(row.id);
        else upserts.get(row.table)?.(row);
        applied++;
      }
    },
    /** Rebuilds what a snapshot dropped, moves the version, commits; returns the rows applied. */
    commit(): number {
      for (const sql of droppedIndexes) db.exec(sql);
      setMeta.run('data_version', String(body.to));
      setMeta.run('data_published_at', body.publishedAt);
      db.exec('COMMIT');
      return applied;
    },
    rollback(): void {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
  };
}
export type ContentWrite = ReturnType<typeof beginContentWrite>;

/** Empties every content table and drops its secondary indexes; returns the SQL that recreates them. */
function wipeContent(db: Database): string[] {
  const placeholders = contentTableNames.map(() => '?').join(', ');
  const indexes = db
    .prepare<string[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders})`)
    .all(...contentTableNames);
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  for (const table of contentTableNames) db.exec(`DELETE FROM ${table}`);
  return indexes.map((i) => i.sql);
}
