import { z } from 'zod';
import { IsoDateTime } from './common';

/** What a department can upload (one content type per file). */
export const ImportContentType = z.enum([
  'payments',
  'programs',
  'policies',
  'notices',
  'financePeriods',
  'financeLines',
  'projects',
  /** 钱从哪里来: lines `projectId, source, amountFen`; they replace a published project's fund sources. */
  'projectFunds',
  /** 花到哪里去: lines `projectId, item, amountFen, date`; they replace a published project's spending. */
  'projectSpending',
]);
export type ImportContentType = z.infer<typeof ImportContentType>;

/** One problem of an uploaded row: where it is, what was there, and why, in plain Chinese. */
export const ImportProblem = z.object({
  /** As the spreadsheet shows it: the header is row 1. */
  row: z.number().int().positive(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** `receiving`: the file is still arriving (rows are staged as they come); only `staged` can be reviewed. */
export const ImportStatus = z.enum(['receiving', 'staged', 'approved', 'rejected']);
export type ImportStatus = z.infer<typeof ImportStatus>;

/**
 * `new` adds records (an id already published is a problem); `correction` replaces published
 * records of the department with the same id (更正: an id not published is a problem), keeping
 * the old states in history, as a bulk form of `PATCH /api/records/:table/:id`.
 */
export const ImportMode = z.enum(['new', 'correction']);
export type ImportMode = z.infer<typeof ImportMode>;

/** Staff `POST /api/imports?type=&department=` (body: the CSV or XLSX file) and `GET /api/imports/:id`. */
export const ImportReport = z.object({
  importId: z.number().int().positive(),
  contentType: ImportContentType,
  mode: ImportMode,
  department: z.string(),
  /** Why the department corrects its records; set for a `correction`. */
  reason: z.string().nullable(),
  fileName: z.string().nullable(),
  status: ImportStatus,
  createdBy: z.string(),
  createdAt: IsoDateTime,
  rows: z.number().int().nonnegative(),
  validRows: z.number().int().nonnegative(),
  problems: z.array(ImportProblem),
  /** The content version the approval published; null until approved. */
  version: z.number().int().positive().nullable(),
  reviewedBy: z.string().nullable(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportUploadQuery = z.object({
  type: ImportContentType,
  /** Required for an admin; a publisher always uploads for their own department. */
  department: z.string().trim().min(1).max(64).optional(),
  fileName: z.string().max(200).optional(),
  mode: ImportMode.default('new'),
  /** Required for a `correction`. */
  reason: z.string().trim().min(1).max(500).optional(),
});
export type ImportUploadQuery = z.infer<typeof ImportUploadQuery>;

/** Staff `PATCH /api/records/:table/:id`: new values for some fields of a published record. */
export const CorrectRecordRequest = z.object({
  changes: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  reason: z.string().trim().min(1).max(500),
});
export type CorrectRecordRequest = z.infer<typeof CorrectRecordRequest>;

/** Staff `DELETE /api/records/:table/:id` body. */
export const WithdrawRecordRequest = z.object({ reason: z.string().trim().min(1).max(500) });

/** The answer of a publish (approve, correct, withdraw). */
export const PublishResult = z.object({ version: z.number().int().positive(), records: z.number().int().nonnegative() });
export type PublishResult = z.infer<typeof PublishResult>;

/** One earlier state of a record, newest first, from `GET /api/records/:table/:id/history`. */
export const RecordHistoryEntry = z.object({
  version: z.number().int().positive(),
  action: z.enum(['import', 'correct', 'withdraw']),
  changedAt: IsoDateTime,
  changedBy: z.string(),
  importId: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** The record as it was after this change; null for a withdrawal. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type RecordHistoryEntry = z.infer<typeof RecordHistoryEntry>;
