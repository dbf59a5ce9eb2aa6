import http from 'node:http';
import { makeTicketNumber, type ComplaintIntake } from '@sunshine/contracts';
import { createLogger, listen } from '@sunshine/service-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentralApi } from './central-api';
import { startComplaintForwarder } from './complaint-forwarder';

const intake = (sequence: number): ComplaintIntake => ({
  category: 'other',
  text: `反映 ${sequence}`,
  ticketNumber: makeTicketNumber(7, sequence),
  pin: '1234',
  submittedAt: new Date().toISOString(),
});

/** A small real HTTP server standing in for central's intake: answers what `answer` says. */
async function intakeServer(answer: (ticketNumber: string, calls: number) => number) {
  const calls = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { ticketNumber } = JSON.parse(body) as { ticketNumber: string };
      const n = (calls.get(ticketNumber) ?? 0) + 1;
      calls.set(ticketNumber, n);
      const status = answer(ticketNumber, n);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { ticketNumber, duplicate: status === 200 } : { error: { code: 'bad_request', message: 'no' } }));
    });
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((r) => server.close(r)) };
}

function outbox(items: ComplaintIntake[]) {
  const state = new Map(items.map((i) => [i.ticketNumber, 'pending']));
  return {
    state,
    due: (limit: number) => items.filter((i) => state.get(i.ticketNumber) === 'pending').slice(0, limit),
    markDelivered: (n: string) => void state.set(n, 'delivered'),
    markFailed: (n: string) => void state.set(n, 'failed'),
    noteAttempt: () => undefined,
  };
}

describe('complaint forwarder', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('keeps a complaint central refuses with a 4xx as failed, and delivers the rest', async () => {
    const bad = makeTicketNumber(7, 2);
    const server = await intakeServer((n) => (n === bad ? 400 : 201));
    closers.push(server.close);
    const box = outbox([intake(1), intake(2), intake(3)]);
    const api = createCentralApi({ centralUrl: server.url, token: 't' });
    const forwarder = startComplaintForwarder({ ...box, deliver: api.deliverComplaint, logger: createLogger('test', 'silent'), onChange: () => undefined });
    await forwarder.kick();
    expect([...box.state.values()]).toEqual(['delivered', 'failed', 'delivered']);
    expect(server.calls.get(bad)).toBe(1);
  });

  it('retries 429 and 5xx with backoff until central takes it', async () => {
    const server = await intakeServer((_n, calls) => (calls === 1 ? 429 : calls === 2 ? 503 : 201));
    closers.push(server.close);
    const box = outbox([intake(1)]);
    const api = createCentralApi({ centralUrl: server.url, token: 't' });
    const forwarder = startComplaintForwarder({
      ...box,
      deliver: api.deliverComplaint,
      logger: createLogger('test', 'silent'),
      onChange: () => undefined,
      minRetryMs: 10,
      maxRetryMs: 20,
    });
    await forwarder.kick();
    expect(box.state.get(makeTicketNumber(7, 1))).toBe('delivered');
    expect(server.calls.get(makeTicketNumber(7, 1))).toBe(3);
  });
});
