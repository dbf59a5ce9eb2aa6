import type { TicketStatus } from '@sunshine/contracts';
import type { TicketEvent } from './ticket-events';

// What the ticket use cases need from the world, declared here so that they import no
// database, Express or file code: the repository, the audio store, the limiters and
// central's unit of work satisfy these by shape, and tests may hand in twins.

export interface TicketRecord {
  ticketNumber: string;
  kioskNumber: string;
  category: string;
  text: string | null;
  audioSha256: string | null;
  audioMime: string | null;
  audioSeconds: number | null;
  contactSealed: string | null;
  pinHash: string;
  subject: { kind: string; id: string; title: string | null } | null;
  relatedTicketNumber: string | null;
  submittedAt: string;
  receivedAt: string;
  status: TicketStatus;
  handlingUnit: string | null;
  /** Where it was made, fixed at intake (`complaintPlace`): a village's code, or a town's; null when unknown. */
  placeCode: string | null;
}

export interface TicketFilter {
  status?: readonly TicketStatus[];
  handlingUnit?: string;
  category?: string;
}

/** Tickets and their event logs (`tickets.repository`). */
export interface TicketStore {
  find(ticketNumber: string): Promise<TicketRecord | null>;
  /** One ticket's events, oldest first. */
  listEvents(ticketNumber: string): Promise<TicketEvent[]>;
  /** The events of many tickets at once, oldest first; a ticket without events is absent. */
  listEventsOf(ticketNumbers: readonly string[]): Promise<Map<string, TicketEvent[]>>;
  listBySubject(kind: string, id: string, statuses: readonly TicketStatus[], limit: number): Promise<TicketRecord[]>;
  /** Newest received first. */
  list(filter: TicketFilter, page: { limit: number; offset: number }): Promise<{ items: TicketRecord[]; total: number }>;
  /** Inserts the ticket with its first events unless its number exists; false for a replay. */
  insertIfNew(ticket: TicketRecord, events: TicketEvent[]): Promise<boolean>;
  /** Appends events and moves status/unit, only while the ticket is still `expected`; false otherwise. */
  append(ticketNumber: string, expected: TicketStatus, events: TicketEvent[], change: { status?: TicketStatus; handlingUnit?: string }): Promise<boolean>;
  /** The highest sequence used so far by tickets with this kiosk number. */
  lastSequence(kioskNumber: string): Promise<number>;
}

/** Where a complaint's subject is (`fleet/places.repository`). */
export interface SubjectPlaces {
  subjectPlace(subject: { kind: string; id: string }): Promise<string | null>;
}

/** Content-addressed voice recordings (`platform/blob.store`). */
export interface RecordingStore {
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | null>;
}

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A count of hits per key in a window (`tickets/rate-limit`). */
export interface RateLimit {
  /** Counts one hit; refused once the key is past its limit. */
  take(key: string): Promise<LimitVerdict>;
  /** Whether the key is already past its limit, without counting a hit. */
  check(key: string): Promise<LimitVerdict>;
}

/** The stores a staff action changes, bound to one transaction. */
export interface TicketTx {
  tickets: TicketStore;
  places: SubjectPlaces;
}

export interface TicketAuditNote {
  actor: string;
  action: string;
  target: string | null;
  details?: unknown;
}

/**
 * Central's unit of work (`platform/unit-of-work` `audited`): runs `fn` in one transaction
 * and appends `note(result)` to the audit log last in it, or neither.
 */
export type AuditedTicketAction = <T>(fn: (tx: TicketTx) => Promise<T>, note: (result: T) => TicketAuditNote) => Promise<T>;

/** Tells open consoles that a ticket changed (`staff/staff-socket`). */
export interface TicketAnnouncer {
  'ticket:changed'(change: { ticketNumber: string; status: TicketStatus }): void;
}
