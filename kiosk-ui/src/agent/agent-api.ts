import { agentPrintingApi as printing, agentStaffApi as staff, agentVillagerApi as villager, type ComplaintSubject, type CreateComplaint } from '@sunshine/contracts';
import { agentCall } from './agent-request';

// What the screens ask of the kiosk agent, each a route value from `agentApi`: the answer has
// been checked against the route's schema, not assumed (docs/api.md, agent section).

export const lookupPayments = (idNumber: string, signal?: AbortSignal) => agentCall(villager.lookupPayments, { body: { idNumber } }, { signal });

export const listComplaintCategories = (signal?: AbortSignal) => agentCall(villager.listComplaintCategories, {}, { signal });

export const createComplaint = (complaint: CreateComplaint) => agentCall(villager.createComplaint, { body: complaint });

export const getTicket = (ticketNumber: string, pin?: string, signal?: AbortSignal) =>
  agentCall(villager.getTicket, { params: { ticketNumber }, query: pin === undefined || pin === '' ? {} : { pin } }, { signal });

/** Open complaints already made about one item, so the villager can add to one. */
export const listOpenTickets = (subject: Pick<ComplaintSubject, 'kind' | 'id'>, signal?: AbortSignal) =>
  agentCall(villager.listOpenTickets, { params: { kind: subject.kind, id: subject.id } }, { signal });

export const printPaymentStatement = (idNumber: string) => agentCall(printing.printPaymentStatement, { body: { idNumber } });

export const printComplaintReceipt = (ticketNumber: string) => agentCall(printing.printComplaintReceipt, { body: { ticketNumber } });

/** 项目公开 summary: nothing personal, so it may be printed by anyone at any time. */
export const printProjectSummary = (projectId: string) => agentCall(printing.printProjectSummary, { body: { projectId } });

export const printTestPage = () => agentCall(printing.printTestPage, { body: {} });

export const getPrintJob = (jobId: string, signal?: AbortSignal) => agentCall(printing.getPrintJob, { params: { jobId } }, { signal });

export const retryPrintJob = (jobId: string) => agentCall(printing.retryPrintJob, { params: { jobId } });

/** Staff panel: the agent checks the PIN against its config (403 `wrong_pin`, 429 `pin_locked`). */
export const unlockStaffPanel = (pin: string) => agentCall(staff.unlock, { body: { pin } });

/** Staff panel: ask the agent to sync with central now. */
export const syncNow = () => agentCall(staff.syncNow);

/** Screen-open counters for central's usage statistics; failures never bother the villager. */
export function recordUsage(screen: string): void {
  void agentCall(villager.recordUsage, { body: { screen } }).catch(() => undefined);
}
