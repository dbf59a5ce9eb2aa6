import {
  DEFAULT_COMPLAINT_CATEGORIES,
  type AgentEnrolment,
  type AgentTicket,
  type ComplaintCategory,
  type ComplaintCreated,
  type CreateComplaint,
  type OpenTicketSummary,
  type PaymentsLookupResult,
} from '@sunshine/contracts';
import { createComplaintsRepository } from './complaints/outbox.repository';
import { createContentQueries } from './content/content.repository';
import type { Database } from './platform/database';
import { createKioskStateRepository } from './complaints/complaint-memory.repository';
import { submitComplaint } from './complaints/submit-complaint';
import { resolvePlace, type KioskPlace } from './place/kiosk-place';
import { mergeOpenTickets } from './complaints/open-tickets';
import { lookupPayments } from './payments/payments.service';
import { followTicket } from './complaints/follow-ticket';
import { createCentralApi, type CentralApi } from './sync/central-api';

export interface ServicesDeps {
  db: Database;
  enrolment: AgentEnrolment | null;
  centralUrl: string | undefined;
  /** `AGENT_VILLAGE_CODE`: wins over every village central names. */
  villageOverride: string | undefined;
  /** Called when a complaint was queued, so the forwarder starts at once. */
  onComplaintQueued(): void;
}

/** The agent's use cases, wired to its repositories and to central. */
export function createServices(deps: ServicesDeps) {
  const queries = createContentQueries(deps.db);
  const complaints = createComplaintsRepository(deps.db);
  const state = createKioskStateRepository(deps.db);
  const central: CentralApi | null =
    deps.enrolment && deps.centralUrl ? createCentralApi({ centralUrl: deps.centralUrl, token: deps.enrolment.token }) : null;
  const unreachable = () => Promise.reject(new Error('kiosk is not enrolled'));
  const categoriesNow = () => state.cachedCategories() ?? DEFAULT_COMPLAINT_CATEGORIES;

  return {
    queries,
    complaints,
    central,
    /** Read on every call: a move central announces in a heartbeat answer shows at once. */
    place: (): KioskPlace =>
      resolvePlace(
        { override: deps.villageOverride, fromHeartbeat: state.centralVillageCode(), fromEnrolment: deps.enrolment?.villageCode },
        queries.village,
        queries.firstVillage,
      ),
    /** Keeps the village central named in a heartbeat answer, so it survives a restart while offline. */
    rememberCentralVillage: (villageCode: string | null) => state.saveCentralVillageCode(villageCode),

    lookupPayments(idNumber: string): PaymentsLookupResult {
      return lookupPayments(
        {
          lookupKey: deps.enrolment?.lookupKey ?? '0'.repeat(64),
          paymentsByIdHash: queries.paymentsByIdHash,
          programName: (code) => queries.program(code)?.name ?? null,
          villageName: (code) => queries.village(code)?.name ?? null,
        },
        idNumber,
      );
    },

    /** Central's list when it answers (and remembered), else the last one known, else the defaults. */
    async complaintCategories(): Promise<ComplaintCategory[]> {
      try {
        if (!central) return categoriesNow();
        const fresh = await central.complaintCategories();
        state.saveCategories(fresh);
        return fresh;
      } catch {
        return categoriesNow();
      }
    },

    categoryName: (code: string): string | null => categoriesNow().find((c) => c.code === code)?.name ?? null,

    submitComplaint(input: CreateComplaint): ComplaintCreated {
      return submitComplaint(
        { kioskNumber: deps.enrolment?.kioskNumber ?? null, categories: categoriesNow, outbox: complaints, now: () => new Date(), onQueued: deps.onComplaintQueued },
        input,
      );
    },

    followTicket(ticketNumber: string, pin: string | undefined): Promise<AgentTicket> {
      return followTicket(
        {
          fromCentral: (n, p) => central?.getTicket(n, p) ?? unreachable(),
          own: complaints.get,
          seen: state.seenTicket,
          remember: (ticket) => state.saveSeenTicket(ticket, new Date()),
        },
        ticketNumber,
        pin,
      );
    },

    /** Open tickets about one item: central's, plus this kiosk's own it cannot list yet. */
    async openTickets(kind: string, id: string): Promise<OpenTicketSummary[]> {
      const fromCentral = central ? await central.openTickets(kind, id).catch(() => null) : null;
      return mergeOpenTickets(fromCentral, complaints.about(kind, id), (n) => state.seenTicket(n)?.status ?? null);
    },

    /** When the reply is due, as last heard from central; null before central has answered. */
    expectedReplyBy: (ticketNumber: string): string | null => state.seenTicket(ticketNumber)?.expectedReplyBy ?? null,
  };
}
export type Services = ReturnType<typeof createServices>;
