import {
  ApiCallError,
  createApiClient,
  fleetApi,
  kioskApi,
  type ComplaintCategory,
  type ComplaintIntake,
  type Heartbeat,
  type HeartbeatAnswer,
  type OpenTicketSummary,
} from '@sunshine/contracts';
import type { CentralTicket } from '../complaints/follow-ticket';

/** Central could not be reached, or answered in a way worth retrying (5xx, 429, garbage). */
export class CentralUnreachable extends Error {
  override name = 'CentralUnreachable';
}

/**
 * Central answered 429: this kiosk is over its complaint rate. `retryAfterMs` is central's
 * `Retry-After` (seconds or an HTTP date), undefined when it sent none it could read.
 */
export class CentralRateLimited extends CentralUnreachable {
  override name = 'CentralRateLimited';
  constructor(readonly retryAfterMs: number | undefined) {
    super(`central is limiting this kiosk's complaints${retryAfterMs === undefined ? '' : `; retry in ${Math.ceil(retryAfterMs / 1000)} s`}`);
  }
}

export type DeliveryResult = { kind: 'accepted'; duplicate: boolean } | { kind: 'refused'; status: number; message: string };

export interface CentralApiOptions {
  centralUrl: string;
  token: string;
  /** For calls a villager waits on; delivery and heartbeats get longer. */
  interactiveTimeoutMs?: number;
  fetch?: typeof fetch;
}

// 401/403 are about this kiosk's credential, not the complaint: retried (with backoff)
// until staff fix the enrolment, never marked failed. No answer, or one that broke the contract, is retried too.
const isRetryable = (err: ApiCallError) => err.status === 0 || err.status >= 500 || [401, 403, 408].includes(err.status) || err.code === 'bad_response';

/** Central's kiosk API (`kioskApi` in contracts, bearer token), every answer checked with its contract. */
export function createCentralApi(options: CentralApiOptions) {
  const interactive = options.interactiveTimeoutMs ?? 2_500;
  const client = createApiClient({
    baseUrl: options.centralUrl.replace(/\/+$/, ''),
    fetch: options.fetch,
    headers: () => ({ authorization: `Bearer ${options.token}` }),
  });

  /** A failed call that says nothing about what was asked: central is, for now, out of reach. */
  const unreachable = (err: unknown, what: string): unknown => {
    if (!(err instanceof ApiCallError)) return err;
    return new CentralUnreachable(err.status === 0 ? `central unreachable for ${what}: ${err.message}` : `central answered ${err.status} (${err.code}) to ${what}`);
  };

  return {
    /**
     * 201 new, 200 replay: both mean central holds it. 429 throws `CentralRateLimited` with
     * central's wait; another 4xx (400, 413, 422…) is final for it.
     */
    async deliverComplaint(intake: ComplaintIntake): Promise<DeliveryResult> {
      try {
        const ack = await client.call(kioskApi.deliverComplaint, { body: intake }, { timeoutMs: 60_000 });
        return { kind: 'accepted', duplicate: ack.duplicate };
      } catch (err) {
        if (!(err instanceof ApiCallError)) throw err;
        // 201 new, 200 replay: central holds it, even if this agent cannot read the rest of the answer.
        if (err.code === 'bad_response' && (err.status === 200 || err.status === 201)) return { kind: 'accepted', duplicate: err.status === 200 };
        if (err.status === 429) throw new CentralRateLimited(err.retryAfterMs);
        if (isRetryable(err)) throw unreachable(err, 'a complaint');
        return { kind: 'refused', status: err.status, message: `${err.code}: ${err.message}` };
      }
    },

    async getTicket(ticketNumber: string, pin: string | undefined): Promise<CentralTicket> {
      const input = { params: { ticketNumber }, query: pin === undefined ? {} : { pin } };
      try {
        return { kind: 'found', ticket: await client.call(kioskApi.getTicket, input, { timeoutMs: interactive }) };
      } catch (err) {
        if (!(err instanceof ApiCallError)) throw err;
        switch (err.code) {
          // `not_found` and `rate_limited` are what centrals before `unknown_ticket` and `pin_locked` answered.
          case 'unknown_ticket':
          case 'not_found':
            return { kind: 'not_found' };
          case 'wrong_pin':
            return { kind: 'wrong_pin', message: `${err.code}: ${err.message}` };
          case 'pin_locked':
          case 'rate_limited':
            return { kind: 'rate_limited' };
          default:
            throw unreachable(err, 'a ticket lookup');
        }
      }
    },

    async openTickets(kind: string, id: string): Promise<OpenTicketSummary[]> {
      return client.call(kioskApi.listOpenTickets, { params: { kind, id } }, { timeoutMs: interactive }).catch((err: unknown) => {
        throw unreachable(err, 'open tickets');
      });
    },

    async complaintCategories(): Promise<ComplaintCategory[]> {
      return client.call(kioskApi.listComplaintCategories, {}, { timeoutMs: interactive }).catch((err: unknown) => {
        throw unreachable(err, 'complaint categories');
      });
    },

    /**
     * Central's answer, or null when it sent none this agent can read: an older central
     * answers 204. Any 2xx means central holds the beat (and its usage counts).
     */
    async heartbeat(beat: Heartbeat): Promise<HeartbeatAnswer | null> {
      try {
        return await client.call(fleetApi.heartbeat, { body: beat }, { timeoutMs: 10_000 });
      } catch (err) {
        if (err instanceof ApiCallError && err.code === 'bad_response' && err.status >= 200 && err.status < 300) return null;
        throw unreachable(err, 'a heartbeat');
      }
    },
  };
}
export type CentralApi = ReturnType<typeof createCentralApi>;
