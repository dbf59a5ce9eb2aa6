// One side of the snapshot benchmark, in a fresh process (as on a kiosk):
//   enrol URL CODE DIR  — `kiosk-provision enrol`'s work: enrol, download, verify, check, apply
//   bare BODY DIR       — a bare better-sqlite3 bulk insert of the same rows (decoding untimed)
// Prints {"ms": …} (and the bare side's row count) on stdout.
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fs from 'node:fs';
import { enrol } from '@sunshine/provisioning';
import SQLite from 'better-sqlite3';

const [mode, ...args] = process.argv.slice(2);
const timed = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

if (mode === 'enrol') {
  const [centralUrl = '', code = '', dataDir = ''] = args;
  console.log(JSON.stringify({ ms: await timed(() => enrol({ centralUrl, code, dataDir })) }));
} else {
  const [body = '', dir = ''] = args;
  const lines = gunzipSync(fs.readFileSync(body)).toString('utf8').trimEnd().split('\n');
  const rows = lines.map((l) => (JSON.parse(l) as { record: { id: string } }).record);
  const db = new SQLite(path.join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE records (id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID');
  const insert = db.prepare('INSERT OR REPLACE INTO records (id, data) VALUES (?, ?)');
  const ms = await timed(() => {
    db.transaction(() => {
      for (const row of rows) insert.run(row.id, JSON.stringify(row));
    })();
    db.close();
  });
  console.log(JSON.stringify({ ms, rows: rows.length }));
}
