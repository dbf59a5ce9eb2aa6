import { finished } from 'node:stream/promises';
import {
  AppError,
  ApproveImportRequest,
  CorrectRecordRequest,
  ImportUploadQuery,
  RejectImportRequest,
  StaffPageQuery,
  SyncTable,
  WithdrawRecordRequest,
  type ImportReport,
} from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { correctRecord, withdrawRecord, type CorrectionDeps } from './corrections.service';
import { approveImport, getImport, rejectImport, stageUpload, type ImportDeps } from './imports.service';
import { toCsv } from '../statistics/statistics.service';
import { readUpload, uploadTooLarge, type UploadLimits } from './read-upload';
import type { StaffEvents } from '../staff/staff-socket';
import { currentStaff, requireStaff, type StaffHttpDeps } from '../staff/staff-session';

const ImportId = z.object({ id: z.coerce.number().int().positive() });
const CsvFormat = z.object({ format: z.enum(['json', 'csv']).default('json') });
const UPLOAD_TYPES = ['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** Uploads (CSV/XLSX body), single-record corrections and withdrawals (staged like uploads), and their review. */
export function importRoutes(deps: ImportDeps & CorrectionDeps & StaffHttpDeps & { staffEvents: StaffEvents; uploadLimits: UploadLimits }): Router {
  const router = Router();
  // The body is streamed into validation and staging as it arrives, never buffered whole.
  router.post('/api/imports', requireStaff(deps, 'imports:upload'), async (req, res) => {
    const stage = async () => {
      const query = parseInput(ImportUploadQuery, req.query);
      return stageUpload(deps, currentStaff(res), { ...query, rows: readUpload(uploadBody(req, deps.uploadLimits.maxBytes), deps.uploadLimits) });
    };
    const report = await stage().catch(async (err: unknown) => {
      // Read the rest of the body before answering, so the uploader's client sees the answer.
      await finished(req.resume()).catch(() => undefined);
      throw err;
    });
    deps.staffEvents['import:changed']({ importId: report.importId, status: report.status });
    res.status(201).json(report);
  });

  router.get('/api/imports', requireStaff(deps, 'imports:read'), async (req, res) => {
    const staff = currentStaff(res);
    const page = parseInput(StaffPageQuery, req.query);
    const ids = await deps.imports.list(page, staff.role === 'publisher' ? (staff.department ?? undefined) : undefined);
    const reports: ImportReport[] = [];
    for (const id of ids) reports.push(await getImport(deps, staff, id));
    res.json(reports.map((r) => ({ ...r, problems: r.problems.slice(0, 20) })));
  });

  // `?format=csv`: the validation report as a spreadsheet the department fixes its file from.
  router.get('/api/imports/:id', requireStaff(deps, 'imports:read'), async (req, res) => {
    const report = await getImport(deps, currentStaff(res), parseInput(ImportId, req.params).id);
    if (parseInput(CsvFormat, req.query).format === 'json') return void res.json(report);
    res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="import-${report.importId}-problems.csv"` });
    res.send(toCsv(report.problems, ['row', 'column', 'value', 'reason']));
  });

  router.post('/api/imports/:id/approve', requireStaff(deps, 'imports:review'), async (req, res) => {
    const { id } = parseInput(ImportId, req.params);
    const result = await approveImport(deps, currentStaff(res), id, parseInput(ApproveImportRequest, req.body ?? {}));
    deps.staffEvents['import:changed']({ importId: id, status: 'approved' });
    res.json(result);
  });

  router.post('/api/imports/:id/reject', requireStaff(deps, 'imports:review'), async (req, res) => {
    const { id } = parseInput(ImportId, req.params);
    await rejectImport(deps, currentStaff(res), id, parseInput(RejectImportRequest, req.body ?? {}));
    deps.staffEvents['import:changed']({ importId: id, status: 'rejected' });
    res.status(204).end();
  });

  // 202: the change is staged for a second person's review; nothing is published yet.
  const staged = (res: Response, report: ImportReport) => {
    deps.staffEvents['import:changed']({ importId: report.importId, status: report.status });
    res.status(202).json(report);
  };

  router.patch('/api/records/:table/:id', requireStaff(deps, 'records:correct'), async (req, res) => {
    const request = parseInput(CorrectRecordRequest, req.body);
    const { table, id } = { table: String(req.params.table), id: String(req.params.id) };
    staged(res, await correctRecord(deps, currentStaff(res), table, id, request));
  });

  router.delete('/api/records/:table/:id', requireStaff(deps, 'records:correct'), async (req, res) => {
    const { reason } = parseInput(WithdrawRecordRequest, req.body ?? {});
    const { table, id } = { table: String(req.params.table), id: String(req.params.id) };
    staged(res, await withdrawRecord(deps, currentStaff(res), table, id, reason));
  });

  router.get('/api/records/:table/:id/history', requireStaff(deps), async (req, res) => {
    const table = String(req.params.table);
    const parsed = SyncTable.safeParse(table);
    if (!parsed.success) throw new AppError('not_found', `没有“${table}”这类数据`);
    res.json(await deps.records.history(parsed.data, String(req.params.id)));
  });
  return router;
}

/** The request body as chunks; refused before reading when it is not a file or is declared too large. */
function uploadBody(req: Request, maxBytes: number): AsyncIterable<Buffer> {
  if (!req.is(UPLOAD_TYPES) || req.headers['content-length'] === '0') throw new AppError('unsupported_media_type', '请上传 CSV 或 XLSX 文件（Content-Type: text/csv 或 XLSX）');
  if (Number(req.headers['content-length']) > maxBytes) throw uploadTooLarge(maxBytes);
  // An early stop (a bad file, 413) must not destroy the request: the answer still goes out on it.
  return req.iterator({ destroyOnReturn: false });
}
