import {
  DEFAULT_COMPLAINT_CATEGORIES,
  normalizeTicketNumber,
  type AgentTicket,
  type ComplaintCategory,
  type ComplaintCreated,
  type CreateComplaint,
  type OpenTicketSummary,
  type PublicTicket,
} from '@sunshine/contracts';
import type { ComplaintReceiptSource } from '../printing/printing.service';
import { followTicket, type CentralTicket } from './follow-ticket';
import { mergeOpenTickets, type OwnAboutSubject } from './open-tickets';
import { submitComplaint, type ComplaintOutbox } from './submit-complaint';

export type OutboxState = 'pending' | 'delivered' | 'failed';

/** What the kiosk keeps of its own complaint after delivery: enough for a receipt and follow-up. */
export interface OwnComplaint {
  ticketNumber: string;
  pin: string;
  category: string;
  submittedAt: string;
  state: OutboxState;
  lastError: string | null;
}

/** This kiosk's own complaints: numbered and stored in one transaction, kept after delivery. */
export interface Outbox extends ComplaintOutbox {
  get(ticketNumber: string): OwnComplaint | null;
  /** Its own complaints about one subject, newest first. */
  about(kind: string, id: string): OwnAboutSubject[];
  counts(): Record<OutboxState, number>;
}

/** What the kiosk remembers from central: the categories, and the tickets it has looked up. */
export interface ComplaintMemory {
  cachedCategories(): ComplaintCategory[] | null;
  saveCategories(categories: ComplaintCategory[]): void;
  seenTicket(ticketNumber: string): PublicTicket | null;
  /** The tickets among `ticketNumbers` it has heard of, in one read. */
  seenTickets(ticketNumbers: string[]): Map<string, PublicTicket>;
  saveSeenTicket(ticket: PublicTicket, at: Date): void;
}

/** Central's kiosk API as complaints need it; each call throws when central cannot be reached. */
export interface CentralComplaints {
  getTicket(ticketNumber: string, pin: string | undefined): Promise<CentralTicket>;
  openTickets(kind: string, id: string): Promise<OpenTicketSummary[]>;
  complaintCategories(): Promise<ComplaintCategory[]>;
}

export interface ComplaintsDeps {
  kioskNumber: string | null;
  outbox: Outbox;
  memory: ComplaintMemory;
  /** Null on a kiosk that is not enrolled. */
  central: CentralComplaints | null;
  now(): Date;
  /** Kicks the forwarder; delivery happens after the villager already has the number. */
  onQueued(): void;
}

/** 我要反映 and 查进度: the complaint outbox, follow-up, and what central last said. */
export function createComplaintsService(deps: ComplaintsDeps) {
  const { outbox, memory, central } = deps;
  const categoriesNow = () => memory.cachedCategories() ?? DEFAULT_COMPLAINT_CATEGORIES;
  const unreachable = () => Promise.reject(new Error('kiosk is not enrolled'));

  const follow = (ticketNumber: string, pin: string | undefined): Promise<AgentTicket> =>
    followTicket(
      {
        fromCentral: (n, p) => central?.getTicket(n, p) ?? unreachable(),
        own: outbox.get,
        seen: memory.seenTicket,
        remember: (ticket) => memory.saveSeenTicket(ticket, deps.now()),
      },
      ticketNumber,
      pin,
    );

  /**
   * The reply-by date as central set it. Central alone can say it: it counts working days from
   * the day IT received the complaint, on the county's holiday calendar and the category's
   * days (both of which an admin may change), so a date worked out on the kiosk would disagree
   * with 查进度 exactly when it matters. A delivered complaint central has not told this kiosk
   * about yet is asked for once (bounded by the interactive timeout); the answer is remembered
   * for 查进度 offline. Not yet delivered: no date exists yet.
   */
  async function centralReplyBy(own: OwnComplaint): Promise<string | null> {
    const known = memory.seenTicket(own.ticketNumber)?.expectedReplyBy ?? null;
    if (known !== null || own.state !== 'delivered') return known;
    const ticket = await follow(own.ticketNumber, undefined).catch(() => null);
    return ticket?.source === 'central' ? ticket.expectedReplyBy : null;
  }

  return {
    /** Central's list when it answers (and remembered), else the last one known, else the defaults. */
    async categories(): Promise<ComplaintCategory[]> {
      try {
        if (!central) return categoriesNow();
        const fresh = await central.complaintCategories();
        memory.saveCategories(fresh);
        return fresh;
      } catch {
        return categoriesNow();
      }
    },
    submit: (input: CreateComplaint): ComplaintCreated =>
      submitComplaint({ kioskNumber: deps.kioskNumber, categories: categoriesNow, outbox, now: deps.now, onQueued: deps.onQueued }, input),
    follow,
    /** Open tickets about one item: central's, plus this kiosk's own it cannot list yet. */
    async openTickets(kind: string, id: string): Promise<OpenTicketSummary[]> {
      const fromCentral = central ? await central.openTickets(kind, id).catch(() => null) : null;
      const own = outbox.about(kind, id);
      const seen = memory.seenTickets(own.map((o) => o.ticketNumber));
      return mergeOpenTickets(fromCentral, own, (n) => seen.get(n)?.status ?? null);
    },
    /** This kiosk's own complaint as its receipt tells it; null for a ticket it does not hold. */
    async receipt(ticketNumber: string): Promise<ComplaintReceiptSource | null> {
      const own = outbox.get(normalizeTicketNumber(ticketNumber));
      if (!own) return null;
      return {
        ticketNumber: own.ticketNumber,
        pin: own.pin,
        categoryName: categoriesNow().find((c) => c.code === own.category)?.name ?? own.category,
        submittedAt: own.submittedAt,
        expectedReplyBy: await centralReplyBy(own),
        isPendingDelivery: own.state === 'pending',
      };
    },
    /** How many of this kiosk's complaints wait, were delivered, or were refused. */
    counts: () => outbox.counts(),
  };
}
export type ComplaintsService = ReturnType<typeof createComplaintsService>;
