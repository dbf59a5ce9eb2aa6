import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildCentral, loadConfig } from '@sunshine/central';
import { CountyScale } from '@sunshine/contracts';
import { enrol } from '@sunshine/provisioning';
import { createLogger, listen } from '@sunshine/service-kit';
import { generateCounty } from '@sunshine/synthetic-county';
import SQLite from 'better-sqlite3';
import { result, round, timeMs, type Benchmark } from './harness';

const scale = CountyScale.parse(process.env.BENCH_SCALE ?? 'county');

/**
 * A new kiosk's first snapshot of the whole county: download, verify, check every record
 * and apply in one transaction — against a bare better-sqlite3 bulk insert of the same rows.
 */
export const snapshotApply: Benchmark = {
  name: 'snapshot-apply',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-bench-'));
    try {
      const countyDir = path.join(dir, 'county');
      const genMs = await timeMs(() => generateCounty({ scale, seed: 1, outDir: countyDir }));
      console.log(`  generated ${scale} county in ${round(genMs / 1000)} s`);
      const code = 'BENCHENROLCODE01';
      const config = loadConfig({ CENTRAL_PORT: '0', CENTRAL_DATA_DIR: path.join(dir, 'central'), CENTRAL_COUNTY_DIR: countyDir, CENTRAL_DEMO_ENROLMENT_CODE: code });
      let central: Awaited<ReturnType<typeof buildCentral>> | undefined;
      const publishMs = await timeMs(async () => {
        central = await buildCentral(config, createLogger('central', 'warn'));
      });
      if (!central) throw new Error('central did not start');
      console.log(`  central published it in ${round(publishMs / 1000)} s`);
      // Central builds the snapshot body once, right after publishing; the kiosk's clock starts after.
      await central.warmSnapshot();
      const port = await listen(central.server, 0, '127.0.0.1');
      const agentDir = path.join(dir, 'agent');
      const snapshotMs = await timeMs(() => enrol({ centralUrl: `http://127.0.0.1:${port}`, code, dataDir: agentDir }));
      await central.close();

      const body = fs.readdirSync(path.join(config.dataDir, 'sync-cache')).find((f) => f.endsWith('.ndjson.gz')) ?? '';
      const lines = gunzipSync(fs.readFileSync(path.join(config.dataDir, 'sync-cache', body))).toString('utf8').trimEnd().split('\n');
      const rows = lines.map((l) => JSON.parse(l).record as { id: string });
      const baselineMs = bareInsertMs(path.join(dir, 'bare.sqlite'), rows);
      const seconds = snapshotMs / 1000;
      const ratio = snapshotMs / baselineMs;
      return [
        result({
          name: `snapshot import, ${scale} scale (${rows.length} rows), vs bare bulk insert`,
          value: round(seconds, 2),
          unit: 's',
          baseline: round(baselineMs / 1000, 2),
          target: '< 60 s and ratio ≤ 2',
          pass: seconds < 60 && ratio <= 2,
        }),
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

function bareInsertMs(file: string, rows: { id: string }[]): number {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE records (id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID');
  const insert = db.prepare('INSERT OR REPLACE INTO records (id, data) VALUES (?, ?)');
  const start = performance.now();
  db.transaction(() => {
    for (const row of rows) insert.run(row.id, JSON.stringify(row));
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}
