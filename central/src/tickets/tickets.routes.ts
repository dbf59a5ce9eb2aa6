import { ticketsApi } from '@sunshine/contracts';
import { Router } from 'express';
import type { StaffTicketDeps } from './staff-ticket-view';
import { getTicketRecording, listDeadlineTickets, listStaffTickets, openStaffTicket } from './staff-tickets.service';
import { actOnTicket, createStaffTicket, type TicketHandlingDeps } from './ticket-handling.service';
import type { RecordingStore } from './tickets.ports';
import type { CentralMount } from '../route-mount';
import { currentStaff } from '../staff/staff-session';
import { toCsv } from '../statistics/csv';

const CSV_COLUMNS = ['ticketNumber', 'status', 'category', 'kioskNumber', 'submittedAt', 'expectedReplyBy', 'hasAudio', 'text'] as const;

/** The staff ticket queue, each ticket and its handling steps, and the deadline lists. */
export function ticketRoutes(mount: CentralMount, deps: StaffTicketDeps & TicketHandlingDeps & { recordings: RecordingStore }): Router {
  const router = Router();
  mount(router, ticketsApi.list, async ({ query }, _req, res) => {
    const page = await listStaffTickets(deps, currentStaff(res), query);
    if (query.format === 'json') return page;
    res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="tickets.csv"' });
    res.send(toCsv(page.items, CSV_COLUMNS));
    return undefined;
  });
  // Before `ticketsApi.get`, whose `:ticketNumber` would otherwise take "deadlines" for a number.
  mount(router, ticketsApi.listDeadlines, ({ query }, _req, res) => listDeadlineTickets(deps, currentStaff(res), query.kind));
  mount(router, ticketsApi.get, ({ params }, _req, res) => openStaffTicket(deps, currentStaff(res), params.ticketNumber));
  mount(router, ticketsApi.getRecording, async ({ params }, _req, res) => {
    const recording = await getTicketRecording(deps, currentStaff(res), params.ticketNumber);
    res.set({ 'content-type': recording.mime, 'cache-control': 'private, max-age=3600' }).send(recording.bytes);
    return undefined;
  });
  mount(router, ticketsApi.create, ({ body }, _req, res) => createStaffTicket(deps, currentStaff(res), body));
  mount(router, ticketsApi.act, ({ params, body }, _req, res) => actOnTicket(deps, currentStaff(res), params.ticketNumber, body));
  return router;
}
