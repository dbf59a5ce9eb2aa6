import { importsApi, type ImportReport } from '@sunshine/contracts';
import { Router } from 'express';
import { correctRecord, recordHistory, withdrawRecord, type CorrectionDeps } from './corrections.service';
import type { ImportAnnouncer } from './imports.ports';
import type { CentralMount } from '../route-mount';
import { currentStaff } from '../staff/staff-session';

/**
 * A department's single published record: its correction or withdrawal, staged like an upload
 * for a second person's review (202: nothing is published yet), and its history.
 */
export function recordRoutes(mount: CentralMount, deps: CorrectionDeps & { staffEvents: ImportAnnouncer }): Router {
  const router = Router();
  const staged = (report: ImportReport) => {
    deps.staffEvents['import:changed']({ importId: report.importId, status: report.status });
    return report;
  };
  mount(router, importsApi.correctRecord, async ({ params, body }, _req, res) => staged(await correctRecord(deps, currentStaff(res), params.table, params.id, body)));
  mount(router, importsApi.withdrawRecord, async ({ params, body }, _req, res) => staged(await withdrawRecord(deps, currentStaff(res), params.table, params.id, body.reason)));
  mount(router, importsApi.recordHistory, ({ params }) => recordHistory(deps, params.table, params.id));
  return router;
}
