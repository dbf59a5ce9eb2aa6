import { ComplaintSubject, Heartbeat, Pin, type ComplaintCategory, type HeartbeatAnswer } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import type { HeartbeatRepository } from '../fleet/heartbeats.repository';
import type { KioskRecord, KioskRepository } from '../fleet/kiosks.repository';
import { getPublicTicket, listOpenTickets, type TicketLookupDeps } from './ticket-lookup.service';
import type { StaffEvents } from '../staff/staff-socket';
import { requireKiosk } from '../fleet/kiosk-auth';

export interface KioskApiDeps extends TicketLookupDeps {
  kiosks: KioskRepository;
  heartbeats: HeartbeatRepository;
  staffEvents: StaffEvents;
}

const TicketQuery = z.object({ pin: Pin.optional() });
const SubjectParams = ComplaintSubject.pick({ kind: true, id: true });

/** What kiosk agents read from central, and their heartbeats. Every route needs a kiosk token. */
export function kioskApiRoutes(deps: KioskApiDeps): Router {
  const router = Router();
  router.use('/api/kiosk-api', requireKiosk(deps.kiosks));

  router.get('/api/kiosk-api/tickets/:ticketNumber', async (req, res) => {
    const { pin } = parseInput(TicketQuery, req.query);
    res.json(await getPublicTicket(deps, req.params.ticketNumber, pin));
  });

  router.get('/api/kiosk-api/subjects/:kind/:id/open-tickets', async (req, res) => {
    const subject = parseInput(SubjectParams, req.params);
    res.json(await listOpenTickets(deps, subject));
  });

  router.get('/api/kiosk-api/complaint-categories', (_req, res) => {
    const body: ComplaintCategory[] = deps.categories().map(({ code, name }) => ({ code, name }));
    res.json(body);
  });

  router.post('/api/kiosk-api/heartbeat', async (req, res) => {
    const heartbeat = parseInput(Heartbeat, req.body);
    const kiosk: KioskRecord = res.locals.kiosk;
    const at = deps.now().toISOString();
    await deps.heartbeats.record(kiosk.kioskNumber, at, heartbeat);
    deps.staffEvents['kiosk:heartbeat']({ kioskNumber: kiosk.kioskNumber, at });
    // The kiosk record was read for this request: a move at central shows in the next answer.
    const answer: HeartbeatAnswer = { villageCode: kiosk.villageCode };
    res.json(answer);
  });
  return router;
}
