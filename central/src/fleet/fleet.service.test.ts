import { AppError, type Heartbeat } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import type { AuditNote } from '../platform/audited-action';
import type { FleetTx, HeartbeatStore, KioskListItem, StoredHeartbeat, VillagePlace } from './fleet.ports';
import { createFleetService, type FleetServiceDeps } from './fleet.service';

const NOW = new Date('2026-11-26T02:00:00Z'); // 10:00 county time: open
const VILLAGES: VillagePlace[] = [
  { villageCode: '452123100001', villageName: '柳洞村', townCode: '452123100', townName: '城关镇' },
  { villageCode: '452123101001', villageName: '桥口村', townCode: '452123101', townName: '青石镇' },
];

const beat = (overrides: Partial<Heartbeat> = {}): Heartbeat => ({
  sentAt: NOW.toISOString(),
  dataVersion: 3,
  outboxPending: 0,
  printer: { state: 'ready' },
  uptimeSeconds: 60,
  diskFreeBytes: 20e9,
  lastSyncError: null,
  usage: {},
  ...overrides,
});

/** An in-memory twin of the fleet's stores, counting how often each is read. */
function memoryFleet(kiosks: KioskListItem[]) {
  const byNumber = new Map(kiosks.map((k) => [k.kioskNumber, { ...k }]));
  const beats: StoredHeartbeat[] = [];
  const reads = { latestByKiosk: 0, villagePlaces: 0 };
  const audit: AuditNote[] = [];
  const notSupported = () => Promise.reject(new Error('not used by the fleet service'));
  const tx: FleetTx = {
    kiosks: {
      // Copies, as rows read from a store are.
      find: async (n) => {
        const found = byNumber.get(n);
        return found ? { ...found } : null;
      },
      list: async () => [...byNumber.values()].map((k) => ({ ...k })),
      moveToVillage: async (n, villageCode) => Boolean(byNumber.has(n) && Object.assign(byNumber.get(n) ?? {}, { villageCode })),
      revoke: async (n, at) => {
        const kiosk = byNumber.get(n);
        if (!kiosk || kiosk.revokedAt) return false;
        kiosk.revokedAt = at;
        return true;
      },
      createEnrolmentCode: notSupported,
      findEnrolmentCode: notSupported,
      enrolWithCode: notSupported,
      reEnrolWithCode: notSupported,
    },
    places: {
      villagePlaces: async (codes) => {
        reads.villagePlaces++;
        const wanted = new Set(codes);
        return new Map(VILLAGES.filter((v) => wanted.has(v.villageCode)).map((v) => [v.villageCode, v]));
      },
    },
  };
  const heartbeats: HeartbeatStore = {
    record: async (kioskNumber, receivedAt, hb) => {
      beats.push({ ...hb, kioskNumber, receivedAt });
      const kiosk = byNumber.get(kioskNumber);
      if (kiosk) kiosk.lastSeenAt = receivedAt;
    },
    latestByKiosk: async (numbers, limit) => {
      reads.latestByKiosk++;
      return new Map(numbers.map((n) => [n, beats.filter((b) => b.kioskNumber === n).reverse().slice(0, limit)] as const).filter(([, list]) => list.length > 0));
    },
    receivedSince: async (n, from) => beats.filter((b) => b.kioskNumber === n && b.receivedAt >= from).map((b) => b.receivedAt),
  };
  const events = { disconnected: [] as string[], heard: [] as string[] };
  const deps: FleetServiceDeps = {
    kiosks: tx.kiosks,
    places: tx.places,
    heartbeats,
    latestVersion: async () => 4,
    audited: async (fn, note) => {
      const result = await fn(tx);
      audit.push(note(result));
      return result;
    },
    openingHours: { from: 8, to: 18 },
    connectedKiosks: () => new Set(['0001']),
    disconnectKiosk: (n) => events.disconnected.push(n),
    countyWarnings: () => [],
    heard: (e) => events.heard.push(e.kioskNumber),
    now: () => NOW,
  };
  return { fleet: createFleetService(deps), heartbeats, reads, audit, events, kiosk: (n: string) => byNumber.get(n) };
}

const kiosk = (kioskNumber: string, villageCode: string | null, revokedAt: string | null = null): KioskListItem => ({
  kioskNumber,
  name: `${kioskNumber} 号机`,
  villageCode,
  revokedAt,
  enrolledAt: '2026-11-01T00:00:00.000Z',
  lastSeenAt: null,
});

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (err: unknown) => (err instanceof AppError ? err.code : String(err)));

describe('fleet service', () => {
  it("builds every kiosk's row from one read of heartbeats and one of places, however many kiosks", async () => {
    const memory = memoryFleet([kiosk('0001', '452123100001'), kiosk('0002', '452123101001'), kiosk('0003', null), kiosk('0004', '452123100001', '2026-11-20T00:00:00.000Z')]);
    await memory.heartbeats.record('0002', '2026-11-26T01:59:40.000Z', beat({ dataVersion: 1, printer: { state: 'paper_out' } }));
    await memory.heartbeats.record('0001', '2026-11-26T01:59:50.000Z', beat({ outboxPending: 2 }));
    const { kiosks } = await memory.fleet.list();
    expect(memory.reads).toEqual({ latestByKiosk: 1, villagePlaces: 1 });
    expect(kiosks.map((k) => [k.kioskNumber, k.villageName, k.townName, k.online, k.versionLag, k.outboxPending])).toEqual([
      ['0001', '柳洞村', '城关镇', true, 1, 2],
      ['0002', '桥口村', '青石镇', true, 3, 0],
      ['0003', null, null, false, null, null],
      ['0004', '柳洞村', '城关镇', false, null, null],
    ]);
    expect(kiosks.map((k) => k.alerts.map((a) => a.kind))).toEqual([[], ['paper_out'], ['offline_in_opening_hours'], []]);
  });

  it('refuses a move to a village that is not live, after an unknown kiosk, and moves nothing', async () => {
    const memory = memoryFleet([kiosk('0001', '452123100001')]);
    expect(await codeOf(memory.fleet.move('0009', '452123999999', 'admin'))).toBe('unknown_kiosk');
    expect(await codeOf(memory.fleet.move('0001', '452123999999', 'admin'))).toBe('unknown_village');
    expect(memory.kiosk('0001')?.villageCode).toBe('452123100001');
    expect(memory.audit).toEqual([]);
    const moved = await memory.fleet.move('0001', '452123101001', 'admin');
    expect(moved).toMatchObject({ villageCode: '452123101001', villageName: '桥口村' });
    expect(memory.audit).toEqual([{ actor: 'admin', action: 'kiosk.move', target: '0001', details: { from: '452123100001', to: '452123101001' } }]);
  });

  it('tells an unknown kiosk from one already revoked, and drops the sockets of the one it revokes', async () => {
    const memory = memoryFleet([kiosk('0001', null)]);
    await memory.fleet.revoke('0001', 'admin');
    expect(memory.events.disconnected).toEqual(['0001']);
    expect(await codeOf(memory.fleet.revoke('0001', 'admin'))).toBe('kiosk_already_revoked');
    expect(await codeOf(memory.fleet.revoke('0002', 'admin'))).toBe('unknown_kiosk');
    expect(memory.audit.map((a) => a.action)).toEqual(['kiosk.revoke']);
  });

  it('keeps a heartbeat, tells the consoles, and answers the village central holds for the kiosk', async () => {
    const memory = memoryFleet([kiosk('0001', '452123100001')]);
    expect(await memory.fleet.heartbeat(kiosk('0001', '452123101001'), beat())).toEqual({ villageCode: '452123101001' });
    expect(memory.events.heard).toEqual(['0001']);
    expect(await memory.fleet.history('0001', 1)).toEqual([
      { state: 'offline', from: '2026-11-26T01:00:00.000Z', to: '2026-11-26T02:00:00.000Z' },
    ]);
  });
});
