import path from 'node:path';
import { buildCentral, loadConfig, type Central } from '@sunshine/central';
import { agentVillagerApi } from '@sunshine/contracts';
import { listen } from '@sunshine/service-kit';
import { generateCounty } from '@sunshine/synthetic-county';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, enrolKiosk, freePort, silent, startAgent, tempDir, type RunningAgent } from './support';

// Central's limiter, shortened from a minute to seconds so a backlog of several windows
// drains within the test; the agent runs with its real forwarder and default backoff.
const POINTS = 10;
const WINDOW_SECONDS = 3;
const WINDOWS = 4;
const BACKLOG = POINTS * WINDOWS;
const CODE = 'DRAINRATECODE001';

describe('a complaint backlog after an outage', () => {
  const dir = tempDir('drain');
  const centralDir = path.join(dir, 'central');
  let port = 0;
  let central: Central | undefined;
  let agent: RunningAgent;
  let kioskNumber = '';

  async function startCentral(env: Record<string, string> = {}): Promise<void> {
    const config = loadConfig({ CENTRAL_DATA_DIR: centralDir, CENTRAL_COUNTY_DIR: path.join(dir, 'county'), CENTRAL_ADMIN_PASSWORD: 'drain-rate-password', ...env });
    central = await buildCentral({ ...config, complaintRate: { points: POINTS, durationSeconds: WINDOW_SECONDS } }, silent);
    await listen(central.server, port, '127.0.0.1');
  }
  async function stopCentral(): Promise<void> {
    await central?.close();
    central = undefined;
  }
  const query = <T>(file: string, sql: string, ...params: string[]): T[] => {
    const db = new SQLite(file, { readonly: true });
    try {
      return db.prepare<string[], T>(sql).all(...params);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    port = await freePort();
    await generateCounty({ scale: 'tiny', seed: 5, outDir: path.join(dir, 'county') });
    await startCentral({ CENTRAL_DEMO_ENROLMENT_CODE: CODE });
    const agentDir = path.join(dir, 'agent');
    kioskNumber = (await enrolKiosk(`http://127.0.0.1:${port}`, CODE, agentDir)).kioskNumber;
    await stopCentral();
    agent = await startAgent(agentDir);
  }, 60_000);
  afterAll(async () => {
    await agent?.close();
    await stopCentral();
  });

  it('drains at the rate central allows, each complaint delivered exactly once', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < BACKLOG; i++) {
      const created = await agentClient(agent.url).call(agentVillagerApi.createComplaint, { body: { category: 'subsidy', text: `停网期间第${i}条反映` } });
      numbers.push(created.ticketNumber);
    }
    expect(agent.agent.health().outboxPending).toBe(BACKLOG);

    await startCentral();
    void agent.agent.forwardNow();
    // Long enough for the whole backlog at 80% of the allowed rate, and a window to spare.
    const deadline = Date.now() + ((WINDOWS / 0.8) * WINDOW_SECONDS + WINDOW_SECONDS) * 1000;
    while (agent.agent.health().outboxPending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const drainedAt = Date.now();

    const delivered = query<{ at: string }>(path.join(dir, 'agent', 'kiosk.sqlite'), "SELECT delivered_at AS at FROM complaints WHERE state = 'delivered' ORDER BY delivered_at").map((r) =>
      Date.parse(r.at),
    );
    const first = delivered[0] ?? drainedAt;
    const last = agent.agent.health().outboxPending === 0 ? (delivered.at(-1) ?? drainedAt) : drainedAt;
    // Central's windows start at the first delivery; count the windows the drain spanned.
    const windowsUsed = Math.floor((last - first) / (WINDOW_SECONDS * 1000)) + 1;
    const perWindow = delivered.length / windowsUsed;
    expect(perWindow, `${delivered.length} delivered over ${windowsUsed} windows of ${WINDOW_SECONDS} s, ${POINTS} allowed in each`).toBeGreaterThanOrEqual(0.8 * POINTS);
    // The limit was in force: the backlog needed every one of its windows.
    expect(windowsUsed).toBeGreaterThanOrEqual(WINDOWS);

    expect(agent.agent.services.complaints.counts()).toEqual({ pending: 0, delivered: BACKLOG, failed: 0 });
    const atCentral = query<{ n: string }>(path.join(centralDir, 'central.sqlite'), 'SELECT ticket_number AS n FROM tickets WHERE ticket_number LIKE ?', `${kioskNumber}%`).map((r) => r.n);
    expect(atCentral.sort()).toEqual([...numbers].sort());
  }, 40_000);
});
