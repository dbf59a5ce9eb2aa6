import { AppError, ComplaintSubject, CreateComplaint, PaymentsLookup, UsageEvent } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import type { UsageCounters } from '../health/usage';
import type { Services } from '../services';

const TicketQuery = z.object({ pin: z.string().max(16).optional() });

/** What a villager does: look up payments, report a problem, follow a ticket. */
export function villagerRoutes(services: Services, usage: UsageCounters, syncNow: () => Promise<void>): Router {
  return Router()
    .post('/api/payments/lookup', (req, res) => {
      const { idNumber } = parseInput(PaymentsLookup, req.body);
      res.json(services.lookupPayments(idNumber));
    })
    .get('/api/complaint-categories', async (_req, res) => {
      res.json(await services.complaintCategories());
    })
    .post('/api/complaints', (req, res) => {
      res.status(201).json(services.submitComplaint(parseInput(CreateComplaint, req.body)));
    })
    .get('/api/tickets/:ticketNumber', async (req, res) => {
      const { pin } = parseInput(TicketQuery, req.query);
      res.json(await services.followTicket(req.params.ticketNumber, pin));
    })
    .get('/api/subjects/:kind/:id/open-tickets', async (req, res) => {
      const subject = ComplaintSubject.pick({ kind: true, id: true }).safeParse(req.params);
      if (!subject.success) throw new AppError('bad_request', 'Unknown subject.');
      res.json(await services.openTickets(subject.data.kind, subject.data.id));
    })
    .post('/api/usage', (req, res) => {
      usage.count(parseInput(UsageEvent, req.body).screen);
      res.status(204).end();
    })
    .post('/api/sync/now', async (_req, res) => {
      await syncNow();
      res.status(204).end();
    });
}
