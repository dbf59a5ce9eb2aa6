import { SyncTables, type SyncChange, type SyncTable } from '@sunshine/contracts';
import { contentTables } from './content-tables';
import type { Database } from './database';

export interface DataVersion {
  version: number;
  publishedAt: string | null;
}

/** Owns the kiosk's copy of the county's published content. */
export function createContentStore(db: Database) {
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare<[string, string]>(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const upserts = new Map<SyncTable, (record: Record<string, unknown>) => void>();
  const deletes = new Map<SyncTable, (id: string) => void>();
  for (const [table, spec] of Object.entries(contentTables) as [SyncTable, (typeof contentTables)[SyncTable]][]) {
    const columns = ['id', 'data', ...spec.indexed.map((c) => c.column)];
    const upsert = db.prepare(
      `INSERT INTO ${spec.sqlName} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
    upserts.set(table, (record) =>
      upsert.run(String(record.id), JSON.stringify(record), ...spec.indexed.map((c) => String(record[c.field]))),
    );
    const remove = db.prepare(`DELETE FROM ${spec.sqlName} WHERE id = ?`);
    deletes.set(table, (id) => remove.run(id));
  }

  function dataVersion(): DataVersion {
    return {
      version: Number(getMeta.get('data_version')?.value ?? 0),
      publishedAt: getMeta.get('data_published_at')?.value ?? null,
    };
  }

  return {
    dataVersion,

    /**
     * Applies a whole delta or snapshot in ONE transaction and only then moves the version:
     * the kiosk shows version M or version N, never a mix, even after kill -9. Every record
     * is checked against its contract schema; one bad record rolls the whole body back.
     */
    apply(body: { from: number; to: number; wipeAll: boolean; publishedAt: string }, changes: Iterable<SyncChange>): number {
      let applied = 0;
      db.transaction(() => {
        const current = dataVersion().version;
        if (body.to <= current) throw new Error(`refusing version ${body.to}: the kiosk already holds ${current}`);
        if (!body.wipeAll && body.from !== current) throw new Error(`delta from ${body.from} does not start at ${current}`);
        if (body.wipeAll) for (const spec of Object.values(contentTables)) db.exec(`DELETE FROM ${spec.sqlName}`);
        for (const change of changes) {
          if (change.op === 'delete') deletes.get(change.table)?.(change.id);
          else upserts.get(change.table)?.(SyncTables[change.table].parse(change.record));
          applied++;
        }
        setMeta.run('data_version', String(body.to));
        setMeta.run('data_published_at', body.publishedAt);
      })();
      return applied;
    },

    count(table: SyncTable): number {
      const row = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${contentTables[table].sqlName}`).get();
      return row?.n ?? 0;
    },
  };
}
export type ContentStore = ReturnType<typeof createContentStore>;
