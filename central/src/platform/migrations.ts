import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/20261126T2231-initial';
import * as tickets from './migrations/20261126T2325-tickets';
import * as staff from './migrations/20261126T2326-staff';
import * as imports from './migrations/20261126T2327-imports';
import * as importModes from './migrations/20261127T0117-import-modes';
import * as kioskPlaces from './migrations/20261127T0118-kiosk-places';
import * as ticketPlaces from './migrations/20261127T0200-ticket-places';
import * as stagedChanges from './migrations/20261130T0514-staged-changes';

/**
 * Central's migrations, forward only, one file each in `migrations/`, named
 * `<yyyymmddThhmm>-<kebab-name>` after the file; Kysely runs them in name order and records
 * each name in `kysely_migration`. A file is frozen once it is listed in
 * `migrations/applied.json` (a test compares their sha256): a store that ran it will never run
 * it again, so a change to the schema is a new file. Written with Kysely's schema builder and
 * literal names and types (never the live code's constants), so PostgreSQL can be a switch.
 */
const migrations: Record<string, Migration> = {
  '20261126T2231-initial': initial,
  '20261126T2325-tickets': tickets,
  '20261126T2326-staff': staff,
  '20261126T2327-imports': imports,
  '20261127T0117-import-modes': importModes,
  '20261127T0118-kiosk-places': kioskPlaces,
  '20261127T0200-ticket-places': ticketPlaces,
  '20261130T0514-staged-changes': stagedChanges,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/**
 * The names stores made before the files were renamed recorded, and each one's name now.
 * Frozen like the migrations: stores in the field hold these.
 */
export const renamedMigrations: Readonly<Record<string, string>> = {
  '2026-11-26-0001-initial': '20261126T2231-initial',
  '2026-11-26-0002-tickets': '20261126T2325-tickets',
  '2026-11-26-0003-staff': '20261126T2326-staff',
  '2026-11-26-0004-imports': '20261126T2327-imports',
  '2026-11-27-0005-import-modes': '20261127T0117-import-modes',
  '2026-11-27-0006-kiosk-places': '20261127T0118-kiosk-places',
  '2026-11-28-0007-ticket-places': '20261127T0200-ticket-places',
  '2026-11-29-0008-staged-changes': '20261130T0514-staged-changes',
};

/**
 * Gives the migrations an older store recorded their names now, in one transaction, so the
 * migrator neither runs them again nor refuses the store for a name it no longer knows. Runs
 * before the migrator (which holds the store's one connection while it works); once renamed,
 * nothing is left to rename. Plain SQL, since `kysely_migration` is Kysely's, not the schema's.
 */
export async function renameRecordedMigrations<DB>(store: Kysely<DB>): Promise<void> {
  const tables = await store.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  await store.transaction().execute(async (tx) => {
    const before = sql.join(Object.keys(renamedMigrations));
    const recorded = await sql<{ name: string }>`select name from kysely_migration where name in (${before})`.execute(tx);
    if (recorded.rows.length === 0) return;
    for (const [name, now] of Object.entries(renamedMigrations)) {
      await sql`update kysely_migration set name = ${now} where name = ${name}`.execute(tx);
    }
  });
}
