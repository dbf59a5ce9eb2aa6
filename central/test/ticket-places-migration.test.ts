import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../src/platform/migrations';
import type { Database } from '../src/platform/schema';

const BEFORE = '20261127T0118-kiosk-places';

describe('the migration that keeps where each ticket was made', () => {
  let dir: string;
  let db: Kysely<Database>;

  const record = (table: string, id: string, data: Record<string, unknown>, deleted = 0) =>
    sql`insert into content_records (table_name, id, version, deleted, data) values (${table}, ${id}, 1, ${deleted}, ${JSON.stringify({ id, ...data })})`.execute(db);
  const ticket = (ticketNumber: string, kioskNumber: string, subject: { kind: string; id: string } | null = null) =>
    sql`insert into tickets (ticket_number, kiosk_number, category, pin_hash, subject_kind, subject_id, submitted_at, received_at, status)
        values (${ticketNumber}, ${kioskNumber}, 'subsidy', 'x', ${subject?.kind ?? null}, ${subject?.id ?? null}, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'received')`.execute(db);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-migration-'));
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path.join(dir, 'central.sqlite')) }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();

    await sql`insert into kiosks (kiosk_number, name, token_hash, enrolled_at, village_code) values ('0001', '村委会', 'a', '2026-11-01', '452123101202'), ('0002', '镇政府', 'b', '2026-11-01', null)`.execute(db);
    await record('payments', 'p-1', { villageCode: '452123100201' });
    await record('payments', 'p-gone', { villageCode: '452123100001' }, 1);
    await record('notices', 'n-town', { scopeCode: '452123100' });
    await record('notices', 'n-county', { scopeCode: '452123' });
    await ticket('000100000011', '0001');
    await ticket('000100000022', '0001', { kind: 'payment', id: 'p-1' });
    await ticket('000100000033', '0001', { kind: 'notice', id: 'n-town' });
    await ticket('000100000044', '0001', { kind: 'notice', id: 'n-county' });
    await ticket('000100000055', '0001', { kind: 'payment', id: 'no-such' });
    await ticket('000100000066', '0001', { kind: 'payment', id: 'p-gone' });
    await ticket('000200000017', '0002');
    await ticket('000000000019', '0000');

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives each existing ticket its subject's place, else its kiosk's village, else nothing", async () => {
    const rows = await db.selectFrom('tickets').select(['ticket_number', 'place_code']).orderBy('ticket_number').execute();
    expect(Object.fromEntries(rows.map((r) => [r.ticket_number, r.place_code]))).toEqual({
      '000000000019': null,
      '000100000011': '452123101202',
      '000100000022': '452123100201',
      '000100000033': '452123100',
      '000100000044': '452123101202',
      '000100000055': '452123101202',
      '000100000066': '452123100001',
      '000200000017': null,
    });
  });
});
