import fs from 'node:fs';
import path from 'node:path';
import { createApiClient, SYNC_PROTOCOL_VERSION, syncApi } from '@sunshine/contracts';
import { createContentStore, openDatabase, pullOnce, readEnrolment } from '@sunshine/kiosk-agent';
import { createLogger } from '@sunshine/service-kit';
import SQLite from 'better-sqlite3';
import { agentFixture, startFixtureCentral } from './agent-fixture';
import { result, round, timeMs, type Benchmark } from './harness';

const ROWS = 10_000;

/**
 * A publish that corrects 10k payments reaches a kiosk: download, verify signature and hash,
 * check every record, apply in one transaction — against a bare insert of the same rows.
 */
export const deltaApply: Benchmark = {
  name: 'delta-apply',
  async run() {
    const fixture = await agentFixture();
    const enrolment = readEnrolment(fixture.agentDir);
    if (!enrolment) throw new Error('fixture kiosk is not enrolled');
    const rows = publishCorrection(path.join(fixture.centralDataDir, 'central.sqlite'));

    const central = await startFixtureCentral(fixture);
    const db = openDatabase(fixture.agentDir);
    const content = createContentStore(db);
    const pull = () => pullOnce({ enrolment, centralUrl: central.url, content, logger: createLogger('agent', 'warn') });
    let applied = 0;
    let ms = 0;
    try {
      // Central builds the body on the first request; time the kiosk's side, not that.
      const kiosk = createApiClient({ baseUrl: central.url, headers: () => ({ authorization: `Bearer ${enrolment.token}` }) });
      const warm = await kiosk.call(syncApi.changes, { query: { since: content.dataVersion().version, protocol: SYNC_PROTOCOL_VERSION } });
      await warm.arrayBuffer();
      ms = await timeMs(async () => {
        const pulled = await pull();
        applied = pulled.kind === 'applied' ? pulled.changes : 0;
      });
    } finally {
      db.close();
      await central.close();
    }
    if (applied !== rows.length) throw new Error(`expected a ${rows.length}-row delta, applied ${applied}`);

    const bareFile = path.join(fixture.dir, 'bare-delta.sqlite');
    const bare = new SQLite(bareFile);
    bare.pragma('journal_mode = WAL');
    bare.exec('CREATE TABLE records (id TEXT PRIMARY KEY, data TEXT NOT NULL, id_hash TEXT NOT NULL) WITHOUT ROWID; CREATE INDEX records_hash ON records (id_hash)');
    const insert = bare.prepare('INSERT OR REPLACE INTO records (id, data, id_hash) VALUES (?, ?, ?)');
    const baselineMs = await timeMs(() =>
      bare.transaction(() => {
        for (const r of rows) insert.run(r.id, r.data, r.idHash);
      })(),
    );
    bare.close();
    fs.rmSync(bareFile, { force: true });
    return [
      result({ name: `apply a ${rows.length}-row delta (download, verify, validate, one transaction) vs bare insert`, value: round(ms, 1), unit: 'ms', baseline: round(baselineMs, 1), target: '< 1000 ms', pass: ms < 1000 }),
    ];
  },
};

/** Publishes version N+1 at central correcting ROWS payments (amount +1 yuan), straight into its store. */
function publishCorrection(file: string): { id: string; data: string; idHash: string }[] {
  const db = new SQLite(file);
  try {
    return db.transaction(() => {
      const latest = db.prepare<[], { v: number }>('SELECT max(version) AS v FROM content_versions').get()?.v ?? 0;
      const version = latest + 1;
      db.prepare('INSERT INTO content_versions (version, published_at, published_by, summary) VALUES (?, ?, ?, ?)').run(version, new Date().toISOString(), 'bench', 'correct payments');
      db.prepare(
        `UPDATE content_records SET version = ?, data = json_set(data, '$.amountFen', json_extract(data, '$.amountFen') + 100, '$.version', ?)
         WHERE table_name = 'payments' AND id IN (SELECT id FROM content_records WHERE table_name = 'payments' AND deleted = 0 ORDER BY id LIMIT ?)`,
      ).run(version, version, ROWS);
      return db
        .prepare<[number], { id: string; data: string; idHash: string }>(
          "SELECT id, data, json_extract(data, '$.idHash') AS idHash FROM content_records WHERE table_name = 'payments' AND version = ?",
        )
        .all(version);
    })();
  } finally {
    db.close();
  }
}
