import http from 'node:http';
import { makeTicketNumber, type Heartbeat } from '@sunshine/contracts';
import { listen } from '@sunshine/service-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { CentralRateLimited, CentralUnreachable, createCentralApi, parseRetryAfter } from './central-api';

const beat: Heartbeat = {
  sentAt: new Date().toISOString(),
  dataVersion: 1,
  outboxPending: 0,
  printer: { state: 'ready' },
  uptimeSeconds: 1,
  diskFreeBytes: null,
  lastSyncError: null,
  usage: {},
};

/** A small real HTTP server standing in for central's kiosk API: one status, one body, for every route. */
async function heartbeatServer(status: number, body?: string, headers: Record<string, string> = {}) {
  const server = http.createServer((req, res) => {
    req.resume().on('end', () => {
      res.writeHead(status, { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) });
      res.end(body);
    });
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { api: createCentralApi({ centralUrl: `http://127.0.0.1:${port}`, token: 't'.repeat(32) }), close: () => new Promise((r) => server.close(r)) };
}

describe('central’s answer to a heartbeat', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  const answerOf = async (status: number, body?: string) => {
    const central = await heartbeatServer(status, body);
    closers.push(central.close);
    return central.api.heartbeat(beat);
  };

  it('is the village central names now, or null when it names none', async () => {
    expect(await answerOf(200, JSON.stringify({ villageCode: '452123100001' }))).toEqual({ villageCode: '452123100001' });
    expect(await answerOf(200, JSON.stringify({ villageCode: null }))).toEqual({ villageCode: null });
  });

  it('is no news from an older central that answers 204, or a body this agent cannot read', async () => {
    expect(await answerOf(204)).toBeNull();
    expect(await answerOf(200, '')).toBeNull();
    expect(await answerOf(200, JSON.stringify({ villageCode: 'nowhere' }))).toBeNull();
  });

  it('is a failure to deliver when central refuses or fails', async () => {
    await expect(answerOf(500, '{}')).rejects.toBeInstanceOf(CentralUnreachable);
    await expect(answerOf(401, '{}')).rejects.toBeInstanceOf(CentralUnreachable);
  });
});

describe('central’s 429 to a complaint', () => {
  const intake = { category: 'other', text: '反映', ticketNumber: makeTicketNumber(7, 1), pin: '1234', submittedAt: new Date().toISOString() };
  const refusalOf = async (headers: Record<string, string>) => {
    const central = await heartbeatServer(429, JSON.stringify({ error: { code: 'rate_limited', message: 'too many' } }), headers);
    try {
      return await central.api.deliverComplaint(intake).then(
        () => undefined,
        (err: unknown) => err,
      );
    } finally {
      await central.close();
    }
  };

  it('is a CentralRateLimited carrying central’s Retry-After, still a reason to retry', async () => {
    const refusal = await refusalOf({ 'retry-after': '37' });
    expect(refusal).toBeInstanceOf(CentralRateLimited);
    expect(refusal).toBeInstanceOf(CentralUnreachable);
    expect(refusal).toMatchObject({ retryAfterMs: 37_000 });
  });

  it('names no wait when central sent no Retry-After it can read', async () => {
    expect(await refusalOf({})).toMatchObject({ retryAfterMs: undefined });
    expect(await refusalOf({ 'retry-after': 'soon' })).toMatchObject({ retryAfterMs: undefined });
  });
});

describe('Retry-After', () => {
  it('is read as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-26T08:00:00Z');
    expect(parseRetryAfter('60', now)).toBe(60_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 26 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 07:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
