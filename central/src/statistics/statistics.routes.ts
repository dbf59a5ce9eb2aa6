import { Period, type CountyWarning } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { StatsRepository } from './stats.repository';
import type { TicketRecord } from '../tickets/tickets.repository';
import { complaintTown, dataProgress, deadlineCompliance, countBy, sumUsage, toCsv } from './statistics.service';
import { deadlinesOf, type StaffTicketDeps } from '../tickets/staff-ticket-view';
import { requireStaff, type StaffHttpDeps } from '../staff/staff-session';

const Format = z.enum(['json', 'csv']).default('json');
const ComplaintQuery = z.object({ format: Format });
const UsageQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30), format: Format });
const ProgressQuery = z.object({ period: Period, format: Format });

/** Complaint, deadline, usage and data-progress statistics; every list also as CSV (`?format=csv`). */
export function statsRoutes(deps: StaffTicketDeps & StaffHttpDeps & { stats: StatsRepository; countyWarnings: () => CountyWarning[] }): Router {
  const router = Router();
  /** A JSON answer is its body plus the county's `warnings` (a missing holiday calendar); a CSV is the rows alone. */
  const send = (res: Response, format: 'json' | 'csv', name: string, rows: Record<string, unknown>[], columns: string[], json: Record<string, unknown>) => {
    if (format === 'json') return void res.json({ ...json, warnings: deps.countyWarnings() });
    res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
    res.send(toCsv(rows, columns));
  };
  const allTickets = async (): Promise<TicketRecord[]> => (await deps.tickets.list({}, { limit: 1_000_000, offset: 0 })).items;

  router.get('/api/stats/complaints', requireStaff(deps, 'stats:read'), async (req, res) => {
    const { format } = parseInput(ComplaintQuery, req.query);
    const tickets = await allTickets();
    const body = {
      total: tickets.length,
      byCategory: countBy(tickets, (t) => t.category),
      byStatus: countBy(tickets, (t) => t.status),
      // By where each complaint was made (kept at intake), not where its kiosk stands now.
      byTown: countBy(tickets, (t) => complaintTown(t.placeCode)),
      byKiosk: countBy(tickets, (t) => t.kioskNumber),
    };
    const rows = (['byCategory', 'byStatus', 'byTown', 'byKiosk'] as const).flatMap((dimension) => body[dimension].map((r) => ({ dimension, ...r })));
    send(res, format, 'complaints', rows, ['dimension', 'key', 'count'], body);
  });

  router.get('/api/stats/deadlines', requireStaff(deps, 'stats:read'), async (req, res) => {
    const { format } = parseInput(ComplaintQuery, req.query);
    const rows: { status: TicketRecord['status']; category: string; deadlines: ReturnType<typeof deadlinesOf> }[] = [];
    for (const t of await allTickets()) rows.push({ status: t.status, category: t.category, deadlines: deadlinesOf(deps, t, await deps.tickets.listEvents(t.ticketNumber)) });
    const byCategory = [...new Set(rows.map((r) => r.category))].sort().map((category) => ({ category, ...deadlineCompliance(rows.filter((r) => r.category === category)) }));
    const body = { overall: deadlineCompliance(rows), byCategory };
    send(res, format, 'deadlines', byCategory, ['category', 'answered', 'answeredOnTime', 'answeredLate', 'openOnTime', 'openLate', 'onTimeRate'], body);
  });

  router.get('/api/stats/usage', requireStaff(deps, 'stats:read'), async (req, res) => {
    const { days, format } = parseInput(UsageQuery, req.query);
    const from = new Date(deps.now().getTime() - days * 86_400_000).toISOString();
    const beats = [];
    for await (const b of deps.stats.usageSince(from)) beats.push(b);
    const body = { days, ...sumUsage(beats) };
    const rows = [...body.byScreen.map((r) => ({ dimension: 'screen', ...r })), ...body.byKiosk.map((r) => ({ dimension: 'kiosk', ...r }))];
    send(res, format, 'usage', rows, ['dimension', 'key', 'count'], body);
  });

  router.get('/api/stats/progress', requireStaff(deps, 'stats:read'), async (req, res) => {
    const { period, format } = parseInput(ProgressQuery, req.query);
    const rows = dataProgress(await deps.stats.livePrograms(), await deps.stats.paymentCountsByProgram(period));
    send(res, format, `progress-${period}`, rows, ['department', 'programCode', 'programName', 'payments', 'isMissing'], { period, programs: rows, missing: rows.filter((r) => r.isMissing).length });
  });
  return router;
}
