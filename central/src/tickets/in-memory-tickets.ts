import type { TicketStatus } from '@sunshine/contracts';
import type { TicketEvent } from './ticket-events';
import type { AuditedTicketAction, RecordingStore, SubjectPlaces, TicketAuditNote, TicketFilter, TicketRecord, TicketStore } from './tickets.ports';

/**
 * The ticket store's twin in memory, for use-case tests: it keeps tickets and events as the
 * repository does and counts the reads, so a test can see a page read its events at once.
 */
export function createInMemoryTickets(): TicketStore & { reads: { listEvents: number; listEventsOf: number } } {
  const tickets = new Map<string, TicketRecord>();
  const events = new Map<string, TicketEvent[]>();
  const reads = { listEvents: 0, listEventsOf: 0 };
  const matches = (t: TicketRecord, f: TicketFilter) =>
    (!f.status?.length || f.status.includes(t.status)) && (!f.handlingUnit || t.handlingUnit === f.handlingUnit) && (!f.category || t.category === f.category);
  const newestFirst = (a: TicketRecord, b: TicketRecord) => b.receivedAt.localeCompare(a.receivedAt) || a.ticketNumber.localeCompare(b.ticketNumber);
  return {
    reads,
    async find(ticketNumber) {
      const ticket = tickets.get(ticketNumber);
      return ticket ? { ...ticket } : null;
    },
    async listEvents(ticketNumber) {
      reads.listEvents++;
      return [...(events.get(ticketNumber) ?? [])];
    },
    async listEventsOf(ticketNumbers) {
      reads.listEventsOf++;
      return new Map(ticketNumbers.flatMap((n) => (events.has(n) ? [[n, [...(events.get(n) ?? [])]] as const] : [])));
    },
    async listBySubject(kind, id, statuses, limit) {
      const about = [...tickets.values()].filter((t) => t.subject?.kind === kind && t.subject.id === id && statuses.includes(t.status));
      return about.sort(newestFirst).slice(0, limit);
    },
    async list(filter, page) {
      const found = [...tickets.values()].filter((t) => matches(t, filter)).sort(newestFirst);
      return { items: found.slice(page.offset, page.offset + page.limit), total: found.length };
    },
    async insertIfNew(ticket, first) {
      if (tickets.has(ticket.ticketNumber)) return false;
      tickets.set(ticket.ticketNumber, { ...ticket });
      events.set(ticket.ticketNumber, [...first]);
      return true;
    },
    async append(ticketNumber, expected: TicketStatus, more, change) {
      const ticket = tickets.get(ticketNumber);
      if (!ticket || ticket.status !== expected) return false;
      tickets.set(ticketNumber, { ...ticket, status: change.status ?? expected, handlingUnit: change.handlingUnit ?? ticket.handlingUnit });
      events.set(ticketNumber, [...(events.get(ticketNumber) ?? []), ...more]);
      return true;
    },
    async lastSequence(kioskNumber) {
      const sequences = [...tickets.keys()].filter((n) => n.startsWith(kioskNumber)).map((n) => Number(n.slice(4, 11)));
      return Math.max(0, ...sequences);
    },
  };
}

/** A unit of work over the twin: no transaction to undo, but the audit notes of actions that finished, in order. */
export function createInMemoryAudited(store: TicketStore, places: SubjectPlaces = { subjectPlace: async () => null }) {
  const notes: TicketAuditNote[] = [];
  const audited: AuditedTicketAction = async (fn, note) => {
    const result = await fn({ tickets: store, places });
    notes.push(note(result));
    return result;
  };
  return { audited, notes };
}

/** Recordings kept by a made-up address in memory. */
export function createInMemoryRecordings(): RecordingStore {
  const blobs = new Map<string, Buffer>();
  return {
    async put(bytes) {
      const address = `sha-${blobs.size + 1}`;
      blobs.set(address, bytes);
      return address;
    },
    async get(address) {
      return blobs.get(address) ?? null;
    },
  };
}
