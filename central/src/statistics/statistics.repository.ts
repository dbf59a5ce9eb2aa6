import { TicketStatus } from '@sunshine/contracts';
import type { Db } from '../platform/database';
import { TicketEventKind, type TicketEvent } from '../tickets/ticket-events';
import type { ComplaintCounts, StatisticsReader, TicketLog } from './statistics.service';

/** A row of the tickets ⟕ events scan; the event's columns are null for a ticket without events. */
interface TicketLogRow {
  ticket_number: string;
  category: string;
  ticket_status: string;
  at: string | null;
  actor: string | null;
  kind: string | null;
  event_status: string | null;
  public_note: string | null;
  internal_note: string | null;
  handling_unit: string | null;
}

function toEvent(row: TicketLogRow): TicketEvent | null {
  if (row.at === null || row.actor === null || row.kind === null) return null;
  return {
    at: row.at,
    actor: row.actor,
    kind: TicketEventKind.parse(row.kind),
    status: row.event_status === null ? null : TicketStatus.parse(row.event_status),
    publicNote: row.public_note,
    internalNote: row.internal_note,
    handlingUnit: row.handling_unit,
  };
}

const toCount = (n: number | string | bigint) => Number(n);

/** Read-only queries for statistics: counts are grouped in SQL, and long scans stream so memory stays flat. */
export function createStatisticsRepository(db: Db): StatisticsReader {
  const countsBy = async (column: 'category' | 'status' | 'kiosk_number') => {
    const rows = await db.selectFrom('tickets').select([column, (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy(column).execute();
    return rows.map((r) => ({ key: r[column], count: toCount(r.n) }));
  };
  return {
    async complaintCounts(): Promise<ComplaintCounts> {
      const places = await db.selectFrom('tickets').select(['place_code', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('place_code').execute();
      return {
        byCategory: await countsBy('category'),
        byStatus: await countsBy('status'),
        byPlace: places.map((r) => ({ placeCode: r.place_code, count: toCount(r.n) })),
        byKiosk: await countsBy('kiosk_number'),
      };
    },

    async *ticketLogs(): AsyncGenerator<TicketLog> {
      const query = db
        .selectFrom('tickets')
        .leftJoin('ticket_events', 'ticket_events.ticket_number', 'tickets.ticket_number')
        .select(['tickets.ticket_number', 'tickets.category', 'tickets.status as ticket_status', 'ticket_events.at', 'ticket_events.actor', 'ticket_events.kind'])
        .select(['ticket_events.status as event_status', 'ticket_events.public_note', 'ticket_events.internal_note', 'ticket_events.handling_unit'])
        .orderBy('tickets.ticket_number')
        .orderBy('ticket_events.id');
      // Rows come ticket by ticket (ordered by number, then event): a ticket is whole when the number changes.
      let ticketNumber: string | null = null;
      let log: TicketLog = { category: '', status: 'received', events: [] };
      for await (const row of query.stream(2000)) {
        if (row.ticket_number !== ticketNumber) {
          if (ticketNumber !== null) yield log;
          ticketNumber = row.ticket_number;
          log = { category: row.category, status: TicketStatus.parse(row.ticket_status), events: [] };
        }
        const event = toEvent(row);
        if (event) log.events.push(event);
      }
      if (ticketNumber !== null) yield log;
    },

    async *usageSince(from: string): AsyncGenerator<{ kioskNumber: string; usage: Record<string, number> }> {
      const query = db.selectFrom('heartbeats').select(['kiosk_number', 'usage']).where('received_at', '>=', from);
      for await (const r of query.stream(2000)) yield { kioskNumber: r.kiosk_number, usage: JSON.parse(r.usage) };
    },

    async livePrograms(): Promise<{ code: string; name: string; department: string }[]> {
      const rows = await db.selectFrom('content_records').select('data').where('table_name', '=', 'programs').where('deleted', '=', 0).execute();
      return rows.map((r) => JSON.parse(r.data));
    },

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
