import { finished } from 'node:stream/promises';
import { AppError, importsApi, type ImportStatus } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ImportAnnouncer } from './imports.ports';
import { approveImport, getImport, listImports, rejectImport, type ReviewDeps } from './imports.service';
import { readUpload, uploadTooLarge, type UploadLimits } from './read-upload';
import { stageUpload, type StagingDeps } from './staging.service';
import type { CentralMount } from '../route-mount';
import { sendCsv } from '../statistics/csv';
import { currentStaff } from '../staff/staff-session';

const ImportId = z.object({ id: z.coerce.number().int().positive() });
// `report` and `reportCsv` share their path: `?format=csv` answers the problems as a file.
const ReportFormat = z.object({ format: z.enum(['json', 'csv']).default('json') });
const UPLOAD_TYPES = ['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

type ImportRouteDeps = StagingDeps & ReviewDeps & { staffEvents: ImportAnnouncer; uploadLimits: UploadLimits };

/** Uploads (a CSV/XLSX body streamed into staging) and their review by a second person. */
export function importRoutes(mount: CentralMount, deps: ImportRouteDeps): Router {
  const router = Router();
  const changed = (importId: number, status: ImportStatus) => deps.staffEvents['import:changed']({ importId, status });

  // The body is streamed into validation and staging as it arrives, never buffered whole.
  mount(router, importsApi.upload, async ({ query }, req, res) => {
    const rows = readUpload(uploadBody(req, deps.uploadLimits.maxBytes), deps.uploadLimits);
    const report = await stageUpload(deps, currentStaff(res), { ...query, rows });
    changed(report.importId, report.status);
    return report;
  });
  mount(router, importsApi.list, ({ query }, _req, res) => listImports(deps, currentStaff(res), query));
  mount(router, importsApi.report, async ({ params }, req, res) => {
    const report = await getImport(deps, currentStaff(res), parseInput(ImportId, params).id);
    if (parseInput(ReportFormat, req.query).format === 'json') return report;
    // The validation report as a spreadsheet the department fixes its file from.
    sendCsv(res, `import-${report.importId}-problems`, report.problems, ['row', 'column', 'value', 'reason']);
    return undefined;
  });
  mount(router, importsApi.approve, async ({ params, body }, _req, res) => {
    const { id } = parseInput(ImportId, params);
    const result = await approveImport(deps, currentStaff(res), id, body);
    changed(id, 'approved');
    return result;
  });
  mount(router, importsApi.reject, async ({ params, body }, _req, res) => {
    const { id } = parseInput(ImportId, params);
    await rejectImport(deps, currentStaff(res), id, body);
    changed(id, 'rejected');
    return undefined;
  });
  router.use(importsApi.upload.path, drainRefusedUpload);
  return router;
}

/** The request body as chunks; refused before reading when it is not a file or is declared too large. */
function uploadBody(req: Request, maxBytes: number): AsyncIterable<Buffer> {
  if (!req.is(UPLOAD_TYPES) || req.headers['content-length'] === '0') throw new AppError('unsupported_media_type', '请上传 CSV 或 XLSX 文件（Content-Type: text/csv 或 XLSX）');
  if (Number(req.headers['content-length']) > maxBytes) throw uploadTooLarge(maxBytes);
  // An early stop (a bad file, 413) must not destroy the request: the answer still goes out on it.
  return req.iterator({ destroyOnReturn: false });
}

/**
 * A signed-in staff member's upload refused before its end (a bad query, too large, an
 * unreadable file or encoding) is read to its end before the answer, so that their client,
 * still sending, sees the answer. A stranger's body is not read.
 */
function drainRefusedUpload(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (req.method !== importsApi.upload.method || req.readableEnded || res.locals.staff === undefined) return next(err);
  finished(req.resume())
    .catch(() => undefined)
    .then(() => next(err), next);
}
