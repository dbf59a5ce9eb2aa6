import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { agentPrintingApi, AppError, checkIdNumber, createApiClient, idCheckDigit, maskIdNumber, type ApiClient, type PaymentsLookupResult, type PrinterState, type PrintJob, type Project } from '@sunshine/contracts';
import { errorHandler } from '@sunshine/service-kit';
import { createPrinterServer } from '@sunshine/virtual-printer';
import express from 'express';
import { pino } from 'pino';
import { openDatabase } from '../src/platform/database';
import { createPrinting, type ReceiptSources } from '../src/printing/index';

// Real parts on loopback for the printing tests: the agent's SQLite file with its
// migrations, the virtual printer, and the print router inside an express app.
// Receipt sources are plain data: they are the inputs, not a stand-in for a printer.

export const ID_NUMBER = `45212319800101123${idCheckDigit('45212319800101123')}`;
/** Generous for a loaded CI machine; the printer answers in about a millisecond. */
export const STATUS_TIMEOUT_MS = 1500;
export const TICKET = '004200001231';

export const payments: PaymentsLookupResult = {
  person: { name: '韦秀英', maskedId: maskIdNumber(ID_NUMBER), villageName: '那坡村' },
  payments: [
    { id: 'p1', programCode: 'ylbx', recipientName: '韦秀英', villageCode: '452123101201', amountFen: 123450, period: '2026-10', paidDate: '2026-10-15', department: '人社局', programName: '城乡居民基本养老保险' },
    { id: 'p2', programCode: 'gdbt', recipientName: '韦秀英', villageCode: '452123101201', amountFen: 8805, period: '2026', paidDate: '2026-04-02', department: '农业农村局', programName: '耕地地力保护补贴' },
  ],
  totals: {
    byProgram: [
      { programCode: 'ylbx', programName: '城乡居民基本养老保险', count: 1, totalFen: 123450 },
      { programCode: 'gdbt', programName: '耕地地力保护补贴', count: 1, totalFen: 8805 },
    ],
    totalFen: 132255,
  },
  message: null,
};

export const project: Project = {
  id: 'prj-1', version: 3, updatedAt: '2026-09-01T00:00:00.000Z', sourceImportId: 'imp-1',
  name: '那坡村饮水安全巩固提升工程', kind: 'livelihood', scopeCode: '452123101201', budgetFen: 45000000,
  fundSources: [{ source: '中央财政衔接资金', amountFen: 30000000 }, { source: '县级配套', amountFen: 15000000 }],
  spending: [{ item: '管网铺设', amountFen: 21000000, date: '2026-05-10' }, { item: '蓄水池建设', amountFen: 9876543, date: '2026-06-20' }],
  contractor: '百色市某某水利工程有限公司', status: 'in_progress', progress: 60, outcome: '解决全村312户1200人安全饮水。',
  startDate: '2026-03-01', endDate: null, department: '县水利局', attachments: [],
};

export const sources: ReceiptSources = {
  paymentStatement(idNumber) {
    const check = checkIdNumber(idNumber);
    if (!check.ok) throw new AppError('invalid_id_number', check.message);
    return check.idNumber === ID_NUMBER ? payments : { ...payments, person: null, payments: [], message: '没有查到发放记录。' };
  },
  complaintReceipt: async (t) =>
    t === TICKET ? { ticketNumber: TICKET, pin: '4821', categoryName: '惠民补贴发放', submittedAt: '2026-11-26T02:30:00.000Z', expectedReplyBy: '2026-12-10', isPendingDelivery: false } : null,
  projectSummary: (id) => (id === project.id ? project : null),
};

export async function listenLoopback(server: { listen(port: number, host: string, cb: () => void): unknown; address(): unknown }): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A free loopback port with nothing listening: an unreachable printer. */
export async function closedPort(): Promise<number> {
  const { default: net } = await import('node:net');
  const s = net.createServer();
  const port = await listenLoopback(s);
  await new Promise((r) => s.close(r));
  return port;
}

export async function startPrinter() {
  const printer = createPrinterServer();
  const port = await listenLoopback(printer.server);
  return { printer, port, close: () => new Promise((r) => printer.server.close(r)) };
}

export interface AgentHarness {
  url: string;
  /** The typed client on the print routes, as the kiosk UI calls them. */
  client: ApiClient;
  dir: string;
  states: PrinterState[];
  printing: ReturnType<typeof createPrinting>;
  close(): Promise<void>;
}

/** The print router on a real SQLite file in `dir` (a new temp dir by default). */
export async function startAgent(printerInterface: string, opts: { dir?: string; paperMm?: 58 | 80; statusTimeoutMs?: number; payloadTtlMs?: number } = {}): Promise<AgentHarness> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'printing-test-'));
  const db = openDatabase(dir);
  const logger = pino({ level: 'silent' });
  const states: PrinterState[] = [];
  const printing = createPrinting({
    db, printerInterface, paperMm: opts.paperMm ?? 58, kiosk: { number: '0042', name: '那坡村便民服务点' },
    dataVersion: () => ({ version: 17, publishedAt: '2026-11-20T02:00:00.000Z' }),
    sources, logger, onPrinterStateChange: (s) => states.push(s),
    statusTimeoutMs: opts.statusTimeoutMs ?? STATUS_TIMEOUT_MS, settleMs: 20, printMsPerLine: 0, probeIntervalMs: 60_000, payloadTtlMs: opts.payloadTtlMs,
  });
  const app = express();
  app.use(express.json());
  app.use(printing.router);
  app.use(errorHandler(logger));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, client: createApiClient({ baseUrl: url }), dir, states, printing,
    async close() {
      await printing.close();
      await new Promise((r) => server.close(r));
      db.close();
    },
  };
}

/** Polls the job until it leaves queued/printing. */
export async function settledJob(baseUrl: string, jobId: string, timeoutMs = 5000): Promise<PrintJob> {
  const client = createApiClient({ baseUrl });
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await client.call(agentPrintingApi.getPrintJob, { params: { jobId } });
    if (job.state === 'done' || job.state === 'failed' || Date.now() > until) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
}
