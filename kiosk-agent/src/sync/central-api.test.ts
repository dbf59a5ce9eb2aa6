import http from 'node:http';
import { makeTicketNumber, type Heartbeat } from '@sunshine/contracts';
import { listen } from '@sunshine/service-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { CentralRateLimited, CentralUnreachable, createCentralApi } from './central-api';

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

describe('central’s answer to a ticket lookup', () => {
  const lookupOf = async (status: number, code: string) => {
    const central = await heartbeatServer(status, JSON.stringify({ error: { code, message: 'no' } }));
    try {
      return await central.api.getTicket(makeTicketNumber(7, 1), '1234').catch((err: unknown) => err);
    } finally {
      await central.close();
    }
  };

  it('reads the reason from the code: an unknown ticket, a wrong PIN, a ticket locked after wrong PINs', async () => {
    expect(await lookupOf(404, 'unknown_ticket')).toEqual({ kind: 'not_found' });
    expect(await lookupOf(403, 'wrong_pin')).toEqual({ kind: 'wrong_pin', message: 'wrong_pin: no' });
    expect(await lookupOf(429, 'pin_locked')).toEqual({ kind: 'rate_limited' });
    // What centrals before those codes answered.
    expect(await lookupOf(404, 'not_found')).toEqual({ kind: 'not_found' });
    expect(await lookupOf(429, 'rate_limited')).toEqual({ kind: 'rate_limited' });
  });

  it('takes a revoked credential (403 kiosk_revoked) for central out of reach, not for a wrong PIN', async () => {
    expect(await lookupOf(403, 'kiosk_revoked')).toBeInstanceOf(CentralUnreachable);
    expect(await lookupOf(401, 'unauthorized')).toBeInstanceOf(CentralUnreachable);
  });
});
