import http from 'node:http';
import { makeTicketNumber, type ComplaintIntake } from '@sunshine/contracts';
import { createLogger, listen } from '@sunshine/service-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentralApi } from './central-api';
import { startComplaintForwarder, type ForwarderDeps } from './complaint-forwarder';

const intake = (sequence: number): ComplaintIntake => ({
  category: 'other',
  text: `反映 ${sequence}`,
  ticketNumber: makeTicketNumber(7, sequence),
  pin: '1234',
  submittedAt: new Date().toISOString(),
});

type Answer = number | { status: number; retryAfter: string };

/** A small real HTTP server standing in for central's intake: answers what `answer` says, and notes when. */
async function intakeServer(answer: (ticketNumber: string, calls: number) => Answer) {
  const calls = new Map<string, number>();
  const times = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { ticketNumber } = JSON.parse(body) as { ticketNumber: string };
      const n = (calls.get(ticketNumber) ?? 0) + 1;
      calls.set(ticketNumber, n);
      times.set(ticketNumber, [...(times.get(ticketNumber) ?? []), performance.now()]);
      const a = answer(ticketNumber, n);
      const status = typeof a === 'number' ? a : a.status;
      res.writeHead(status, { 'content-type': 'application/json', ...(typeof a === 'number' ? {} : { 'retry-after': a.retryAfter }) });
      res.end(JSON.stringify(status < 300 ? { ticketNumber, duplicate: status === 200 } : { error: { code: 'bad_request', message: 'no' } }));
    });
  });
  const port = await listen(server, 0, '127.0.0.1');
  /** Milliseconds between a ticket's `from`th and `from + 1`th delivery attempt (1-based). */
  const gap = (ticketNumber: string, from: number) => (times.get(ticketNumber)?.[from] ?? NaN) - (times.get(ticketNumber)?.[from - 1] ?? NaN);
  return { url: `http://127.0.0.1:${port}`, calls, gap, close: () => new Promise((r) => server.close(r)) };
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
  async function forward(items: ComplaintIntake[], answer: (ticketNumber: string, calls: number) => Answer, backoff: Pick<ForwarderDeps, 'minRetryMs' | 'maxRetryMs'>) {
    const server = await intakeServer(answer);
    closers.push(server.close);
    const box = outbox(items);
    const api = createCentralApi({ centralUrl: server.url, token: 't' });
    const forwarder = startComplaintForwarder({ ...box, deliver: api.deliverComplaint, logger: createLogger('test', 'silent'), onChange: () => undefined, ...backoff });
    closers.push(async () => forwarder.stop());
    return { server, box, forwarder };
  }

  it('keeps a complaint central refuses with a 4xx as failed, and delivers the rest', async () => {
    const bad = makeTicketNumber(7, 2);
    const { server, box, forwarder } = await forward([intake(1), intake(2), intake(3)], (n) => (n === bad ? 400 : 201), {});
    await forwarder.kick();
    expect([...box.state.values()]).toEqual(['delivered', 'failed', 'delivered']);
    expect(server.calls.get(bad)).toBe(1);
  });

  it('retries 5xx and a 429 that names no wait with backoff until central takes it', async () => {
    const { server, box, forwarder } = await forward([intake(1)], (_n, calls) => (calls === 1 ? 429 : calls === 2 ? 503 : 201), { minRetryMs: 10, maxRetryMs: 20 });
    await forwarder.kick();
    expect(box.state.get(makeTicketNumber(7, 1))).toBe('delivered');
    expect(server.calls.get(makeTicketNumber(7, 1))).toBe(3);
  });

  it('waits as long as central’s Retry-After says after a 429, not its own longer backoff', async () => {
    const first = makeTicketNumber(7, 1);
    const { server, box, forwarder } = await forward([intake(1)], (_n, calls) => (calls === 1 ? { status: 429, retryAfter: '1' } : 201), { minRetryMs: 8_000 });
    await forwarder.kick();
    expect(box.state.get(first)).toBe('delivered');
    expect(server.gap(first, 1)).toBeGreaterThanOrEqual(990);
    expect(server.gap(first, 1)).toBeLessThan(1_800);
  });

  it('does not cut central’s Retry-After short when a new complaint arrives', async () => {
    const first = makeTicketNumber(7, 1);
    const { server, forwarder } = await forward([intake(1)], (_n, calls) => (calls === 1 ? { status: 429, retryAfter: '1' } : 201), {});
    const pass = forwarder.kick();
    await new Promise((r) => setTimeout(r, 200));
    void forwarder.kick();
    await pass;
    expect(server.gap(first, 1)).toBeGreaterThanOrEqual(990);
  });

  it('starts the backoff again from the shortest wait once a complaint was delivered', async () => {
    const [first, second] = [makeTicketNumber(7, 1), makeTicketNumber(7, 2)];
    // The first complaint fails four times (waits of 100–200, …, 800–1600 ms), then goes through.
    const { server, box, forwarder } = await forward([intake(1), intake(2)], (n, calls) => (n === first ? (calls <= 4 ? 503 : 201) : calls === 1 ? 503 : 201), {
      minRetryMs: 100,
      maxRetryMs: 10_000,
    });
    await forwarder.kick();
    expect([...box.state.values()]).toEqual(['delivered', 'delivered']);
    expect(server.gap(first, 4)).toBeGreaterThanOrEqual(790);
    expect(server.gap(second, 1)).toBeLessThan(500);
  }, 10_000);

  it('cuts a failure’s backoff short when kicked (central is back)', async () => {
    const first = makeTicketNumber(7, 1);
    const { server, box, forwarder } = await forward([intake(1)], (_n, calls) => (calls === 1 ? 503 : 201), { minRetryMs: 10_000 });
    const pass = forwarder.kick();
    await new Promise((r) => setTimeout(r, 200));
    void forwarder.kick();
    await pass;
    expect(box.state.get(first)).toBe('delivered');
    expect(server.gap(first, 1)).toBeLessThan(1_000);
  });
});
