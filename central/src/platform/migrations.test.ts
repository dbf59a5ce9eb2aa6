import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import { migrationManifestProblems } from '@sunshine/service-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { migrationProvider, renamedMigrations } from './migrations';

const folder = fileURLToPath(new URL('./migrations/', import.meta.url));
const files = () => migrationManifestProblems(folder).files;

describe("central's migrations", () => {
  it('keeps the text of every applied migration exactly as it was applied', () => {
    const { changed } = migrationManifestProblems(folder);
    expect(
      changed,
      `${changed.join(', ')} changed or disappeared after stores ran it, and they will never run it again. ` +
        'Restore it (git checkout the file) and write the change as a NEW migration. ' +
        `If a formatter rewrote it, keep ${path.relative(process.cwd(), folder)} out of the formatter.`,
    ).toEqual([]);
  });

  it('lists every migration file in applied.json, named <yyyymmddThhmm>-<kebab-name>.ts, the newest last', () => {
    const { unlisted, misnamed, isInNameOrder, manifestFile } = migrationManifestProblems(folder);
    expect(unlisted, `a new migration needs its line at the end of ${manifestFile}`).toEqual([]);
    expect(misnamed, 'migration files are named <yyyymmddThhmm>-<kebab-name>.ts').toEqual([]);
    // Kysely (central) and the agent's migrator run migrations by name: a new one must be named after the last.
    expect(isInNameOrder, 'applied.json lists migrations in name order').toBe(true);
  });

  it('runs exactly the files in the folder, by their file names', async () => {
    expect(Object.keys(await migrationProvider.getMigrations()).sort(), 'migrations.ts imports each file under its file name').toEqual(files().sort());
  });
});

// The migrations under the names the previous code recorded, as that code ran them.
const previousProvider: MigrationProvider = {
  async getMigrations() {
    const now = await migrationProvider.getMigrations();
    return Object.fromEntries(Object.entries(renamedMigrations).flatMap(([before, name]) => (now[name] ? [[before, now[name]]] : [])));
  },
};

describe('a store migrated under the previous names', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  /** A central.sqlite as the previous code left it, migrated up to `last` (an old name), with one setting saved. */
  async function previousStore(last: string): Promise<string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-renamed-migrations-'));
    dirs.push(dir);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(path.join(dir, 'central.sqlite')) }) });
    expect((await new Migrator({ db, provider: previousProvider }).migrateTo(last)).error).toBeUndefined();
    await sql`insert into settings (key, value) values ('kept', 'yes')`.execute(db);
    await db.destroy();
    return dir;
  }
  const recorded = <DB>(db: Kysely<DB>) => sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(db).then((r) => r.rows);

  it('opens with every migration recorded under its new name, none run again, its data kept', async () => {
    const dir = await previousStore('2026-11-29-0008-staged-changes');
    const before = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(path.join(dir, 'central.sqlite')) }) });
    const times = (await recorded(before)).map((r) => r.timestamp);
    await before.destroy();

    const db = await openDatabase(dir);
    try {
      expect(await recorded(db)).toEqual(Object.values(renamedMigrations).map((name, i) => ({ name, timestamp: times[i] })));
      expect(await db.selectFrom('settings').select(['key', 'value']).execute()).toEqual([{ key: 'kept', value: 'yes' }]);
    } finally {
      await db.destroy();
    }
  });

  it('runs only the migrations a store stopped short of, and renames nothing once renamed', async () => {
    const dir = await previousStore('2026-11-27-0006-kiosk-places');
    const first = await openDatabase(dir);
    const ran = await recorded(first);
    await first.destroy();
    expect(ran.map((r) => r.name)).toEqual(Object.values(renamedMigrations));

    const again = await openDatabase(dir);
    try {
      expect(await recorded(again)).toEqual(ran);
      // 0007 added the place a ticket was made in; 0008 the version a staged change started from.
      await sql`insert into tickets (ticket_number, kiosk_number, category, pin_hash, submitted_at, received_at, status, place_code) values ('000100000011', '0001', 'subsidy', 'x', 't', 't', 'received', '452123101202')`.execute(again);
      expect(await sql`select base_version from import_rows`.execute(again)).toEqual(expect.objectContaining({ rows: [] }));
    } finally {
      await again.destroy();
    }
  });
});
