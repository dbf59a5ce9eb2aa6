import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { migrationManifestProblems } from '@sunshine/service-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { contentTables } from '../content/content-tables';
import { openDatabase } from './database';
import { migrations } from './migrations';

const folder = fileURLToPath(new URL('./migrations/', import.meta.url));
const files = () => migrationManifestProblems(folder).files;

describe("the agent's migrations", () => {
  it('keeps the text of every applied migration exactly as it was applied', () => {
    const { changed } = migrationManifestProblems(folder);
    expect(
      changed,
      `${changed.join(', ')} changed or disappeared after kiosks ran it, and they will never run it again. ` +
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

  it('runs exactly the files in the folder, in name order', () => {
    expect(
      migrations.map((m) => m.name),
      'migrations.ts lists each file under its file name',
    ).toEqual(files().sort());
  });
});

describe('a kiosk cache', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-agent-migrations-'));
    dirs.push(dir);
    return dir;
  };

  /** A kiosk.sqlite as the previous agent left it: the first `count` migrations run, counted in `user_version`. */
  function countedCache(count: number): string {
    const dir = tempDir();
    const db = new SQLite(path.join(dir, 'kiosk.sqlite'));
    migrations.slice(0, count).forEach((m, i) => {
      db.exec(m.sql);
      db.pragma(`user_version = ${i + 1}`);
    });
    db.prepare("INSERT INTO meta (key, value) VALUES ('data_version', '7')").run();
    db.close();
    return dir;
  }
  const recorded = (db: SQLite.Database) => db.prepare<[], { name: string; applied_at: string | null }>('SELECT name, applied_at FROM schema_migrations ORDER BY name').all();

  it('made when migrations were counted opens with their names recorded, none run again, its data kept', () => {
    const db = openDatabase(countedCache(3));
    try {
      expect(recorded(db)).toEqual(migrations.map((m) => ({ name: m.name, applied_at: null })));
      expect(db.prepare("SELECT value FROM meta WHERE key = 'data_version'").pluck().get()).toBe('7');
    } finally {
      db.close();
    }
  });

  it('that stopped short runs only the migrations it lacks, and only once', () => {
    const dir = countedCache(2);
    openDatabase(dir).close();
    const db = openDatabase(dir);
    try {
      expect(recorded(db).map((r) => [r.name, r.applied_at === null])).toEqual([
        ['20261126T2231-content-tables', true],
        ['20261126T2234-print-jobs', true],
        ['20261126T2325-complaint-outbox', false],
      ]);
      expect(db.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('has, new, every column the content tables write', () => {
    const db = openDatabase(tempDir());
    try {
      const columnsOf = (table: string) => db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(table);
      for (const spec of Object.values(contentTables)) {
        expect(columnsOf(spec.sqlName), spec.sqlName).toEqual(['id', 'data', ...spec.indexed.map((c) => c.column)]);
      }
    } finally {
      db.close();
    }
  });

  it('migrated by a newer agent is refused rather than run with a schema this agent does not know', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES ('20991231T2359-from-the-future', 'now')").run();
    db.close();
    expect(() => openDatabase(dir)).toThrow(/newer agent \(20991231T2359-from-the-future\)/);
  });
});
