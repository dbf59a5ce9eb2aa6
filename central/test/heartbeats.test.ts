import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/platform/database';
import { createHeartbeatRepository } from '../src/fleet/heartbeats.repository';
import { buildHeartbeat } from './factories';

describe('heartbeat store', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-heartbeats-'));
    db = await openDatabase(dir);
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the latest heartbeats and prunes the old ones', async () => {
    const heartbeats = createHeartbeatRepository(db);
    await heartbeats.record('0001', '2026-08-01T00:00:00.000Z', buildHeartbeat({ outboxPending: 1 }));
    await heartbeats.record('0001', '2026-11-26T00:00:00.000Z', buildHeartbeat({ outboxPending: 2 }));
    expect(await heartbeats.pruneBefore('2026-09-01T00:00:00.000Z')).toBe(1);
    const recent = await heartbeats.recent('0001', 5);
    expect(recent.map((h) => h.outboxPending)).toEqual([2]);
  });
});
