import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, listen } from '@sunshine/service-kit';
import { importsApi, type ApiClient } from '@sunshine/contracts';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentral, type Central } from '../src/app';
import { loadConfig } from '../src/config';
import { migrationProvider } from '../src/platform/migrations';
import type { Database } from '../src/platform/schema';
import { countyRows } from './factories';
import { adminApiClient, reviewerApiClient, startTestCentral, TEST_ADMIN_PASSWORD, type TestCentral } from './harness';
import { approveImport } from './import-support';

const historyOf = (staff: ApiClient, table: string, id: string) => staff.call(importsApi.recordHistory, { params: { table, id } });

describe("a record's history", () => {
  let central: TestCentral;

  beforeAll(async () => {
    central = await startTestCentral();
  });
  afterAll(() => central.close());

  it('shows the state the county was first loaded in, so the first correction reads old → new', async () => {
    const payment = countyRows(path.join(central.dir, 'county'), 'payments')[0];
    if (!payment?.id) throw new Error('the tiny county has no payments');
    const admin = await adminApiClient(central.url);
    const loaded = await historyOf(admin, 'payments', payment.id);
    expect(loaded).toEqual([{ version: 1, action: 'import', changedAt: expect.any(String), changedBy: 'system', importId: null, reason: null, data: expect.objectContaining({ amountFen: Number(payment.amountFen) }) }]);

    const staged = await admin.call(importsApi.correctRecord, { params: { table: 'payments', id: payment.id }, body: { changes: { amountFen: Number(payment.amountFen) + 100 }, reason: '金额录错' } });
    await approveImport(await reviewerApiClient(central.url), staged.importId);
    const history = await historyOf(admin, 'payments', payment.id);
    expect(history.map((h) => [h.action, h.data?.amountFen, h.changedBy, h.importId])).toEqual([
      ['correct', Number(payment.amountFen) + 100, 'reviewer', staged.importId],
      ['import', Number(payment.amountFen), 'system', null],
    ]);
  });
});

describe('the migration that starts every history with its first published state', () => {
  const BEFORE = '20261127T0200-ticket-places';
  let dir: string;
  let central: Central;
  let url: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-history-migration-'));
    const dataDir = path.join(dir, 'central');
    fs.mkdirSync(dataDir);
    // A store as central left it before: the county loaded as version 1 without history, one record imported since (with its history).
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path.join(dataDir, 'central.sqlite')) }) });
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(BEFORE)).error).toBeUndefined();
    await sql`insert into content_versions (version, published_at, published_by, summary) values (1, '2026-11-01T02:00:00.000Z', 'system', 'county loaded'), (2, '2026-11-05T03:00:00.000Z', 'shenhe', 'import 1')`.execute(db);
    const record = (id: string, version: number, amountFen: number) => JSON.stringify({ id, version, amountFen, department: '县民政局' });
    await sql`insert into content_records (table_name, id, version, deleted, data) values ('payments', 'loaded', 1, 0, ${record('loaded', 1, 60000)}), ('payments', 'imported', 2, 0, ${record('imported', 2, 30000)})`.execute(db);
    await sql`insert into record_history (table_name, record_id, version, action, changed_at, changed_by, import_id, reason, data)
              values ('payments', 'imported', 2, 'import', '2026-11-05T03:00:00.000Z', 'shenhe', 1, null, ${record('imported', 2, 30000)})`.execute(db);
    await db.destroy();

    const config = loadConfig({ CENTRAL_PORT: '0', CENTRAL_DATA_DIR: dataDir, CENTRAL_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
    central = await buildCentral(config, createLogger('central', 'silent'));
    url = `http://127.0.0.1:${await listen(central.server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await central.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives a record loaded with the county its first state (who, when, which version) and leaves histories that had one alone', async () => {
    const admin = await adminApiClient(url);
    expect(await historyOf(admin, 'payments', 'loaded')).toEqual([
      { version: 1, action: 'import', changedAt: '2026-11-01T02:00:00.000Z', changedBy: 'system', importId: null, reason: null, data: { id: 'loaded', version: 1, amountFen: 60000, department: '县民政局' } },
    ]);
    expect(await historyOf(admin, 'payments', 'imported')).toEqual([
      { version: 2, action: 'import', changedAt: '2026-11-05T03:00:00.000Z', changedBy: 'shenhe', importId: 1, reason: null, data: { id: 'imported', version: 2, amountFen: 30000, department: '县民政局' } },
    ]);
  });
});
