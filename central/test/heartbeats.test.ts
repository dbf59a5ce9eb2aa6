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
  const addKiosk = (kioskNumber: string) =>
    db.insertInto('kiosks').values({ kiosk_number: kioskNumber, name: kioskNumber, village_code: null, token_hash: `hash-${kioskNumber}`, enrolled_at: '2026-08-01T00:00:00.000Z', revoked_at: null, last_seen_at: null }).execute();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-heartbeats-'));
    db = await openDatabase(dir);
    for (const kioskNumber of ['0001', '0002', '0003', '0004']) await addKiosk(kioskNumber);
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
    const latest = await heartbeats.latestByKiosk(['0001'], 5);
    expect(latest.get('0001')?.map((h) => h.outboxPending)).toEqual([2]);
  });

  it("gives each kiosk its own newest heartbeats, newest first, however the kiosks' beats interleave", async () => {
    const heartbeats = createHeartbeatRepository(db);
    // Beats arrive interleaved, as they do from a fleet: 0002 and 0003 five each, 0004 none.
    for (let i = 1; i <= 5; i++) {
      await heartbeats.record('0002', `2026-11-27T00:0${i}:00.000Z`, buildHeartbeat({ outboxPending: 20 + i }));
      await heartbeats.record('0003', `2026-11-27T00:0${i}:30.000Z`, buildHeartbeat({ outboxPending: 30 + i }));
    }
    const latest = await heartbeats.latestByKiosk(['0002', '0003', '0004', '0002'], 3);
    expect([...latest.keys()].sort()).toEqual(['0002', '0003']);
    expect(latest.get('0002')?.map((h) => h.outboxPending)).toEqual([25, 24, 23]);
    expect(latest.get('0003')?.map((h) => [h.kioskNumber, h.outboxPending])).toEqual([
      ['0003', 35],
      ['0003', 34],
      ['0003', 33],
    ]);
    expect(await heartbeats.latestByKiosk([], 3)).toEqual(new Map());
  });
});
