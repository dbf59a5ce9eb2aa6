import { z } from 'zod';
import { AuditLogEntry, StaffPageQuery } from './console';
import { Page } from './tickets';

/** `GET /api/audit`: one page of the log, newest first, or that page as a CSV file. */
export const AuditLogQuery = StaffPageQuery.extend({ format: z.enum(['json', 'csv']).default('json') });
export type AuditLogQuery = z.input<typeof AuditLogQuery>;

export const AuditLogPage = Page(AuditLogEntry);
export type AuditLogPage = z.infer<typeof AuditLogPage>;
