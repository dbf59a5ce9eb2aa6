import {
  AppError,
  isValidTicketNumber,
  normalizeTicketNumber,
  TICKET_NUMBER_MESSAGE,
  type PaymentsLookupResult,
  type PrinterState,
  type PrinterStatus,
  type PrintJob,
  type PrintJobAccepted,
  type Project,
} from '@sunshine/contracts';
import type { ComplaintReceiptModel, KioskStamp, PaymentStatementModel, ProjectSummaryModel, ReceiptModel } from './receipt-model';

/** What a complaint receipt says about the complaint, from the kiosk's outbox and central. */
export interface ComplaintReceiptSource {
  ticketNumber: string;
  pin: string;
  categoryName: string;
  submittedAt: string;
  /** Central's reply-by date; null while central has not got the complaint (or cannot be asked). */
  expectedReplyBy: string | null;
  /** Still in this kiosk's outbox: it reaches the county when the network is back. */
  isPendingDelivery: boolean;
}

/** Where receipt content comes from: the agent wires these to its other features. */
export interface ReceiptSources {
  /** @throws AppError('invalid_id_number') on a bad ID number */
  paymentStatement(idNumber: string): PaymentsLookupResult;
  /** May ask central for the reply-by date, so it answers in its own time. */
  complaintReceipt(ticketNumber: string): Promise<ComplaintReceiptSource | null>;
  projectSummary(projectId: string): Project | null;
}

type DataVersion = { version: number; publishedAt: string | null };

/** The statement's model: the masked ID only, never the number that was typed. */
function paymentStatementModel(sources: ReceiptSources, idNumber: string, stamp: KioskStamp, data: DataVersion): PaymentStatementModel {
  const found = sources.paymentStatement(idNumber);
  if (!found.person || found.payments.length === 0) {
    throw new AppError('no_payments', found.message ?? '没有查到这个身份证号码的发放记录。');
  }
  return {
    kind: 'payment-statement',
    ...stamp,
    person: found.person,
    payments: found.payments.map((p) => ({ programName: p.programName, paidDate: p.paidDate, period: p.period, amountFen: p.amountFen })),
    totals: {
      byProgram: found.totals.byProgram.map((t) => ({ programName: t.programName, count: t.count, totalFen: t.totalFen })),
      totalFen: found.totals.totalFen,
    },
    data,
  };
}

async function complaintReceiptModel(sources: ReceiptSources, ticketNumber: string, stamp: KioskStamp): Promise<ComplaintReceiptModel> {
  const normalized = normalizeTicketNumber(ticketNumber);
  if (!isValidTicketNumber(normalized)) throw new AppError('invalid_ticket_number', TICKET_NUMBER_MESSAGE);
  const found = await sources.complaintReceipt(normalized);
  if (!found) throw new AppError('unknown_ticket', '这台一体机上没有找到这个查询号。');
  return { kind: 'complaint-receipt', ...stamp, ...found };
}

function projectSummaryModel(sources: ReceiptSources, projectId: string, stamp: KioskStamp, data: DataVersion): ProjectSummaryModel {
  const p = sources.projectSummary(projectId);
  if (!p) throw new AppError('unknown_project', '没有找到这个项目。');
  return {
    kind: 'project-summary',
    ...stamp,
    name: p.name,
    projectKind: p.kind,
    status: p.status,
    progress: p.progress,
    budgetFen: p.budgetFen,
    fundSources: p.fundSources.map((f) => ({ source: f.source, amountFen: f.amountFen })),
    spending: p.spending.map((s) => ({ item: s.item, amountFen: s.amountFen, date: s.date })),
    contractor: p.contractor,
    department: p.department,
    startDate: p.startDate,
    endDate: p.endDate,
    outcome: p.outcome,
    data,
  };
}

/** The print queue as the use cases need it (print-queue.ts). */
export interface PrintQueuePort {
  enqueue(model: ReceiptModel): string;
  get(jobId: string): PrintJob | null;
  /** failed → queued again; false when the content has expired or the job is not failed. */
  retry(jobId: string): boolean;
  state(): PrinterState;
}

export interface PrintingServiceDeps {
  queue: PrintQueuePort;
  sources: ReceiptSources;
  kiosk: { number: string | null; name: string | null };
  dataVersion(): DataVersion;
  now?: () => Date;
}

/**
 * 打印: each request builds the receipt's model from what the kiosk holds now and queues it;
 * it answers at once with the job, which prints in its turn.
 */
export function createPrintingService(deps: PrintingServiceDeps) {
  const stamp = (): KioskStamp => ({ kiosk: deps.kiosk, printedAt: (deps.now?.() ?? new Date()).toISOString() });
  const accept = (model: ReceiptModel): PrintJobAccepted => ({ jobId: deps.queue.enqueue(model) });
  const jobOf = (jobId: string): PrintJob => {
    const job = deps.queue.get(jobId);
    if (!job) throw new AppError('unknown_print_job', '没有这个打印任务。');
    // The stored job also holds the receipt's content, which never leaves the agent.
    return { jobId: job.jobId, kind: job.kind, state: job.state, reason: job.reason, createdAt: job.createdAt, updatedAt: job.updatedAt };
  };

  return {
    printPaymentStatement: (idNumber: string) => accept(paymentStatementModel(deps.sources, idNumber, stamp(), deps.dataVersion())),
    printComplaintReceipt: async (ticketNumber: string) => accept(await complaintReceiptModel(deps.sources, ticketNumber, stamp())),
    printProjectSummary: (projectId: string) => accept(projectSummaryModel(deps.sources, projectId, stamp(), deps.dataVersion())),
    printTestPage: () => accept({ kind: 'test-page', ...stamp() }),
    job: jobOf,
    /** A failed job prints once more; a queued or printing one is left to print. */
    retry(jobId: string): PrintJobAccepted {
      const job = jobOf(jobId);
      if (job.state === 'queued' || job.state === 'printing') return { jobId };
      if (job.state === 'done') throw new AppError('print_job_already_printed', '这张凭条已经打印好了。');
      if (!deps.queue.retry(jobId)) throw new AppError('print_job_expired', '打印内容已过期，请重新查询后再打印。');
      return { jobId };
    },
    printer: (): PrinterStatus => ({ state: deps.queue.state() }),
  };
}
export type PrintingService = ReturnType<typeof createPrintingService>;
