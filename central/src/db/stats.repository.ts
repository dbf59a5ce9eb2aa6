import type { ComplaintSubject } from '@sunshine/contracts';
import type { Db } from './database';

/** Where each kind of complaint subject is published. */
const SUBJECT_TABLES = { payment: 'payments', project: 'projects', finance_line: 'financeLines', notice: 'notices' } as const satisfies Record<ComplaintSubject['kind'], string>;
// SQLite allows 32766 bound parameters; 500 ids a query stays far below.
const BATCH = 500;

export const subjectKey = (subject: { kind: string; id: string }) => `${subject.kind}/${subject.id}`;

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

    /**
     * Where each ticket subject is (`kind/id` → its village code, or a notice's or project's
     * scope code), in one query per table. Subjects that are gone or carry no place are left out.
     */
    async subjectPlaces(subjects: readonly { kind: string; id: string }[]): Promise<Map<string, string>> {
      const places = new Map<string, string>();
      for (const [kind, table] of Object.entries(SUBJECT_TABLES)) {
        const ids = [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.id))];
        for (let i = 0; i < ids.length; i += BATCH) {
          const rows = await db.selectFrom('content_records').select(['id', 'data']).where('table_name', '=', table).where('id', 'in', ids.slice(i, i + BATCH)).execute();
          for (const r of rows) {
            const data: { villageCode?: string; scopeCode?: string } = JSON.parse(r.data);
            const place = data.villageCode ?? data.scopeCode;
            if (place) places.set(subjectKey({ kind, id: r.id }), place);
          }
        }
      }
      return places;
    },
  };
}
export type StatsRepository = ReturnType<typeof createStatsRepository>;
