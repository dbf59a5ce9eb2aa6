import crypto from 'node:crypto';
import http from 'node:http';
import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { SyncHeader, type AgentEnrolment } from '@sunshine/contracts';
import { listen } from '@sunshine/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentStore, type ContentStore } from '../src/content/content.store';
import { openDatabase, type Database } from '../src/platform/database';
import { pullOnce } from '../src/sync/sync-client';
import { publishBulk } from './publish';
import { enrolKiosk, silent, tempDir } from './support';

type Tamper = 'none' | 'signature' | 'body' | 'replay';
interface Recorded {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A real HTTP proxy in front of a real central that can spoil its sync answers. */
async function startTamperingProxy(centralUrl: string) {
  let mode: Tamper = 'none';
  let recorded: Recorded | undefined;
  let recording = true;
  const server = http.createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(new URL(req.url ?? '/', centralUrl), { headers: { authorization: req.headers.authorization ?? '' } });
      const headers: Record<string, string> = {};
      for (const name of ['content-type', SyncHeader.manifest, SyncHeader.signature]) {
        const value = upstream.headers.get(name);
        if (value) headers[name] = value;
      }
      let answer: Recorded = { status: upstream.status, headers, body: Buffer.from(await upstream.arrayBuffer()) };
      if (upstream.status === 200 && mode === 'none' && recording) recorded = answer;
      if (mode === 'replay' && recorded) answer = recorded;
      if (mode === 'signature') {
        const sig = Buffer.from(headers[SyncHeader.signature] ?? '', 'base64');
        sig[0] = (sig[0] ?? 0) ^ 0xff;
        answer.headers[SyncHeader.signature] = sig.toString('base64');
      }
      if (mode === 'body') {
        answer = { ...answer, body: Buffer.from(answer.body) };
        const i = answer.body.length >> 1;
        answer.body[i] = (answer.body[i] ?? 0) ^ 0x01;
      }
      res.writeHead(answer.status, answer.headers).end(answer.body);
    })().catch(() => res.destroy());
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, setMode: (m: Tamper) => (mode = m),
    /** Keeps the body recorded so far, to replay it later. */
    stopRecording: () => (recording = false), close: () => new Promise((r) => server.close(r)) };
}

/** Everything the kiosk holds, as one hash: unchanged means unchanged. */
function digest(db: Database): string {
  const hash = crypto.createHash('sha256');
  for (const { name } of db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()) {
    for (const row of db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

describe('sync refuses tampered and replayed content', () => {
  let central: TestCentral;
  let proxy: Awaited<ReturnType<typeof startTamperingProxy>>;
  let enrolment: AgentEnrolment;
  let db: Database;
  let content: ContentStore;
  const pull = () => pullOnce({ enrolment, centralUrl: proxy.url, content, logger: silent });

  beforeAll(async () => {
    central = await startTestCentral();
    proxy = await startTamperingProxy(central.url);
    const dataDir = tempDir('tamper');
    enrolment = await enrolKiosk(central.url, central.enrolmentCode, dataDir);
    db = openDatabase(dataDir);
    content = createContentStore(db);
  });
  afterAll(async () => {
    db?.close();
    await proxy?.close();
    await central?.close();
  });

  it('applies a genuine delta through the proxy', async () => {
    const before = content.dataVersion().version;
    const version = await publishBulk(central, 50);
    await expect(pull()).resolves.toMatchObject({ kind: 'applied', from: before, to: version });
  });

  it.each([
    ['a manifest with a bad signature', 'signature', /signature/],
    ['a body whose hash does not match', 'body', /hash/],
  ] as const)('refuses %s and leaves the cache unchanged', async (_what, mode, error) => {
    await publishBulk(central, 20);
    const before = digest(db);
    proxy.setMode(mode);
    await expect(pull()).rejects.toThrow(error);
    expect(digest(db)).toBe(before);
    proxy.setMode('none');
    await pull();
  });

  it('refuses a replayed older version and leaves the cache unchanged', async () => {
    await publishBulk(central, 10);
    const older = await pull();
    proxy.stopRecording();
    await publishBulk(central, 10);
    const newer = await pull();
    expect(newer).toMatchObject({ kind: 'applied' });
    expect(older.kind === 'applied' && newer.kind === 'applied' && older.to < newer.to).toBe(true);
    const before = digest(db);
    proxy.setMode('replay');
    await expect(pull()).rejects.toThrow(/refusing version/);
    expect(digest(db)).toBe(before);
    proxy.setMode('none');
  });
});
