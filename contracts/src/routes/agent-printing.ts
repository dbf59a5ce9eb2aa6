import { z } from 'zod';
import { PrinterState } from '../health';
import { PrintComplaintReceipt, PrintJob, PrintJobAccepted, PrintPaymentStatement, PrintProjectSummary } from '../printing';
import { defineRoute } from '../route';

/** `GET /api/printer`: the receipt printer as the agent last heard it. */
export const PrinterStatus = z.object({ state: PrinterState });
export type PrinterStatus = z.infer<typeof PrinterStatus>;

/** `POST /api/print/test-page`: nothing to say, so any empty body (or none). */
export const PrintTestPage = z.object({}).optional();

/**
 * Receipts on the kiosk's thermal printer. A print request answers at once with its job;
 * the job prints from a queue in the agent's SQLite, one at a time, in order. The first two
 * and the job's state are fixed by docs/design.md §13.
 */
export const agentPrintingApi = {
  printPaymentStatement: defineRoute({
    method: 'POST',
    path: '/api/print/payment-statement',
    summary:
      "A statement of the person's payments. 400 `invalid_id_number` (bad check digit); 404 `no_payments` when the person has none. The job keeps only the masked ID",
    access: { kind: 'local' },
    body: PrintPaymentStatement,
    response: PrintJobAccepted,
    status: 202,
  }),
  printComplaintReceipt: defineRoute({
    method: 'POST',
    path: '/api/print/complaint-receipt',
    summary:
      '`ticketNumber` with spaces or hyphens allowed. 400 `invalid_ticket_number`; 404 `unknown_ticket` for a ticket this kiosk does not hold. The receipt gives central\'s reply-by date ("最迟在2026-12-21前给您答复"): the one the agent last heard for the ticket, else, once the complaint is delivered, asked from central then (at most 2.5 s, and remembered for 查进度 offline). A complaint still in the outbox has no date yet (central counts from the day it receives it): the receipt says it goes up when the network is back and that 查进度 will show the date',
    access: { kind: 'local' },
    body: PrintComplaintReceipt,
    response: PrintJobAccepted,
    status: 202,
  }),
  printProjectSummary: defineRoute({
    method: 'POST',
    path: '/api/print/project-summary',
    summary: "A project's summary (the UI's 打印 on a project's detail screen). 404 `unknown_project`",
    access: { kind: 'local' },
    body: PrintProjectSummary,
    response: PrintJobAccepted,
    status: 202,
  }),
  printTestPage: defineRoute({
    method: 'POST',
    path: '/api/print/test-page',
    summary: 'A test page (staff panel)',
    access: { kind: 'local' },
    body: PrintTestPage,
    response: PrintJobAccepted,
    status: 202,
  }),
  getPrintJob: defineRoute({
    method: 'GET',
    path: '/api/print/jobs/:jobId',
    summary:
      '`state` is `queued → printing → done | failed`; `reason` is plain Chinese for the villager when failed. 404 `unknown_print_job`',
    access: { kind: 'local' },
    response: PrintJob,
  }),
  retryPrintJob: defineRoute({
    method: 'POST',
    path: '/api/print/jobs/:jobId/retry',
    summary:
      'A failed job is queued again and prints once (a queued or printing one is left as it is). 404 `unknown_print_job`; 409 `print_job_already_printed`, or `print_job_expired` when its content was dropped (15 minutes after the request)',
    access: { kind: 'local' },
    response: PrintJobAccepted,
    status: 202,
  }),
  printerStatus: defineRoute({
    method: 'GET',
    path: '/api/printer',
    summary:
      '`PrinterState`: `ready`, `paper_low`, `paper_out`, `cover_open`, `offline`, `unknown` (device-path printers, or before the first probe)',
    access: { kind: 'local' },
    response: PrinterStatus,
  }),
} as const;
