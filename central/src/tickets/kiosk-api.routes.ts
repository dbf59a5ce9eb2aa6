import { ComplaintSubject, kioskApi } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router, type Response } from 'express';
import { getPublicTicket, listComplaintCategories, listOpenTickets, PinLockedError, type TicketLookupDeps } from './ticket-lookup.service';
import type { CentralMount } from '../route-mount';

const SubjectParams = ComplaintSubject.pick({ kind: true, id: true });

/** A locked ticket's answer carries the wait as `Retry-After`, as a login's does. */
async function withRetryAfter<T>(res: Response, answer: () => Promise<T>): Promise<T> {
  try {
    return await answer();
  } catch (err) {
    if (err instanceof PinLockedError) res.set('retry-after', String(err.retryAfterSeconds));
    throw err;
  }
}

/** What kiosk agents read from central about tickets (their heartbeats are the fleet's: `fleet/kiosks.routes`). */
export function kioskApiRoutes(mount: CentralMount, deps: TicketLookupDeps): Router {
  const router = Router();
  mount(router, kioskApi.getTicket, ({ params, query }, _req, res) => withRetryAfter(res, () => getPublicTicket(deps, params.ticketNumber, query.pin)));
  mount(router, kioskApi.listOpenTickets, ({ params }) => listOpenTickets(deps, parseInput(SubjectParams, params)));
  mount(router, kioskApi.listComplaintCategories, () => listComplaintCategories(deps));
  return router;
}
