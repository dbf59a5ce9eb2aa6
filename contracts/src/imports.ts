import { z } from 'zod';
import { IsoDateTime } from './common';
import { SyncTable } from './sync';

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
 * the old states in history; `withdrawal` (撤回) turns one record into a tombstone. An upload is
 * `new` or `correction`; `importsApi.correctRecord`/`withdrawRecord` stage a one-row `correction`
 * or `withdrawal`, reviewed like an upload.
 */
export const ImportMode = z.enum(['new', 'correction', 'withdrawal']);
export type ImportMode = z.infer<typeof ImportMode>;

/** The modes a file can be uploaded in. */
export const UploadMode = ImportMode.extract(['new', 'correction']);
export type UploadMode = z.infer<typeof UploadMode>;

/** A new value for one field of a published record. */
export const FieldValue = z.union([z.string(), z.number(), z.null()]);

/** The record a single-record change (`importsApi.correctRecord`/`withdrawRecord`) is about. */
export const StagedRecord = z.object({
  table: SyncTable,
  id: z.string(),
  /** The fields a correction sets (an ID number masked); null for a withdrawal. */
  changes: z.record(z.string(), FieldValue).nullable(),
});
export type StagedRecord = z.infer<typeof StagedRecord>;

/** What an upload (`importsApi.upload`) answers, and what `importsApi.report` reads back. */
export const ImportReport = z.object({
  importId: z.number().int().positive(),
  /** An upload's type; for a single-record change, its record's table (towns and villages too). */
  contentType: z.union([ImportContentType, SyncTable]),
  mode: ImportMode,
  department: z.string(),
  /** Why the department corrects or withdraws its records; set for a `correction` and a `withdrawal`. */
  reason: z.string().nullable(),
  /** Set for a single-record change; null for an uploaded file. */
  record: StagedRecord.nullable(),
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
  /** Why it was rejected, or why an admin approved their own change alone; null otherwise. */
  reviewReason: z.string().nullable(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportUploadQuery = z.object({
  type: ImportContentType,
  /** Required for an admin; a publisher always uploads for their own department. */
  department: z.string().trim().min(1).max(64).optional(),
  fileName: z.string().max(200).optional(),
  mode: UploadMode.default('new'),
  /** Required for a `correction`. */
  reason: z.string().trim().min(1).max(500).optional(),
});
export type ImportUploadQuery = z.infer<typeof ImportUploadQuery>;

/** `?format=csv`: an import's problems as a spreadsheet instead of JSON (`importsApi.reportCsv`). */
export const ImportReportCsvQuery = z.object({ format: z.literal('csv') });

const ReviewReason = z.string().trim().min(1).max(500);

/**
 * `importsApi.approve`, body optional. `reason` is required only when an admin approves a
 * change they staged themselves (the two-person rule, waived on the record); it is audited.
 */
export const ApproveImportRequest = z.object({ reason: ReviewReason.optional() }).default({});
export type ApproveImportRequest = z.infer<typeof ApproveImportRequest>;

/** `importsApi.reject`: the department is told why. */
export const RejectImportRequest = z.object({ reason: ReviewReason });
export type RejectImportRequest = z.infer<typeof RejectImportRequest>;

/** `importsApi.correctRecord`: new values for some fields of a published record, staged for review. */
export const CorrectRecordRequest = z.object({
  changes: z.record(z.string(), FieldValue),
  reason: z.string().trim().min(1).max(500),
});
export type CorrectRecordRequest = z.infer<typeof CorrectRecordRequest>;

/** `importsApi.withdrawRecord`: the withdrawal is staged for review. */
export const WithdrawRecordRequest = z.object({ reason: z.string().trim().min(1).max(500) });
export type WithdrawRecordRequest = z.infer<typeof WithdrawRecordRequest>;

/** The answer of a publish (an approval). */
export const PublishResult = z.object({ version: z.number().int().positive(), records: z.number().int().nonnegative() });
export type PublishResult = z.infer<typeof PublishResult>;

/** One earlier state of a record, newest first, from `importsApi.recordHistory`. */
export const RecordHistoryEntry = z.object({
  version: z.number().int().positive(),
  action: z.enum(['import', 'correct', 'withdraw']),
  changedAt: IsoDateTime,
  changedBy: z.string(),
  /** The approved import (an upload or a single-record change); null for the county's first load (by `system`). */
  importId: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** The record as it was after this change; null for a withdrawal. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type RecordHistoryEntry = z.infer<typeof RecordHistoryEntry>;
