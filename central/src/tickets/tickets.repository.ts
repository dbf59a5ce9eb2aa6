import { TicketStatus } from '@sunshine/contracts';
import { TicketEventKind, type TicketEvent } from './ticket-events';
import type { Db } from '../platform/database';
import { inTransaction } from '../platform/transaction';
import type { TicketEventTable, TicketTable } from '../platform/schema';
import type { TicketFilter, TicketRecord, TicketStore } from './tickets.ports';

// Ticket numbers per `IN (...)`: well under SQLite's and PostgreSQL's bound on parameters.
const NUMBERS_PER_QUERY = 1000;

function toTicket(row: TicketTable): TicketRecord {
  return {
    ticketNumber: row.ticket_number,
    kioskNumber: row.kiosk_number,
    category: row.category,
    text: row.text,
    audioSha256: row.audio_sha256,
    audioMime: row.audio_mime,
    audioSeconds: row.audio_seconds,
    contactSealed: row.contact_sealed,
    pinHash: row.pin_hash,
    subject: row.subject_kind && row.subject_id ? { kind: row.subject_kind, id: row.subject_id, title: row.subject_title } : null,
    relatedTicketNumber: row.related_ticket_number,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    status: TicketStatus.parse(row.status),
    handlingUnit: row.handling_unit,
    placeCode: row.place_code,
  };
}

function toRow(t: TicketRecord): TicketTable {
  return {
    ticket_number: t.ticketNumber,
    kiosk_number: t.kioskNumber,
    category: t.category,
    text: t.text,
    audio_sha256: t.audioSha256,
    audio_mime: t.audioMime,
    audio_seconds: t.audioSeconds,
    contact_sealed: t.contactSealed,
    pin_hash: t.pinHash,
    subject_kind: t.subject?.kind ?? null,
    subject_id: t.subject?.id ?? null,
    subject_title: t.subject?.title ?? null,
    related_ticket_number: t.relatedTicketNumber,
    submitted_at: t.submittedAt,
    received_at: t.receivedAt,
    status: t.status,
    handling_unit: t.handlingUnit,
    place_code: t.placeCode,
  };
}

function toEvent(row: Omit<TicketEventTable, 'id'>): TicketEvent {
  return {
    at: row.at,
    actor: row.actor,
    kind: TicketEventKind.parse(row.kind),
    status: row.status === null ? null : TicketStatus.parse(row.status),
    publicNote: row.public_note,
    internalNote: row.internal_note,
    handlingUnit: row.handling_unit,
  };
}

const eventRow = (ticketNumber: string, e: TicketEvent) => ({
  ticket_number: ticketNumber,
  at: e.at,
  actor: e.actor,
  kind: e.kind,
  status: e.status,
  public_note: e.publicNote,
  internal_note: e.internalNote,
  handling_unit: e.handlingUnit,
});

/** Owns tickets and their event log. */
export function createTicketRepository(db: Db) {
  const repository = {
    /**
     * Inserts the ticket and its first events unless the ticket number exists, in one
     * transaction; false for a replay. Concurrent duplicates meet the primary key: one wins.
     */
    async insertIfNew(ticket: TicketRecord, events: TicketEvent[]): Promise<boolean> {
      return inTransaction(db, async (trx) => {
        const inserted = await trx
          .insertInto('tickets')
          .values(toRow(ticket))
          .onConflict((oc) => oc.column('ticket_number').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
        if (events.length > 0) await trx.insertInto('ticket_events').values(events.map((e) => eventRow(ticket.ticketNumber, e))).execute();
        return true;
      });
    },

    async find(ticketNumber: string): Promise<TicketRecord | null> {
      const row = await db.selectFrom('tickets').selectAll().where('ticket_number', '=', ticketNumber).executeTakeFirst();
      return row ? toTicket(row) : null;
    },

    async listEvents(ticketNumber: string): Promise<TicketEvent[]> {
      const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_number', '=', ticketNumber).orderBy('id').execute();
      return rows.map(toEvent);
    },

    /** A page's events in one query (a thousand tickets per query beyond that), not one per ticket. */
    async listEventsOf(ticketNumbers: readonly string[]): Promise<Map<string, TicketEvent[]>> {
      const byTicket = new Map<string, TicketEvent[]>();
      for (let i = 0; i < ticketNumbers.length; i += NUMBERS_PER_QUERY) {
        const numbers = ticketNumbers.slice(i, i + NUMBERS_PER_QUERY);
        const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_number', 'in', numbers).orderBy('ticket_number').orderBy('id').execute();
        for (const row of rows) {
          const events = byTicket.get(row.ticket_number) ?? [];
          if (events.length === 0) byTicket.set(row.ticket_number, events);
          events.push(toEvent(row));
        }
      }
      return byTicket;
    },

    async listBySubject(kind: string, id: string, statuses: readonly TicketStatus[], limit: number): Promise<TicketRecord[]> {
      const rows = await db
        .selectFrom('tickets')
        .selectAll()
        .where('subject_kind', '=', kind)
        .where('subject_id', '=', id)
        .where('status', 'in', [...statuses])
        .orderBy('received_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toTicket);
    },

    async list(filter: TicketFilter, page: { limit: number; offset: number }): Promise<{ items: TicketRecord[]; total: number }> {
      let query = db.selectFrom('tickets');
      if (filter.status?.length) query = query.where('status', 'in', [...filter.status]);
      if (filter.handlingUnit) query = query.where('handling_unit', '=', filter.handlingUnit);
      if (filter.category) query = query.where('category', '=', filter.category);
      const count = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
      const rows = await query.selectAll().orderBy('received_at', 'desc').orderBy('ticket_number').limit(page.limit).offset(page.offset).execute();
      return { items: rows.map(toTicket), total: Number(count?.n ?? 0) };
    },

    /** Appends events and moves the ticket's status/unit in one transaction, guarded by the expected status. */
    async append(ticketNumber: string, expected: TicketStatus, events: TicketEvent[], change: { status?: TicketStatus; handlingUnit?: string }): Promise<boolean> {
      return inTransaction(db, async (trx) => {
        const updated = await trx
          .updateTable('tickets')
          .set({ status: change.status ?? expected, ...(change.handlingUnit ? { handling_unit: change.handlingUnit } : {}) })
          .where('ticket_number', '=', ticketNumber)
          .where('status', '=', expected)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
        if (events.length > 0) await trx.insertInto('ticket_events').values(events.map((e) => eventRow(ticketNumber, e))).execute();
        return true;
      });
    },

    /** The highest sequence used so far by tickets with this kiosk number. */
    async lastSequence(kioskNumber: string): Promise<number> {
      const row = await db
        .selectFrom('tickets')
        .select('ticket_number')
        .where('kiosk_number', '=', kioskNumber)
        .orderBy('ticket_number', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? Number(row.ticket_number.slice(4, 11)) : 0;
    },
  };
  return repository satisfies TicketStore;
}
export type TicketRepository = ReturnType<typeof createTicketRepository>;
