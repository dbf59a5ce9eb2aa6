import { statisticsApi, type CountyWarning } from '@sunshine/contracts';
import { Router } from 'express';
import type { CentralMount } from '../route-mount';
import { sendCsv } from './csv';
import { complaintStats, deadlineStats, progressStats, usageStats, type StatisticsDeps } from './statistics.service';

/** Complaint, deadline, usage and data-progress statistics; every list also as CSV (`?format=csv`). */
export function statisticsRoutes(mount: CentralMount, deps: StatisticsDeps & { countyWarnings: () => CountyWarning[] }): Router {
  const router = Router();
  // A JSON answer is its body plus the county's `warnings` (a missing holiday calendar); a CSV is the rows alone.
  const withWarnings = <T extends object>(body: T) => ({ ...body, warnings: deps.countyWarnings() });

  mount(router, statisticsApi.complaints, async ({ query }, _req, res) => {
    const body = await complaintStats(deps);
    if (query.format === 'json') return withWarnings(body);
    const rows = (['byCategory', 'byStatus', 'byTown', 'byKiosk'] as const).flatMap((dimension) => body[dimension].map((r) => ({ dimension, ...r })));
    sendCsv(res, 'complaints', rows, ['dimension', 'key', 'count']);
    return undefined;
  });

  mount(router, statisticsApi.deadlines, async ({ query }, _req, res) => {
    const body = await deadlineStats(deps);
    if (query.format === 'json') return withWarnings(body);
    sendCsv(res, 'deadlines', body.byCategory, ['category', 'answered', 'answeredOnTime', 'answeredLate', 'openOnTime', 'openLate', 'onTimeRate']);
    return undefined;
  });

  mount(router, statisticsApi.usage, async ({ query }, _req, res) => {
    const body = await usageStats(deps, query.days);
    if (query.format === 'json') return withWarnings(body);
    const rows = [...body.byScreen.map((r) => ({ dimension: 'screen', ...r })), ...body.byKiosk.map((r) => ({ dimension: 'kiosk', ...r }))];
    sendCsv(res, 'usage', rows, ['dimension', 'key', 'count']);
    return undefined;
  });

  mount(router, statisticsApi.progress, async ({ query }, _req, res) => {
    const body = await progressStats(deps, query.period);
    if (query.format === 'json') return withWarnings(body);
    sendCsv(res, `progress-${query.period}`, body.programs, ['department', 'programCode', 'programName', 'payments', 'isMissing']);
    return undefined;
  });
  return router;
}
