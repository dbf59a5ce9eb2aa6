import { describe, expect, it } from 'vitest';
import type { StoredHeartbeat } from './fleet.ports';
import { fleetAlerts, isOnline, onlineSpans } from './fleet';

const beat = (overrides: Partial<StoredHeartbeat> = {}): StoredHeartbeat => ({
  kioskNumber: '0001',
  receivedAt: '2026-11-26T02:00:00Z',
  sentAt: '2026-11-26T02:00:00Z',
  dataVersion: 1,
  outboxPending: 0,
  printer: { state: 'ready' },
  uptimeSeconds: 1,
  diskFreeBytes: 10e9,
  lastSyncError: null,
  usage: {},
  ...overrides,
});
const hours = { from: 8, to: 18 };

describe('fleet status', () => {
  it('is offline after two silent minutes and online again at the next heartbeat', () => {
    const now = new Date('2026-11-26T02:10:00Z');
    expect(isOnline('2026-11-26T02:07:00Z', now, false)).toBe(false);
    expect(isOnline('2026-11-26T02:09:40Z', now, false)).toBe(true);
    expect(isOnline(null, now, true)).toBe(true);
  });

  it('raises paper, disk and repeated-failure alerts from the latest heartbeats', () => {
    const failing = beat({ printer: { state: 'paper_low' }, diskFreeBytes: 5e8, lastSyncError: 'sha256 mismatch' });
    const kinds = fleetAlerts([failing, failing, failing], true, new Date('2026-11-26T02:00:00Z'), hours).map((a) => a.kind);
    expect(kinds).toEqual(['paper_low', 'disk_nearly_full', 'repeated_sync_failures']);
    expect(fleetAlerts([failing, beat()], true, new Date(), hours).map((a) => a.kind)).not.toContain('repeated_sync_failures');
  });

  it('warns of an offline kiosk only in opening hours (county time)', () => {
    expect(fleetAlerts([], false, new Date('2026-11-26T02:00:00Z'), hours).map((a) => a.kind)).toEqual(['offline_in_opening_hours']); // 10:00
    expect(fleetAlerts([], false, new Date('2026-11-26T14:00:00Z'), hours)).toEqual([]); // 22:00
  });

  it('turns heartbeat arrival times into online and offline spans', () => {
    const received = ['2026-11-26T02:00:00Z', '2026-11-26T02:00:30Z', '2026-11-26T02:10:00Z'];
    const spans = onlineSpans(received, new Date('2026-11-26T01:59:00Z'), new Date('2026-11-26T02:10:20Z'));
    expect(spans.map((s) => [s.state, s.from.slice(11, 19), s.to.slice(11, 19)])).toEqual([
      ['offline', '01:59:00', '02:00:00'],
      ['online', '02:00:00', '02:00:30'],
      ['offline', '02:00:30', '02:10:00'],
      ['online', '02:10:00', '02:10:20'],
    ]);
  });
});
