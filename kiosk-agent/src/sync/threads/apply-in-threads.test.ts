import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createContentStore } from '../../content/content.store';
import { openDatabase, type Database } from '../../platform/database';
import { decodeBody } from '../ndjson';
import { notice, upsertLine } from '../ndjson.test';
import { SyncRefused } from '../sync-refused';
import { applyInThreads } from './apply-in-threads';

const body = (lines: string[]) => gzipSync(lines.join('\n') + '\n');
const notices = (from: number, count: number, title = '公告') =>
  Array.from({ length: count }, (_, i) => upsertLine('notices', JSON.stringify(notice(`n-${from + i}`, `${title} ${from + i}`))));
const snapshot = { from: 0, to: 1, wipeAll: true, publishedAt: '2026-03-01T08:00:00.000Z' };
const delta = { from: 1, to: 2, wipeAll: false, publishedAt: '2026-03-02T08:00:00.000Z' };

const dump = (db: Database) => ({
  notices: db.prepare('SELECT * FROM notices ORDER BY id').all(),
  indexes: db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notices' ORDER BY name").all(),
});

// Each test starts worker threads that load TypeScript through tsx: seconds on a busy 2-core machine.
describe('applying a sync body on worker threads', { timeout: 30_000 }, () => {
  const dirs: string[] = [];
  const open = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-threads-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    return { db, content: createContentStore(db) };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores exactly what the main-thread path stores, indexes rebuilt, version moved', async () => {
    const lines = notices(0, 6_000);
    const threaded = open();
    const inline = open();
    const indexesBefore = dump(threaded.db).indexes;
    expect(indexesBefore.length).toBeGreaterThan(0);

    expect(await applyInThreads(threaded.content.file, snapshot, body(lines))).toBe(6_000);
    const rows = [];
    for await (const batch of decodeBody(body(lines))) rows.push(...batch);
    inline.content.apply(snapshot, rows);

    expect(dump(threaded.db)).toEqual(dump(inline.db));
    expect(dump(threaded.db).indexes).toEqual(indexesBefore);
    expect(threaded.content.dataVersion()).toEqual({ version: 1, publishedAt: snapshot.publishedAt });
    const plan = threaded.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM notices WHERE scope_code = '452123100001'").all();
    expect(JSON.stringify(plan)).toContain('INDEX notices_scope');
  });

  it('a bad line anywhere rolls the whole body back and leaves the database writable', async () => {
    const { db, content } = open();
    await applyInThreads(content.file, snapshot, body(notices(0, 3_000)));
    const before = dump(db);

    const badDelta = [...notices(3_000, 5_000, '新'), '{"op":"delete","table":"notices","id":"n-1"}', upsertLine('notices', '{"id":"broken"}')];
    await expect(applyInThreads(content.file, delta, body(badDelta))).rejects.toMatchObject({ name: 'SyncRefused', reason: 'bad_body' });
    const badSnapshot = { ...snapshot, to: 2 };
    await expect(applyInThreads(content.file, badSnapshot, body([...notices(0, 4_000, '新'), 'not json']))).rejects.toBeInstanceOf(SyncRefused);

    expect(dump(db)).toEqual(before);
    expect(content.dataVersion().version).toBe(1);
    db.prepare("INSERT INTO meta (key, value) VALUES ('written-after', 'yes')").run();
  });

  it('refuses a version the kiosk already holds, changing nothing', async () => {
    const { db, content } = open();
    await applyInThreads(content.file, snapshot, body(notices(0, 100)));
    const before = dump(db);
    await expect(applyInThreads(content.file, snapshot, body(notices(0, 10, '旧')))).rejects.toThrow(/already holds 1/);
    expect(dump(db)).toEqual(before);
  });
});
