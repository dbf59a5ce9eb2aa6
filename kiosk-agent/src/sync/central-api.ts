import {
  ApiError,
  ComplaintCategory,
  HeartbeatAnswer,
  OpenTicketSummary,
  PublicTicket,
  type ComplaintIntake,
  type Heartbeat,
} from '@sunshine/contracts';
import type { z } from 'zod';
import type { CentralTicket } from '../domain/tickets';

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

/** `Retry-After` in milliseconds from now (RFC 9110 §10.2.3), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its month ("Thu, 26 Nov 2026 08:00:30 GMT"); Date.parse alone takes "-5" as a year.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export type DeliveryResult = { kind: 'accepted'; duplicate: boolean } | { kind: 'refused'; status: number; message: string };

export interface CentralApiOptions {
  centralUrl: string;
  token: string;
  /** For calls a villager waits on; delivery and heartbeats get longer. */
  interactiveTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** Central's kiosk API (`/api/kiosk-api/*`, bearer token), every answer checked with its contract. */
export function createCentralApi(options: CentralApiOptions) {
  const doFetch = options.fetch ?? fetch;
  const interactive = options.interactiveTimeoutMs ?? 2_500;

  async function call(path: string, init: { method?: string; body?: unknown; timeoutMs: number }): Promise<Response> {
    try {
      return await doFetch(new URL(path, options.centralUrl), {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${options.token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(init.timeoutMs),
      });
    } catch (err) {
      throw new CentralUnreachable(`central unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  async function json<T>(res: Response, schema: z.ZodType<T>): Promise<T> {
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new CentralUnreachable(`central answered ${res.status} with an unexpected body`);
    return parsed.data;
  }
  // 401/403 are about this kiosk's credential, not the complaint: retried (with backoff)
  // until staff fix the enrolment, never marked failed.
  const retryable = (status: number) => status >= 500 || [401, 403, 408].includes(status);
  async function errorMessage(res: Response): Promise<string> {
    const body = ApiError.safeParse(await res.json().catch(() => undefined));
    return body.success ? `${body.data.error.code}: ${body.data.error.message}` : `HTTP ${res.status}`;
  }

  return {
    /**
     * 201 new, 200 replay: both mean central holds it. 429 throws `CentralRateLimited` with
     * central's wait; another 4xx (400, 413, 422…) is final for it.
     */
    async deliverComplaint(intake: ComplaintIntake): Promise<DeliveryResult> {
      const res = await call('/api/kiosk-api/complaints', { method: 'POST', body: intake, timeoutMs: 60_000 });
      if (res.status === 200 || res.status === 201) {
        await res.body?.cancel();
        return { kind: 'accepted', duplicate: res.status === 200 };
      }
      if (res.status === 429) {
        await res.body?.cancel();
        throw new CentralRateLimited(parseRetryAfter(res.headers.get('retry-after')));
      }
      if (retryable(res.status) || res.status < 400) throw new CentralUnreachable(`central answered ${res.status} to a complaint`);
      return { kind: 'refused', status: res.status, message: await errorMessage(res) };
    },

    async getTicket(ticketNumber: string, pin: string | undefined): Promise<CentralTicket> {
      const query = pin === undefined ? '' : `?pin=${encodeURIComponent(pin)}`;
      const res = await call(`/api/kiosk-api/tickets/${ticketNumber}${query}`, { timeoutMs: interactive });
      if (res.status === 404) return { kind: 'not_found' };
      if (res.status === 403) return { kind: 'wrong_pin', message: await errorMessage(res) };
      if (res.status === 429) {
        await res.body?.cancel();
        return { kind: 'rate_limited' };
      }
      if (!res.ok) throw new CentralUnreachable(`central answered ${res.status} to a ticket lookup`);
      return { kind: 'found', ticket: await json(res, PublicTicket) };
    },

    async openTickets(kind: string, id: string): Promise<OpenTicketSummary[]> {
      const res = await call(`/api/kiosk-api/subjects/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/open-tickets`, { timeoutMs: interactive });
      if (!res.ok) throw new CentralUnreachable(`central answered ${res.status} to open tickets`);
      return json(res, OpenTicketSummary.array());
    },

    async complaintCategories(): Promise<ComplaintCategory[]> {
      const res = await call('/api/kiosk-api/complaint-categories', { timeoutMs: interactive });
      if (!res.ok) throw new CentralUnreachable(`central answered ${res.status} to complaint categories`);
      return json(res, ComplaintCategory.array().min(1));
    },

    /**
     * Central's answer, or null when it sent none this agent can read: an older central
     * answers 204. Any 2xx means central holds the beat (and its usage counts).
     */
    async heartbeat(beat: Heartbeat): Promise<HeartbeatAnswer | null> {
      const res = await call('/api/kiosk-api/heartbeat', { method: 'POST', body: beat, timeoutMs: 10_000 });
      if (!res.ok) {
        await res.body?.cancel();
        throw new CentralUnreachable(`central answered ${res.status} to a heartbeat`);
      }
      if (res.status === 204) return null;
      const answer = HeartbeatAnswer.safeParse(await res.json().catch(() => undefined));
      return answer.success ? answer.data : null;
    },
  };
}
export type CentralApi = ReturnType<typeof createCentralApi>;
