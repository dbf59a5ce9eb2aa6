import type { Database } from 'better-sqlite3';
import * as contentTables from './migrations/20261126T2231-content-tables';
import * as printJobs from './migrations/20261126T2234-print-jobs';
import * as complaintOutbox from './migrations/20261126T2325-complaint-outbox';

/**
 * The agent's migrations, forward only, one file each in `migrations/` holding literal SQL,
 * named `<yyyymmddThhmm>-<kebab-name>` after the file and run in name order. A file is frozen
 * once it is listed in `migrations/applied.json` (a test compares their sha256): a cache that
 * ran it never runs it again, so a change to the schema is a new file. Nothing here is built
 * from the live code's table list, so editing that list cannot change what already ran.
 */
export const migrations: readonly { name: string; sql: string }[] = [
  { name: '20261126T2231-content-tables', sql: contentTables.sql },
  { name: '20261126T2234-print-jobs', sql: printJobs.sql },
  { name: '20261126T2325-complaint-outbox', sql: complaintOutbox.sql },
];

/**
 * Before names were recorded, `PRAGMA user_version` counted the migrations a cache had run,
 * in this order. Frozen: kiosks in the field hold such caches.
 */
const countedByUserVersion = ['20261126T2231-content-tables', '20261126T2234-print-jobs', '20261126T2325-complaint-outbox'];

// `applied_at` is null for a migration that ran before names were recorded.
const CREATE_TABLE = 'CREATE TABLE schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT)';

/**
 * Runs the migrations this cache has not run, each in its own transaction with the record of
 * its name. Reads only, when none is pending: the sync writer thread opens the cache too.
 */
export function migrate(db: Database): void {
  const applied = appliedMigrations(db);
  const unknown = [...applied].filter((name) => !migrations.some((m) => m.name === name));
  if (unknown.length > 0) {
    throw new Error(`kiosk-agent: this cache was migrated by a newer agent (${unknown.join(', ')}); run that version or a later one`);
  }
  const record = db.prepare<[string, string]>('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.name, new Date().toISOString());
    })();
  }
}

/** The names this cache has run; a cache that counted them instead gets their names, once. */
function appliedMigrations(db: Database): Set<string> {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) {
    db.transaction(() => {
      db.exec(CREATE_TABLE);
      const counted = Number(db.pragma('user_version', { simple: true }));
      const record = db.prepare<[string]>('INSERT INTO schema_migrations (name, applied_at) VALUES (?, NULL)');
      for (const name of countedByUserVersion.slice(0, counted)) record.run(name);
    })();
  }
  return new Set(db.prepare<[], string>('SELECT name FROM schema_migrations').pluck().all());
}
