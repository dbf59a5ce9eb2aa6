import fs from 'node:fs';
import path from 'node:path';
import SQLite, { type Database } from 'better-sqlite3';
import { migrate } from './migrations';

export type { Database };

/** Opens the kiosk's one SQLite file in WAL mode and brings its schema up to date. */
export function openDatabase(dataDir: string): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  // While a snapshot loads on the writer thread, a complaint waits for its commit (seconds)
  // rather than failing as "database is locked".
  const db = new SQLite(path.join(dataDir, 'kiosk.sqlite'), { timeout: 60_000 });
  db.pragma('journal_mode = WAL');
  // FULL: a complaint acknowledged to a villager must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // 16 MB of page cache (default 2 MB): a delta's upserts land on random pages of a
  // county-sized payments index; a bigger cache keeps them in memory until commit.
  db.pragma('cache_size = -16000');
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
