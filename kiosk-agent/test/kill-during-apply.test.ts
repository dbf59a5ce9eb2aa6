import fs from 'node:fs';
import path from 'node:path';
import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { agentApi, createApiClient, SYNC_PROTOCOL_VERSION, syncApi, type AgentEnrolment } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentStore } from '../src/content/content.store';
import { openDatabase } from '../src/platform/database';
import { pullOnce } from '../src/sync/sync-client';
import { publishBulk } from './publish';
import { agentClient, enrolKiosk, exited, freePort, silent, spawnService, tempDir, waitFor } from './support';

const TRIALS = 20;
const BULK = 10_000;

/** What one data dir holds: its version, and how much of version N's delta is in it. */
function inspect(dataDir: string, n: number, deleted: string) {
  const db = openDatabase(dataDir);
  try {
    const version = createContentStore(db).dataVersion().version;
    const bulk = db.prepare<[string], { c: number }>('SELECT count(*) AS c FROM notices WHERE id LIKE ?').get(`bulk-${n}-%`)?.c ?? 0;
    const hasDeleted = db.prepare<[string], { c: number }>('SELECT count(*) AS c FROM notices WHERE id = ?').get(deleted)?.c === 1;
    return { version, bulk, hasDeleted };
  } finally {
    db.close();
  }
}

describe('kill -9 while the agent applies a large delta', () => {
  const dir = tempDir('kill');
  const template = path.join(dir, 'template');
  let central: TestCentral;
  let enrolment: AgentEnrolment;
  let m = 0;
  let n = 0;
  let deleted = '';

  // The delta is applied on the main thread, or (SYNC_OFF_THREAD_FROM=1) by the worker
  // threads that load snapshots: the kills alternate between the two.
  const paths = { 'main thread': '20000', 'worker threads': '1' } as const;
  type ApplyPath = keyof typeof paths;
  const spawnAgent = async (dataDir: string, applyPath: ApplyPath = 'main thread') =>
    spawnService('kiosk-agent/src/main.ts', {
      AGENT_PORT: '0',
      AGENT_DATA_DIR: dataDir,
      CENTRAL_URL: central.url,
      PRINTER_INTERFACE: `tcp://127.0.0.1:${await freePort()}`,
      SYNC_OFF_THREAD_FROM: paths[applyPath],
      LOG_LEVEL: 'info',
    });

  /** How long from spawn until the delta is applied, when left alone. */
  async function calibrate(applyPath: ApplyPath): Promise<number> {
    const calibration = path.join(dir, `calibration-${paths[applyPath]}`);
    fs.cpSync(template, calibration, { recursive: true });
    const started = Date.now();
    const child = await spawnAgent(calibration, applyPath);
    let appliedAt = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!appliedAt && chunk.toString().includes('content applied')) appliedAt = Date.now() - started;
    });
    await waitFor(`the calibration apply on the ${applyPath}`, () => appliedAt > 0, 60_000);
    child.kill('SIGKILL');
    await exited(child);
    expect(inspect(calibration, n, deleted)).toEqual({ version: n, bulk: BULK, hasDeleted: false });
    return appliedAt;
  }

  beforeAll(async () => {
    central = await startTestCentral();
    enrolment = await enrolKiosk(central.url, central.enrolmentCode, template);
    const db = openDatabase(template);
    const row = db.prepare<[], { id: string }>("SELECT id FROM notices WHERE id NOT LIKE 'bulk-%' ORDER BY id LIMIT 1").get();
    m = createContentStore(db).dataVersion().version;
    db.close();
    deleted = row?.id ?? '';
    n = await publishBulk(central, BULK, [{ table: 'notices', id: deleted }]);
    // Build central's body once, so every trial times only the agent.
    const kiosk = createApiClient({ baseUrl: central.url, headers: () => ({ authorization: `Bearer ${enrolment.token}` }) });
    const warm = await kiosk.call(syncApi.changes, { query: { since: m, protocol: SYNC_PROTOCOL_VERSION } });
    await warm.arrayBuffer();
  }, 120_000);
  afterAll(async () => {
    await central?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`shows version M or version N, never a mix, over ${TRIALS} kills at random points`, async () => {
    expect(inspect(template, n, deleted)).toEqual({ version: m, bulk: 0, hasDeleted: true });
    const appliedAt = { 'main thread': await calibrate('main thread'), 'worker threads': await calibrate('worker threads') };

    const outcomes = { m: 0, n: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const applyPath: ApplyPath = trial % 2 === 0 ? 'main thread' : 'worker threads';
      const dataDir = path.join(dir, `trial-${trial}`);
      fs.cpSync(template, dataDir, { recursive: true });
      // Spread over start-up, download, the apply itself and just after it.
      const killAt = appliedAt[applyPath] * (0.5 + Math.random());
      const agent = await spawnAgent(dataDir, applyPath);
      await new Promise((r) => setTimeout(r, killAt));
      agent.kill('SIGKILL');
      await exited(agent);

      const seen = inspect(dataDir, n, deleted);
      if (seen.version === m) expect(seen, `trial ${trial} (${applyPath}) at ${Math.round(killAt)} ms`).toEqual({ version: m, bulk: 0, hasDeleted: true });
      else expect(seen, `trial ${trial} (${applyPath}) at ${Math.round(killAt)} ms`).toEqual({ version: n, bulk: BULK, hasDeleted: false });
      outcomes[seen.version === m ? 'm' : 'n']++;

      // Restart: sync completes from wherever the kill left it.
      const reopened = openDatabase(dataDir);
      try {
        await pullOnce({ enrolment, centralUrl: central.url, content: createContentStore(reopened), logger: silent });
      } finally {
        reopened.close();
      }
      expect(inspect(dataDir, n, deleted)).toEqual({ version: n, bulk: BULK, hasDeleted: false });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(`kill -9 trials: ${outcomes.m} left at version M, ${outcomes.n} at N (applied ${JSON.stringify(appliedAt)} ms after spawn when left alone)`);
    expect(outcomes.m + outcomes.n).toBe(TRIALS);
  }, 150_000);

  it('a restarted agent process finishes the sync by itself', async () => {
    const dataDir = path.join(dir, 'restart');
    fs.cpSync(template, dataDir, { recursive: true });
    const first = await spawnAgent(dataDir);
    await new Promise((r) => setTimeout(r, 300));
    first.kill('SIGKILL');
    await exited(first);
    const second = await spawnAgent(dataDir);
    let url = '';
    second.stdout?.on('data', (chunk: Buffer) => {
      url ||= /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(chunk.toString())?.[1] ?? '';
    });
    try {
      await waitFor('the agent to listen', () => url, 30_000);
      const health = await waitFor(
        'version N',
        async () => {
          const h = await agentClient(url).call(agentApi.health.health);
          return h.dataVersion === n ? h : null;
        },
        30_000,
        100,
      );
      expect(health.dataVersion).toBe(n);
    } finally {
      second.kill('SIGKILL');
      await exited(second);
    }
    expect(inspect(dataDir, n, deleted)).toEqual({ version: n, bulk: BULK, hasDeleted: false });
  }, 60_000);
});
