import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startTestCentral } from '@sunshine/central/testing';
import { CountyFile, createApiClient, SYNC_PROTOCOL_VERSION, syncApi, SyncHeader, SyncManifest } from '@sunshine/contracts';
import SQLite from 'better-sqlite3';
import { scale } from './agent-fixture';
import { benchCounty, loginPublishingStaff, uploadAndApprove } from './central-fixture';
import { result, round, timeMs, type Benchmark } from './harness';

const ROWS = 10_000;

/**
 * A department corrects 10k of its published payments in one correction import (one new
 * version), then a kiosk holding the version before asks for the changes as its agent does
 * (`syncApi.changes`, bearer token): central builds the delta on that first,
 * uncached request (indexed read, NDJSON, gzip, sha256, Ed25519-signed manifest). Baseline: a
 * bare better-sqlite3 indexed SELECT of the same rows and a gzip of them, in the same run.
 */
export const correctionDelta: Benchmark = {
  name: 'correction-delta',
  async run() {
    const county = await benchCounty();
    const central = await startTestCentral({ env: { CENTRAL_COUNTY_DIR: county.dir } });
    try {
      const { token } = await central.enrol('bench kiosk');
      const snapshot = await changesSince(central.url, token, 0);
      const since = snapshot.to;

      const { file, department } = writeCorrection(county.dir, path.join(county.workDir, 'correction.csv'));
      const staff = await loginPublishingStaff(central.url);
      const query = { type: 'payments', mode: 'correction', department, reason: '发放金额录错，按银行回单更正' };
      const correctMs = await timeMs(() => uploadAndApprove(central.url, staff, query, file));
      console.log(`  correction import of ${ROWS} payments (upload, validate, stage, approve): ${round(correctMs / 1000, 2)} s`);

      let delta: SyncManifest | undefined;
      const ms = await timeMs(async () => {
        delta = await changesSince(central.url, token, since);
      });
      if (delta?.counts.upserts !== ROWS || delta.counts.deletes !== 0) throw new Error(`expected a ${ROWS}-row delta, got ${JSON.stringify(delta?.counts)}`);
      const baselineMs = bareDelta(path.join(central.dir, 'central', 'central.sqlite'), since);
      return [
        result({
          name: `produce the delta of a ${ROWS}-row correction for a kiosk (first ${syncApi.changes.method} ${syncApi.changes.path}?since=M on a ${scale}-scale central) vs bare indexed SELECT + gzip`,
          value: round(ms, 1),
          unit: 'ms',
          baseline: round(baselineMs, 1),
          target: '< 1000 ms',
          pass: ms < 1000,
        }),
      ];
    } finally {
      await central.close();
    }
  },
};

/** The request a kiosk agent makes; answers the body's manifest once the whole body has arrived. */
async function changesSince(url: string, token: string, since: number): Promise<SyncManifest> {
  const kiosk = createApiClient({ baseUrl: url, headers: () => ({ authorization: `Bearer ${token}` }) });
  const res = await kiosk.call(syncApi.changes, { query: { since, protocol: SYNC_PROTOCOL_VERSION } });
  if (res.status !== 200) throw new Error(`sync answered ${res.status}`);
  await res.arrayBuffer();
  return SyncManifest.parse(JSON.parse(Buffer.from(res.headers.get(SyncHeader.manifest) ?? '', 'base64').toString('utf8')));
}

/** ROWS payments of the department with the most, each paid one yuan more: a correction of published records. */
function writeCorrection(countyDir: string, file: string): { file: string; department: string } {
  const [header = '', ...lines] = fs.readFileSync(path.join(countyDir, CountyFile.payments), 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  const amount = columns.indexOf('amountFen');
  const departmentColumn = columns.indexOf('department');
  const byDepartment = new Map<string, string[]>();
  for (const line of lines) {
    const key = line.split(',')[departmentColumn] ?? '';
    const list = byDepartment.get(key) ?? [];
    list.push(line);
    byDepartment.set(key, list);
  }
  const [department, own] = [...byDepartment].reduce((a, b) => (b[1].length > a[1].length ? b : a));
  if (own.length < ROWS) throw new Error(`${department} has only ${own.length} payments`);
  const corrected = own.slice(0, ROWS).map((line) => {
    const cells = line.split(',');
    cells[amount] = String(Number(cells[amount]) + 100);
    return cells.join(',');
  });
  fs.writeFileSync(file, [header, ...corrected].join('\n') + '\n');
  return { file, department };
}

/** The same rows read straight from central's store with the version index, as NDJSON, gzipped. */
function bareDelta(file: string, since: number): number {
  const db = new SQLite(file, { readonly: true });
  try {
    const start = performance.now();
    const rows = db.prepare<[number], { table_name: string; data: string }>('SELECT table_name, data FROM content_records WHERE version > ?').all(since);
    zlib.gzipSync(rows.map((r) => `{"op":"upsert","table":"${r.table_name}","record":${r.data}}\n`).join(''));
    if (rows.length !== ROWS) throw new Error(`bare select found ${rows.length} rows`);
    return performance.now() - start;
  } finally {
    db.close();
  }
}
