import { createServer } from 'node:http';
import { startTestCentral } from '@sunshine/central/testing';
import { kioskApi, makeTicketNumber } from '@sunshine/contracts';
import { listen } from '@sunshine/service-kit';
import express from 'express';
import { percentile, result, round, type Benchmark } from './harness';

const REQUESTS = 3000;
const CONCURRENCY = 32;

/**
 * Complaint intake from kiosks over HTTP on loopback (validate, seal the contact, insert
 * the ticket and its first event in one transaction) against a bare Express handler that
 * does nothing, driven by the same client in the same run.
 */
export const complaintIntake: Benchmark = {
  name: 'complaint-intake',
  async run() {
    const central = await startTestCentral({ env: { CENTRAL_COMPLAINTS_PER_MINUTE: String(REQUESTS * 10) } });
    const bare = express();
    // The same path as central's, so the two differ only in what answers it.
    bare.post(kioskApi.deliverComplaint.path, express.json(), (_req, res) => {
      res.status(201).json({ ok: true });
    });
    const bareServer = createServer(bare);
    const barePort = await listen(bareServer, 0, '127.0.0.1');
    try {
      const { kioskNumber, token } = await central.enrol('bench kiosk');
      const body = (i: number) =>
        JSON.stringify({
          ticketNumber: makeTicketNumber(Number(kioskNumber), i + 1),
          pin: '1234',
          submittedAt: new Date().toISOString(),
          category: 'subsidy',
          text: '我家今年的耕地地力保护补贴一直没有发下来，请帮忙查一查。',
          contact: { phone: '13800138000' },
        });
      const baseline = await drive(`http://127.0.0.1:${barePort}${kioskApi.deliverComplaint.path}`, token, body);
      const measured = await drive(`${central.url}${kioskApi.deliverComplaint.path}`, token, body);
      return [
        result({
          name: `complaint intake throughput (${REQUESTS} requests, ${CONCURRENCY} at once) vs bare Express`,
          value: round(measured.rps),
          unit: 'req/s',
          baseline: round(baseline.rps),
          target: 'ratio ≥ 0.5',
          pass: measured.rps >= 0.5 * baseline.rps,
        }),
        result({
          name: 'complaint intake p99 latency vs bare Express',
          value: round(measured.p99, 2),
          unit: 'ms',
          baseline: round(baseline.p99, 2),
          target: 'reported',
          pass: true,
        }),
      ];
    } finally {
      bareServer.close();
      await central.close();
    }
  },
};

async function drive(url: string, token: string, body: (i: number) => string): Promise<{ rps: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const i = next++;
      const start = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body(i),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
      latencies.push(performance.now() - start);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { rps: REQUESTS / seconds, p99: percentile(latencies.sort((a, b) => a - b), 99) };
}
