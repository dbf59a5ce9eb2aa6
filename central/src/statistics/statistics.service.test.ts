import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../tickets/ticket-events';
import { complaintStats, deadlineStats, progressStats, usageStats, type StatisticsReader, type TicketLog } from './statistics.service';

const received = (at: string): TicketEvent => ({ at, actor: 'kiosk:0001', kind: 'status', status: 'received', publicNote: null, internalNote: null, handlingUnit: null });
const replied = (at: string): TicketEvent => ({ ...received(at), actor: 'admin', status: 'replied' });

/** The store's statistics as plain lists: what the repository answers, without SQL. */
function memoryStats(data: { logs?: TicketLog[]; beats?: { receivedAt: string; kioskNumber: string; usage: Record<string, number> }[] } = {}): StatisticsReader & { logScans: number } {
  const stats = {
    logScans: 0,
    async complaintCounts() {
      return {
        byCategory: [
          { key: 'subsidy', count: 2 },
          { key: 'finance', count: 2 },
        ],
        byStatus: [{ key: 'received', count: 4 }],
        byPlace: [
          { placeCode: '452123100201', count: 1 },
          { placeCode: '452123100202', count: 1 },
          { placeCode: '452123101', count: 1 },
          { placeCode: null, count: 1 },
        ],
        byKiosk: [{ key: '0001', count: 4 }],
      };
    },
    async *ticketLogs() {
      stats.logScans++;
      yield* data.logs ?? [];
    },
    async *usageSince(from: string) {
      for (const b of data.beats ?? []) if (b.receivedAt >= from) yield b;
    },
    async livePrograms() {
      return [{ code: 'dibao', name: '低保', department: '民政' }];
    },
    async paymentCountsByProgram(period: string) {
      return new Map(period === '2026-10' ? [['dibao', 3]] : []);
    },
  };
  return stats;
}

describe('statistics use cases', () => {
  it('counts complaints under the town of the place kept at intake, largest first', async () => {
    const body = await complaintStats({ stats: memoryStats() });
    expect(body.total).toBe(4);
    expect(body.byCategory).toEqual([
      { key: 'finance', count: 2 },
      { key: 'subsidy', count: 2 },
    ]);
    expect(body.byTown).toEqual([
      { key: '452123100', count: 2 },
      { key: '452123101', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
  });

  it('computes each ticket’s deadlines once from its log, in one scan of the store, overall and by category in code order', async () => {
    const logs: TicketLog[] = [
      { category: 'subsidy', status: 'replied', events: [received('2026-11-02T01:00:00Z'), replied('2026-11-03T01:00:00Z')] },
      { category: 'subsidy', status: 'received', events: [received('2026-10-01T01:00:00Z')] },
      { category: 'conduct', status: 'received', events: [] },
    ];
    const seen: string[] = [];
    const stats = memoryStats({ logs });
    const body = await deadlineStats({
      stats,
      deadlinesOf: (ticket, events) => {
        seen.push(`${ticket.category}:${events.length}`);
        const repliedAt = events.find((e) => e.status === 'replied')?.at ?? null;
        return { repliedAt, isReplyLate: repliedAt === null && events.length > 0 };
      },
    });
    expect(stats.logScans).toBe(1);
    expect(seen).toEqual(['subsidy:2', 'subsidy:1', 'conduct:0']);
    expect(body.overall).toEqual({ answered: 1, answeredOnTime: 1, answeredLate: 0, openOnTime: 1, openLate: 1, onTimeRate: 1 });
    expect(body.byCategory.map((c) => [c.category, c.answered, c.openLate])).toEqual([
      ['conduct', 0, 0],
      ['subsidy', 1, 1],
    ]);
  });

  it('adds up the usage of the heartbeats received in the last days only', async () => {
    const beats = [
      { receivedAt: '2026-11-25T00:00:00.000Z', kioskNumber: '0001', usage: { home: 2 } },
      { receivedAt: '2026-10-01T00:00:00.000Z', kioskNumber: '0002', usage: { home: 9 } },
    ];
    const body = await usageStats({ stats: memoryStats({ beats }), now: () => new Date('2026-11-26T00:00:00.000Z') }, 7);
    expect(body).toEqual({ days: 7, byScreen: [{ key: 'home', count: 2 }], byKiosk: [{ key: '0001', count: 2 }] });
  });

  it('marks a programme without payments for the period as missing', async () => {
    expect(await progressStats({ stats: memoryStats() }, '2026-10')).toMatchObject({ missing: 0, programs: [{ programCode: 'dibao', payments: 3, isMissing: false }] });
    expect(await progressStats({ stats: memoryStats() }, '2026-11')).toMatchObject({ missing: 1, programs: [{ programCode: 'dibao', payments: 0, isMissing: true }] });
  });
});
