import { AppError, CreateStaffTicket, normalizeTicketNumber, DeadlineListQuery, TicketAction, TicketListQuery } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import { toCsv } from '../statistics/statistics.service';
import type { AudioStore } from '../platform/blob.store';
import { deadlinesOf, findStaffTicket, getStaffTicket, toStaffTicketItem, type StaffTicketDeps } from './staff-ticket-view';
import { applyTicketAction, createStaffTicket, listDeadlineTickets } from './ticket-handling.service';
import type { StaffEvents } from '../staff/staff-socket';
import { currentStaff, requireStaff, type StaffHttpDeps } from '../staff/staff-session';

/** The staff ticket queue (docs/design.md §13 fixes the two GETs), handling steps and deadline lists. */
export function ticketRoutes(deps: StaffTicketDeps & StaffHttpDeps & { audio: AudioStore; staffEvents: StaffEvents }): Router {
  const router = Router();
  router.get('/api/tickets', requireStaff(deps, 'tickets:read'), async (req, res) => {
    const query = parseInput(TicketListQuery.extend({ format: z.enum(['json', 'csv']).default('json') }), req.query);
    const staff = currentStaff(res);
    const scoped = staff.role === 'handler' && staff.department !== null ? { handlingUnit: staff.department } : {};
    const filter = { ...scoped, ...(query.status ? { status: [query.status] } : {}), ...(query.category ? { category: query.category } : {}) };
    const { items, total } = await deps.tickets.list(filter, query);
    const rows = [];
    for (const ticket of items) rows.push(toStaffTicketItem(ticket, deadlinesOf(deps, ticket, await deps.tickets.listEvents(ticket.ticketNumber))));
    if (query.format === 'csv') {
      res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="tickets.csv"' });
      res.send(toCsv(rows, ['ticketNumber', 'status', 'category', 'kioskNumber', 'submittedAt', 'expectedReplyBy', 'hasAudio', 'text']));
      return;
    }
    res.json({ items: rows, total });
  });

  router.get('/api/tickets/deadlines', requireStaff(deps, 'tickets:read'), async (req, res) => {
    const { kind } = parseInput(DeadlineListQuery, req.query);
    const found = await listDeadlineTickets(deps, currentStaff(res), kind);
    res.json(found.map(({ ticket, deadlines }) => ({ ...toStaffTicketItem(ticket, deadlines), acknowledgeBy: deadlines.acknowledgeBy, isAcknowledgeLate: deadlines.isAcknowledgeLate, isReplyLate: deadlines.isReplyLate })));
  });

  router.get('/api/tickets/:ticketNumber', requireStaff(deps, 'tickets:read'), async (req, res) => {
    const staff = currentStaff(res);
    const detail = await getStaffTicket(deps, staff, String(req.params.ticketNumber));
    // Opening a complainant's contact is itself audited, before it is shown: no entry, no contact.
    if (detail.contact) await deps.audited(async () => detail, (d) => ({ actor: staff.username, action: 'ticket.view-contact', target: d.ticketNumber }));
    res.json(detail);
  });

  // The recording is the complaint itself for villagers who cannot type: readers may play it.
  router.get('/api/tickets/:ticketNumber/audio', requireStaff(deps, 'tickets:read'), async (req, res) => {
    const ticket = await findStaffTicket(deps, currentStaff(res), String(req.params.ticketNumber));
    const bytes = ticket.audioSha256 ? await deps.audio.get(ticket.audioSha256) : null;
    if (!bytes || !ticket.audioMime) throw new AppError('not_found', '这件反映没有录音');
    res.set({ 'content-type': ticket.audioMime, 'cache-control': 'private, max-age=3600' }).send(bytes);
  });

  router.post('/api/tickets', requireStaff(deps, 'tickets:handle'), async (req, res) => {
    const request = parseInput(CreateStaffTicket, req.body);
    const staff = currentStaff(res);
    const created = await deps.audited(
      (tx) => createStaffTicket({ ...deps, tickets: tx.tickets, places: tx.places }, staff, request),
      (ticket) => ({ actor: staff.username, action: 'ticket.create', target: ticket.ticketNumber, details: { channel: request.channel, category: request.category } }),
    );
    deps.staffEvents['ticket:changed']({ ticketNumber: created.ticketNumber, status: 'received' });
    res.status(201).json(created);
  });

  router.post('/api/tickets/:ticketNumber/actions', requireStaff(deps, 'tickets:handle'), async (req, res) => {
    const action = parseInput(TicketAction, req.body);
    const staff = currentStaff(res);
    const ticketNumber = String(req.params.ticketNumber);
    await deps.audited(
      (tx) => applyTicketAction({ ...deps, tickets: tx.tickets }, staff, ticketNumber, action),
      () => ({ actor: staff.username, action: `ticket.${action.action}`, target: normalizeTicketNumber(ticketNumber), details: action }),
    );
    const detail = await getStaffTicket(deps, staff, ticketNumber);
    deps.staffEvents['ticket:changed']({ ticketNumber: detail.ticketNumber, status: detail.status });
    res.json(detail);
  });
  return router;
}
