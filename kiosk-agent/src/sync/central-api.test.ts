import http from 'node:http';
import type { Heartbeat } from '@sunshine/contracts';
import { listen } from '@sunshine/service-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { CentralUnreachable, createCentralApi } from './central-api';

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

/** A small real HTTP server standing in for central's heartbeat route: one status, one body. */
async function heartbeatServer(status: number, body?: string) {
  const server = http.createServer((req, res) => {
    req.resume().on('end', () => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
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
