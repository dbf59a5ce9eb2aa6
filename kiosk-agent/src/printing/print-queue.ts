import { randomUUID } from 'node:crypto';
import type { PrinterState } from '@sunshine/contracts';
import type { Logger } from 'pino';
import { appendReceipt, createThermalPrinter } from './escpos';
import { layoutReceipt } from './layouts';
import type { PrintJobsRepository, StoredPrintJob } from './print-jobs.repository';
import type { ReceiptLine, ReceiptModel } from './receipt-model';
import { blockingReason, failedDuringReason, parseTcpInterface, queryPrinterStatus } from './status';

// One job at a time, in order. Each job: ask the printer's state (refuse to send to a
// printer that cannot print), send the bytes, let the printer settle, ask again (paper
// that ran out or a cover opened mid-job fails the job: the paper may be incomplete).
// A job found 'printing' at start-up failed mid-way before a crash; it is failed with a
// reason rather than printed again unasked (the villager may already hold half of it).

export const INTERRUPTED_REASON = '打印被中断（一体机重新启动过），凭条可能没有打完。需要的话请重新打印。';
export const BAD_CONTENT_REASON = '这张凭条的内容有误，无法打印。请找工作人员。';
export const EXPIRED_REASON = '打印内容已过期，请重新查询后再打印。';

export interface PrintQueueOptions {
  repo: PrintJobsRepository;
  printerInterface: string;
  columns: number;
  logger: Logger;
  onStateChange(state: PrinterState): void;
  /** A printer silent this long is offline. */
  statusTimeoutMs: number;
  /** How often to ask an idle printer for its state. */
  probeIntervalMs: number;
  /** Wait after the bytes went out before asking whether the job printed whole… */
  settleMs: number;
  /** …plus this per printed line: a real printer is still feeding paper after the last byte. */
  printMsPerLine: number;
  /** Unprinted content is dropped after this long: the villager has gone. */
  payloadTtlMs: number;
}

export type PrintQueue = ReturnType<typeof createPrintQueue>;

export function createPrintQueue(o: PrintQueueOptions) {
  const target = parseTcpInterface(o.printerInterface);
  let state: PrinterState = 'unknown';
  let running: Promise<void> | null = null;
  let closed = false;

  const setState = (next: PrinterState) => {
    if (next === state) return;
    o.logger.info({ from: state, to: next }, 'printer state changed');
    state = next;
    o.onStateChange(next);
  };
  // A device path has no back channel: its state stays unknown and jobs just go out.
  const probe = async (): Promise<PrinterState> => {
    if (!target) return 'unknown';
    const s = await queryPrinterStatus(target, o.statusTimeoutMs);
    setState(s);
    return s;
  };
  const expire = () => o.repo.expire(new Date(Date.now() - o.payloadTtlMs).toISOString(), EXPIRED_REASON);

  /** Sends the receipt's lines; resolves once the bytes are written. */
  async function send(lines: ReceiptLine[]): Promise<void> {
    const printer = createThermalPrinter(o.printerInterface, o.columns, o.statusTimeoutMs);
    appendReceipt(printer, lines);
    await printer.execute();
  }

  async function run(job: StoredPrintJob): Promise<void> {
    if (!o.repo.start(job.jobId)) return;
    if (!job.model) return o.repo.fail(job.jobId, EXPIRED_REASON);
    let lines: ReceiptLine[];
    try {
      lines = layoutReceipt(job.model, o.columns);
    } catch (err) {
      o.logger.error({ err, jobId: job.jobId }, 'receipt could not be laid out');
      return o.repo.fail(job.jobId, BAD_CONTENT_REASON);
    }
    const blocked = blockingReason(await probe());
    if (blocked) return o.repo.fail(job.jobId, blocked);
    try {
      await send(lines);
    } catch (err) {
      o.logger.warn({ err, jobId: job.jobId }, 'print job could not be sent');
      setState('offline');
      return o.repo.fail(job.jobId, failedDuringReason('offline'));
    }
    const settle = o.settleMs + lines.length * o.printMsPerLine;
    if (settle > 0) await new Promise((r) => setTimeout(r, settle));
    const after = await probe();
    if (blockingReason(after)) return o.repo.fail(job.jobId, failedDuringReason(after));
    o.repo.done(job.jobId);
    o.logger.info({ jobId: job.jobId, kind: job.kind }, 'print job done');
  }

  async function drain(): Promise<void> {
    for (let job = o.repo.next(); job && !closed; job = o.repo.next()) {
      try {
        await run(job);
      } catch (err) {
        o.logger.error({ err, jobId: job.jobId }, 'print job crashed');
        o.repo.fail(job.jobId, failedDuringReason('offline'));
      }
    }
  }

  function kick(): void {
    if (running || closed) return;
    running = drain().finally(() => {
      running = null;
      if (!closed && o.repo.next()) kick();
    });
  }

  const interrupted = o.repo.failInterrupted(INTERRUPTED_REASON);
  if (interrupted > 0) o.logger.warn({ interrupted }, 'print jobs interrupted by a restart were failed');
  expire();
  const timer = setInterval(() => {
    expire();
    if (!running) void probe();
  }, o.probeIntervalMs);
  timer.unref();
  void probe().then(kick);

  return {
    state: () => state,
    probe,
    get: (jobId: string) => o.repo.get(jobId),
    enqueue(model: ReceiptModel): string {
      const jobId = randomUUID();
      o.repo.create(jobId, model);
      kick();
      return jobId;
    },
    /** failed → queued again; false when the content has expired or the job is not failed. */
    retry(jobId: string): boolean {
      expire();
      const ok = o.repo.requeue(jobId);
      if (ok) kick();
      return ok;
    },
    /** Resolves when nothing is printing or queued. */
    async idle(): Promise<void> {
      while (running) await running;
    },
    async close(): Promise<void> {
      closed = true;
      clearInterval(timer);
      await running;
    },
  };
}
