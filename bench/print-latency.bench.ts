import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { agentApi, checkIdNumber, idCheckDigit, maskIdNumber, type PaymentsLookupResult, urlOf } from '@sunshine/contracts';
import { errorHandler } from '@sunshine/service-kit';
import { createPrinterServer } from '@sunshine/virtual-printer';
import express from 'express';
import { pino } from 'pino';
import { openDatabase } from '../kiosk-agent/src/platform/database';
import { createPrinting } from '../kiosk-agent/src/printing/index';
import { encodeReceipt } from '../kiosk-agent/src/printing/escpos';
import { paymentStatementLines } from '../kiosk-agent/src/printing/layouts';
import type { PaymentStatementModel } from '../kiosk-agent/src/printing/receipt-model';
import { percentile, result, round, type Benchmark } from './harness';

const RUNS = 30;
const PAYMENTS = 24;
const ID_NUMBER = `45212319800101123${idCheckDigit('45212319800101123')}`;

/** A statement of 24 payments, each on one 80 mm line. */
function statement(): PaymentsLookupResult {
  const payments = Array.from({ length: PAYMENTS }, (_, i) => ({
    id: `p${i}`, programCode: 'ylbx', recipientName: '韦秀英', villageCode: '452123101201', amountFen: 12345 + i,
    period: '2026', paidDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`, department: '人社局', programName: '城乡居民基本养老保险',
  }));
  const totalFen = payments.reduce((s, p) => s + p.amountFen, 0);
  return {
    person: { name: '韦秀英', maskedId: maskIdNumber(ID_NUMBER), villageName: '那坡村' },
    payments,
    totals: { byProgram: [{ programCode: 'ylbx', programName: '城乡居民基本养老保险', count: PAYMENTS, totalFen }], totalFen },
    message: null,
  };
}

const listen = async (server: net.Server | ReturnType<ReturnType<typeof express>['listen']>) => {
  if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
};

/** Baseline: the same receipt's bytes written on a bare socket, connect to last byte received. */
async function rawWriteMs(port: number, bytes: Buffer, vp: ReturnType<typeof createPrinterServer>): Promise<number> {
  const before = vp.receipts.length;
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes, resolve));
    socket.on('error', reject);
  });
  const receipt = (await vp.waitForReceipts(before + 1))[before];
  return (receipt?.lastByteAt ?? start) - start;
}

/**
 * `agentPrintingApi.printPaymentStatement` → last byte at the virtual printer, for a 24-payment
 * statement on 80 mm paper; baseline: a raw socket write of the same bytes.
 */
export const printLatency: Benchmark = {
  name: 'print-latency',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-print-bench-'));
    const vp = createPrinterServer();
    const printerPort = await listen(vp.server);
    const db = openDatabase(dir);
    const logger = pino({ level: 'silent' });
    const data = statement();
    // The wait for paper feed comes after the last byte, so it is shortened: it is not measured.
    const printing = createPrinting({
      db, printerInterface: `tcp://127.0.0.1:${printerPort}`, paperMm: 80, kiosk: { number: '0042', name: '那坡村便民服务点' },
      dataVersion: () => ({ version: 1, publishedAt: null }), logger, onPrinterStateChange: () => undefined, settleMs: 20, printMsPerLine: 0,
      sources: {
        paymentStatement: (id) => (checkIdNumber(id).ok ? data : { ...data, person: null }),
        complaintReceipt: async () => null,
        projectSummary: () => null,
      },
    });
    const app = express().use(express.json()).use(printing.router).use(errorHandler(logger));
    const server = app.listen(0, '127.0.0.1');
    const route = agentApi.printing.printPaymentStatement;
    const url = `http://127.0.0.1:${await listen(server)}${urlOf(route)}`;
    try {
      const printed: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const before = vp.receipts.length;
        const start = performance.now();
        const res = await fetch(url, { method: route.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idNumber: ID_NUMBER }) });
        if (res.status !== 202) throw new Error(`print request answered ${res.status}`);
        const receipt = (await vp.waitForReceipts(before + 1))[before];
        printed.push((receipt?.lastByteAt ?? start) - start);
        await printing.idle();
      }
      const model: PaymentStatementModel = {
        kind: 'payment-statement', kiosk: { number: '0042', name: '那坡村便民服务点' }, printedAt: new Date().toISOString(),
        person: data.person ?? { name: '', maskedId: '', villageName: null }, payments: data.payments, totals: data.totals, data: { version: 1, publishedAt: null },
      };
      const bytes = encodeReceipt(paymentStatementLines(model, 48), 48);
      const raw: number[] = [];
      for (let i = 0; i < RUNS; i++) raw.push(await rawWriteMs(printerPort, bytes, vp));
      printed.sort((a, b) => a - b);
      raw.sort((a, b) => a - b);
      const p50 = percentile(printed, 50);
      const p95 = percentile(printed, 95);
      console.log(`  ${vp.receipts[0]?.text.split('\n').length ?? 0} printed lines, ${bytes.length} bytes per statement`);
      return [
        result({ name: `print payment statement (${PAYMENTS} payments), POST → last byte, p50`, value: round(p50, 1), unit: 'ms', baseline: round(percentile(raw, 50), 2), target: '< 300 ms', pass: p50 < 300 }),
        result({ name: `print payment statement (${PAYMENTS} payments), POST → last byte, p95`, value: round(p95, 1), unit: 'ms', baseline: round(percentile(raw, 95), 2), target: '< 300 ms', pass: p95 < 300 }),
      ];
    } finally {
      await printing.close();
      await new Promise((r) => server.close(r));
      await new Promise((r) => vp.server.close(r));
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
