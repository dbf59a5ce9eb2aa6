import type { PrinterState } from '@sunshine/contracts';
import type { Database } from 'better-sqlite3';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { columnsFor } from './columns';
import { createPrintJobsRepository } from './print-jobs.repository';
import { createPrintQueue } from './print-queue';
import { printRoutes } from './print.routes';
import type { KioskStamp } from './receipt-model';
import { complaintReceiptModel, paymentStatementModel, projectSummaryModel, type ReceiptSources } from './printing.service';

export type { ReceiptSources } from './printing.service';

export interface PrintingDeps {
  db: Database;
  /** `tcp://host:port` or a device path. */
  printerInterface: string;
  paperMm: 58 | 80;
  kiosk: { number: string | null; name: string | null };
  dataVersion(): { version: number; publishedAt: string | null };
  sources: ReceiptSources;
  logger: Logger;
  onPrinterStateChange(state: PrinterState): void;
  /** Tuning, mostly for tests; defaults suit a real printer. */
  statusTimeoutMs?: number;
  probeIntervalMs?: number;
  settleMs?: number;
  printMsPerLine?: number;
  payloadTtlMs?: number;
}

export interface Printing {
  router: Router;
  printerState(): PrinterState;
  /** Asks the printer now (staff panel "check printer"). */
  probePrinter(): Promise<PrinterState>;
  /** Resolves when the queue is empty and nothing is printing. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The print queue over the agent's SQLite, the printer's state, and the /api/print routes. */
export function createPrinting(deps: PrintingDeps): Printing {
  const columns = columnsFor(deps.paperMm);
  const queue = createPrintQueue({
    repo: createPrintJobsRepository(deps.db),
    printerInterface: deps.printerInterface,
    columns,
    logger: deps.logger,
    onStateChange: deps.onPrinterStateChange,
    statusTimeoutMs: deps.statusTimeoutMs ?? 2000,
    probeIntervalMs: deps.probeIntervalMs ?? 30_000,
    settleMs: deps.settleMs ?? 300,
    // ~4 mm a line at ~150 mm/s: a 40-line statement is still printing for about a second.
    printMsPerLine: deps.printMsPerLine ?? 25,
    payloadTtlMs: deps.payloadTtlMs ?? 15 * 60_000,
  });
  const stamp = (): KioskStamp => ({ kiosk: deps.kiosk, printedAt: new Date().toISOString() });
  const router = printRoutes({
    queue,
    paymentStatement: (idNumber) => paymentStatementModel(deps.sources, idNumber, stamp(), deps.dataVersion()),
    complaintReceipt: (ticketNumber) => complaintReceiptModel(deps.sources, ticketNumber, stamp()),
    projectSummary: (projectId) => projectSummaryModel(deps.sources, projectId, stamp(), deps.dataVersion()),
    testPage: () => ({ kind: 'test-page', ...stamp() }),
    printerState: queue.state,
  });
  return { router, printerState: queue.state, probePrinter: queue.probe, idle: queue.idle, close: queue.close };
}
