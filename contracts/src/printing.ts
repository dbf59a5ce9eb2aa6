import { z } from 'zod';
import { IsoDateTime } from './common';

export const PrintJobKind = z.enum(['payment-statement', 'complaint-receipt', 'project-summary', 'test-page']);
export type PrintJobKind = z.infer<typeof PrintJobKind>;

export const PrintJobState = z.enum(['queued', 'printing', 'done', 'failed']);
export type PrintJobState = z.infer<typeof PrintJobState>;

/** `GET /api/print/jobs/:jobId`. `reason` is plain Chinese for the villager when failed. */
export const PrintJob = z.object({
  jobId: z.string(),
  kind: PrintJobKind,
  state: PrintJobState,
  reason: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PrintJob = z.infer<typeof PrintJob>;

export const PrintPaymentStatement = z.object({ idNumber: z.string().max(32) });
/**
 * The number as the villager has it (spaces and hyphens allowed): the agent checks it, so a
 * bad check digit answers `invalid_ticket_number` as docs/design.md §13 fixes.
 */
export const PrintComplaintReceipt = z.object({ ticketNumber: z.string().max(32) });
export const PrintProjectSummary = z.object({ projectId: z.string().min(1).max(64) });
export const PrintJobAccepted = z.object({ jobId: z.string() });
export type PrintJobAccepted = z.infer<typeof PrintJobAccepted>;
