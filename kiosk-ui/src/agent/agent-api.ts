import {
  AgentTicket,
  ComplaintCategory,
  ComplaintCreated,
  OpenTicketSummary,
  PaymentsLookupResult,
  PrintJob,
  PrintJobAccepted,
  type ComplaintSubject,
  type CreateComplaint,
} from '@sunshine/contracts';
import { z } from 'zod';
import { agentRequest } from './agent-request';

// Typed calls to the kiosk agent (docs/api.md). Each one names its contract schema, so
// what the screens receive has been checked, not assumed.

const NoContent = z.unknown();

export const lookupPayments = (idNumber: string, signal?: AbortSignal) =>
  agentRequest('/api/payments/lookup', PaymentsLookupResult, { body: { idNumber }, signal });

export const listComplaintCategories = (signal?: AbortSignal) =>
  agentRequest('/api/complaint-categories', ComplaintCategory.array(), { signal });

export const createComplaint = (complaint: CreateComplaint) =>
  agentRequest('/api/complaints', ComplaintCreated, { body: complaint });

export function getTicket(ticketNumber: string, pin?: string, signal?: AbortSignal) {
  const query = pin === undefined || pin === '' ? '' : `?pin=${encodeURIComponent(pin)}`;
  return agentRequest(`/api/tickets/${encodeURIComponent(ticketNumber)}${query}`, AgentTicket, { signal });
}

/** Open complaints already made about one item, so the villager can add to one. */
export const listOpenTickets = (subject: Pick<ComplaintSubject, 'kind' | 'id'>, signal?: AbortSignal) =>
  agentRequest(
    `/api/subjects/${subject.kind}/${encodeURIComponent(subject.id)}/open-tickets`,
    OpenTicketSummary.array(),
    { signal },
  );

export const printPaymentStatement = (idNumber: string) =>
  agentRequest('/api/print/payment-statement', PrintJobAccepted, { body: { idNumber } });

export const printComplaintReceipt = (ticketNumber: string) =>
  agentRequest('/api/print/complaint-receipt', PrintJobAccepted, { body: { ticketNumber } });

/** 项目公开 summary: nothing personal, so it may be printed by anyone at any time. */
export const printProjectSummary = (projectId: string) =>
  agentRequest('/api/print/project-summary', PrintJobAccepted, { body: { projectId } });

export const printTestPage = () => agentRequest('/api/print/test-page', PrintJobAccepted, { body: {} });

export const getPrintJob = (jobId: string, signal?: AbortSignal) =>
  agentRequest(`/api/print/jobs/${encodeURIComponent(jobId)}`, PrintJob, { signal });

export const retryPrintJob = (jobId: string) =>
  agentRequest(`/api/print/jobs/${encodeURIComponent(jobId)}/retry`, PrintJobAccepted.or(PrintJob), {
    body: {},
  });

/** Staff panel: the agent checks the PIN against its config (403 wrong_pin). */
export const unlockStaffPanel = (pin: string) => agentRequest('/api/staff/unlock', NoContent, { body: { pin } });

/** Staff panel: ask the agent to sync with central now. */
export const syncNow = () => agentRequest('/api/sync/now', NoContent, { body: {} });

/** Screen-open counters for central's usage statistics; failures never bother the villager. */
export function recordUsage(screen: string): void {
  void agentRequest('/api/usage', NoContent, { body: { screen } }).catch(() => undefined);
}
