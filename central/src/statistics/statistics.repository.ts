import type { Db } from '../platform/database';

/** Read-only queries for statistics; heavier scans stream so memory stays flat. */
export function createStatsRepository(db: Db) {
  return {
    async *usageSince(from: string): AsyncGenerator<{ kioskNumber: string; usage: Record<string, number> }> {
      const query = db.selectFrom('heartbeats').select(['kiosk_number', 'usage']).where('received_at', '>=', from);
      for await (const r of query.stream(2000)) yield { kioskNumber: r.kiosk_number, usage: JSON.parse(r.usage) };
    },

    async livePrograms(): Promise<{ code: string; name: string; department: string }[]> {
      const rows = await db.selectFrom('content_records').select('data').where('table_name', '=', 'programs').where('deleted', '=', 0).execute();
      return rows.map((r) => JSON.parse(r.data));
    },

    /** Live payments per programme for one period (`YYYY-MM`, or `YYYY` for the whole year). */
    async paymentCountsByProgram(period: string): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      const query = db.selectFrom('content_records').select('data').where('table_name', '=', 'payments').where('deleted', '=', 0);
      for await (const r of query.stream(5000)) {
        const p: { programCode: string; period: string } = JSON.parse(r.data);
        if (p.period === period || p.period.startsWith(`${period}-`)) counts.set(p.programCode, (counts.get(p.programCode) ?? 0) + 1);
      }
      return counts;
    },

  };
}
export type StatsRepository = ReturnType<typeof createStatsRepository>;
