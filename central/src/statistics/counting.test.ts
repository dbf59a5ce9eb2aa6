import { describe, expect, it } from 'vitest';
import { complaintPlace, complaintTown, createComplianceTally, dataProgress, mergeCounts, sumUsage } from './counting';

describe('statistics', () => {
  it('lists counts largest first, ties by key', () => {
    expect(mergeCounts([{ key: 'a', count: 1 }, { key: 'c', count: 2 }, { key: 'b', count: 2 }])).toEqual([
      { key: 'b', count: 2 },
      { key: 'c', count: 2 },
      { key: 'a', count: 1 },
    ]);
  });

  it("places a complaint at its subject's village or town first, then its kiosk's village", () => {
    expect(complaintPlace('452123100201', '452123101001')).toBe('452123100201');
    expect(complaintPlace('452123101', '452123100201')).toBe('452123101');
    expect(complaintPlace('452123', '452123100201')).toBe('452123100201');
    expect(complaintPlace(null, '452123101001')).toBe('452123101001');
    expect(complaintPlace(null, undefined)).toBeNull();
    expect(complaintPlace('452123', null)).toBeNull();
  });

  it('counts a complaint under the town of its place', () => {
    expect(complaintTown('452123100201')).toBe('452123100');
    expect(complaintTown('452123101')).toBe('452123101');
    expect(complaintTown(null)).toBe('unknown');
  });

  it('merges counts that share a key, such as the villages of one town', () => {
    const byPlace = [
      { key: '452123100201', count: 2 },
      { key: '452123100202', count: 1 },
      { key: '452123101', count: 3 },
      { key: 'unknown', count: 1 },
    ];
    expect(mergeCounts(byPlace, (place) => place.slice(0, 9))).toEqual([
      { key: '452123100', count: 3 },
      { key: '452123101', count: 3 },
      { key: 'unknown', count: 1 },
    ]);
  });

  it('adds up usage by screen and by kiosk', async () => {
    const usage = await sumUsage([
      { kioskNumber: '0001', usage: { home: 3, payments: 1 } },
      { kioskNumber: '0002', usage: { home: 1 } },
    ]);
    expect(usage.byScreen).toEqual([
      { key: 'home', count: 4 },
      { key: 'payments', count: 1 },
    ]);
    expect(usage.byKiosk).toEqual([
      { key: '0001', count: 4 },
      { key: '0002', count: 1 },
    ]);
  });

  it('marks programmes with nothing published for the period as missing', () => {
    const rows = dataProgress([{ code: 'dibao', name: '低保', department: '民政' }, { code: 'gengdi', name: '耕地', department: '农业' }], new Map([['dibao', 12]]));
    expect(rows.map((r) => [r.programCode, r.isMissing])).toEqual([
      ['gengdi', true],
      ['dibao', false],
    ]);
  });

  it('counts answered tickets on time or late, and open ones by whether their reply date has passed', () => {
    const deadlines = [
      { repliedAt: '2026-11-20T08:00:00Z', isReplyLate: false },
      { repliedAt: '2026-11-27T08:00:00Z', isReplyLate: true },
      { repliedAt: '2026-11-21T08:00:00Z', isReplyLate: false },
      { repliedAt: null, isReplyLate: true },
      { repliedAt: null, isReplyLate: false },
    ];
    const tally = createComplianceTally();
    expect(tally.result().onTimeRate).toBeNull();
    for (const d of deadlines) tally.add(d);
    expect(tally.result()).toEqual({ answered: 3, answeredOnTime: 2, answeredLate: 1, openOnTime: 1, openLate: 1, onTimeRate: 2 / 3 });
  });
});
