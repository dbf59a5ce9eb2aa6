import type { PrinterState } from '@sunshine/contracts';
import type { Database } from 'better-sqlite3';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { columnsFor } from './columns';
import { createPrintJobsRepository } from './print-jobs.repository';
import { createPrintQueue } from './print-queue';
import { printRoutes } from './print.routes';
import { createPrintingService, type ReceiptSources } from './printing.service';

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

/** The print queue over the agent's SQLite, the printer's state, and the print routes (`agentPrintingApi`). */
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
  const router = printRoutes(createPrintingService({ queue, sources: deps.sources, kiosk: deps.kiosk, dataVersion: deps.dataVersion }));
  return { router, printerState: queue.state, probePrinter: queue.probe, idle: queue.idle, close: queue.close };
}
