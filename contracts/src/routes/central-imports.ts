import { z } from 'zod';
import { StaffPageQuery } from '../console';
import {
  ApproveImportRequest,
  CorrectRecordRequest,
  ImportReport,
  ImportReportCsvQuery,
  ImportUploadQuery,
  PublishResult,
  RecordHistoryEntry,
  RejectImportRequest,
  WithdrawRecordRequest,
} from '../imports';
import { defineRoute } from '../route';

/**
 * A department's data on its way to the kiosks: uploads staged for review, the review that
 * publishes them, and single-record corrections and withdrawals staged the same way.
 */
export const importsApi = {
  upload: defineRoute({
    method: 'POST',
    path: '/api/imports',
    summary:
      'The body is the file: a CSV (`text/csv`, read as it arrives, ≤ `CENTRAL_UPLOAD_MAX_MB`, default 512 MB) or an XLSX (read whole, ≤ 64 MB). `type` is `ImportContentType` (`projectFunds`/`projectSpending` replace the fund or spending lines of the department\'s published projects); `mode` is `new` (default) or `correction` (needs `reason`). Answers the report with each row\'s `problems`; the valid rows are staged for review. 400 `department_required` (an admin names none), `reason_required`, `correction_not_supported` (fund and spending lines), `empty_upload` (no data rows), `unreadable_file`; 403 `not_own_department` (a publisher naming another); 413 `payload_too_large` above the limit; 415 `unknown_encoding` a CSV that is not UTF-8 or GBK/GB18030 or has bytes that do not decode, `unsupported_media_type` no file. Nothing is kept of a refused upload',
    access: { kind: 'staff', permission: 'imports:upload' },
    query: ImportUploadQuery,
    response: ImportReport,
    status: 201,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/imports',
    summary: 'Imports newest first, each with its first 20 problems (all of them: `report`); a publisher sees only their department\'s',
    access: { kind: 'staff', permission: 'imports:read' },
    query: StaffPageQuery,
    response: z.array(ImportReport),
  }),
  report: defineRoute({
    method: 'GET',
    path: '/api/imports/:id',
    summary: "One import with every problem; 404 `unknown_import` (also another department's, for a publisher)",
    access: { kind: 'staff', permission: 'imports:read' },
    response: ImportReport,
  }),
  reportCsv: defineRoute({
    method: 'GET',
    path: '/api/imports/:id',
    summary: 'The same import\'s problems as a spreadsheet the department fixes its file from (`row,column,value,reason`, UTF-8 with BOM)',
    access: { kind: 'staff', permission: 'imports:read' },
    query: ImportReportCsvQuery,
    response: { kind: 'file', contentType: 'text/csv; charset=utf-8' },
  }),
  approve: defineRoute({
    method: 'POST',
    path: '/api/imports/:id/approve',
    summary:
      'Publishes a staged import as the next content version; the body may be left out. 403 `two_person_rule` for one\'s own change, unless an admin gives a `reason` (1–500 characters, audited as `import.approve-alone` and kept as the import\'s `reviewReason`); 409 `import_already_reviewed`, `import_still_receiving` (the file is still arriving), `nothing_to_publish` (no valid rows), `stale_record` when ids or the record stopped fitting since it was staged: nothing is published and the import stays `staged`',
    access: { kind: 'staff', permission: 'imports:review' },
    body: ApproveImportRequest,
    response: PublishResult,
  }),
  reject: defineRoute({
    method: 'POST',
    path: '/api/imports/:id/reject',
    summary: "Rejects a staged import with a `reason` (1–500 characters, required), which becomes the import's `reviewReason`; nothing is published. 409 `import_already_reviewed`, `import_still_receiving`",
    access: { kind: 'staff', permission: 'imports:review' },
    body: RejectImportRequest,
    response: z.undefined(),
    status: 204,
  }),
  correctRecord: defineRoute({
    method: 'PATCH',
    path: '/api/records/:table/:id',
    summary:
      "Stages a correction (`changes`: field → new value; `reason` 1–500 characters) of the department's own published record as a one-row import (`mode: 'correction'`, `record { table, id, changes }`, an ID number masked in `changes`), published only on approval. 400 `field_not_correctable` (a field central sets), `unknown_field`, `invalid_field_value`, `finance_unbalanced` (a `financePeriods` change whose books would not add up with the period's published lines); 403 `not_own_department`; 404 `unknown_table`, `unknown_record` (no such live record)",
    access: { kind: 'staff', permission: 'records:correct' },
    body: CorrectRecordRequest,
    response: ImportReport,
    status: 202,
  }),
  withdrawRecord: defineRoute({
    method: 'DELETE',
    path: '/api/records/:table/:id',
    summary:
      "Stages a withdrawal, with its `reason` (1–500 characters), like a correction (`mode: 'withdrawal'`, `record.changes` null); approved, a tombstone that kiosks delete. 403 `not_own_department`; 404 `unknown_table`, `unknown_record`",
    access: { kind: 'staff', permission: 'records:correct' },
    body: WithdrawRecordRequest,
    response: ImportReport,
    status: 202,
  }),
  recordHistory: defineRoute({
    method: 'GET',
    path: '/api/records/:table/:id/history',
    summary:
      "Every state of the record, newest first, down to its first published one (an `import` row: its import, or `importId` null and `changedBy` `system` for the county loaded on first start). 404 `unknown_table`",
    access: { kind: 'staff' },
    response: z.array(RecordHistoryEntry),
  }),
} as const;
