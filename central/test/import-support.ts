import { importsApi, type ApiClient, type ImportReport, type ImportUploadQuery, type PublishResult } from '@sunshine/contracts';
import type { z } from 'zod';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An upload's query as a caller writes it (`mode` defaults to `new`). */
export type UploadQuery = z.input<typeof ImportUploadQuery>;

/** Uploads a file as staff do: the body is the file itself (text, bytes or a stream), the rest is the query. */
export function uploadFile(api: ApiClient, query: UploadQuery, data: NonNullable<RequestInit['body']>, contentType = 'text/csv'): Promise<ImportReport> {
  return api.call(importsApi.upload, { query }, { rawBody: { data, contentType } });
}

/** Approves an import as the staff member behind `api` (with a reason: an admin alone). */
export function approveImport(api: ApiClient, importId: number, reason?: string): Promise<PublishResult> {
  return api.call(importsApi.approve, { params: { id: importId }, body: reason === undefined ? {} : { reason } });
}

/** One import's report, every problem included. */
export function importReport(api: ApiClient, importId: number): Promise<ImportReport> {
  return api.call(importsApi.report, { params: { id: importId } });
}
