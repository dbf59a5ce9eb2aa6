import type { Database } from 'better-sqlite3';
import { contentTables } from './content-tables';
import { outboxMigration } from './outbox.migration';

function contentTablesSql(): string {
  return Object.values(contentTables)
    .map((t) => {
      // The first migration creates only the columns that existed then; later ones add theirs.
      const original = t.indexed.filter((c) => c.addedIn === undefined);
      const columns = original.map((c) => `, ${c.column} TEXT NOT NULL`).join('');
      const index = original.length
        ? `CREATE INDEX ${t.sqlName}_lookup ON ${t.sqlName} (${original.map((c) => c.column).join(', ')});`
        : '';
      return `CREATE TABLE ${t.sqlName} (id TEXT PRIMARY KEY, data TEXT NOT NULL${columns}) WITHOUT ROWID; ${index}`;
    })
    .join('\n');
}

/** Forward-only migrations; `PRAGMA user_version` records how many have run. */
const migrations: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   ${contentTablesSql()}`,
  // Print queue: one job at a time; jobs survive a restart. `payload` holds the receipt's
  // content (never a plaintext ID number) and is cleared once the job is done.
  `CREATE TABLE print_jobs (
     job_id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     payload TEXT,
     state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed')),
     reason TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX print_jobs_state ON print_jobs (state, created_at);`,
  outboxMigration,
];

/** Runs pending migrations, each in its own transaction. */
export function migrate(db: Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  migrations.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}
