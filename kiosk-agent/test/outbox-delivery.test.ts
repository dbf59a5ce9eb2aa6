import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { agentVillagerApi } from '@sunshine/contracts';
import { generateCounty } from '@sunshine/synthetic-county';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, enrolKiosk, exited, freePort, healthy, spawnService, startAgent, tempDir, waitFor, type RunningAgent } from './support';

// Central runs as a real child process that the test stops, starts and kills (SIGKILL);
// the agent runs in this process so its outbox can be watched.
describe('complaint outbox: exactly once across central outages', () => {
  const dir = tempDir('outbox');
  const centralDir = path.join(dir, 'central');
  let port: number;
  let central: ChildProcess | undefined;
  let agent: RunningAgent;
  let kioskNumber = '';

  async function startCentral(env: Record<string, string> = {}): Promise<void> {
    central = spawnService('central/src/main.ts', {
      CENTRAL_PORT: String(port),
      CENTRAL_DATA_DIR: centralDir,
      CENTRAL_COUNTY_DIR: path.join(dir, 'county'),
      CENTRAL_ADMIN_PASSWORD: 'outbox-test-password',
      CENTRAL_COMPLAINTS_PER_MINUTE: '1000',
      ...env,
    });
    await waitFor('central to start', () => healthy(`http://127.0.0.1:${port}`), 60_000, 100);
  }
  async function stopCentral(signal: NodeJS.Signals): Promise<void> {
    const child = central;
    if (!child) return;
    child.kill(signal);
    await exited(child);
    central = undefined;
  }
  function ticketsAtCentral(): string[] {
    const db = new SQLite(path.join(centralDir, 'central.sqlite'), { readonly: true });
    try {
      return db
        .prepare<[string], { ticket_number: string }>('SELECT ticket_number FROM tickets WHERE ticket_number LIKE ? ORDER BY ticket_number')
        .all(`${kioskNumber}%`)
        .map((r) => r.ticket_number);
    } finally {
      db.close();
    }
  }
  async function submit(count: number, audioBytes: number): Promise<string[]> {
    const numbers: string[] = [];
    for (let i = 0; i < count; i++) {
      const audio = audioBytes ? { audio: { mime: 'audio/webm' as const, data: Buffer.alloc(audioBytes, i).toString('base64') } } : {};
      const created = await agentClient(agent.url).call(agentVillagerApi.createComplaint, { body: { category: 'subsidy', text: `第${i}条反映`, ...audio } });
      numbers.push(created.ticketNumber);
    }
    return numbers;
  }

  beforeAll(async () => {
    port = await freePort();
    await generateCounty({ scale: 'tiny', seed: 3, outDir: path.join(dir, 'county') });
    await startCentral({ CENTRAL_DEMO_ENROLMENT_CODE: 'OUTBOXTESTCODE01' });
    const agentDir = path.join(dir, 'agent');
    kioskNumber = (await enrolKiosk(`http://127.0.0.1:${port}`, 'OUTBOXTESTCODE01', agentDir)).kioskNumber;
    await stopCentral('SIGTERM');
    agent = await startAgent(agentDir, { OUTBOX_RETRY_MAX_SECONDS: '0.5' });
  }, 120_000);
  afterAll(async () => {
    await agent?.close();
    await stopCentral('SIGKILL');
  });

  it('accepts 50 complaints with central stopped and delivers exactly those 50 once it starts', async () => {
    const numbers = await submit(50, 0);
    expect(new Set(numbers).size).toBe(50);
    expect(agent.agent.health().outboxPending).toBe(50);
    await startCentral();
    await waitFor('the outbox to drain', () => agent.agent.health().outboxPending === 0, 60_000);
    expect(ticketsAtCentral()).toEqual([...numbers].sort());
  }, 120_000);

  it('still delivers exactly 50 more, no duplicate, when central is killed in the middle of forwarding', async () => {
    await stopCentral('SIGTERM');
    const numbers = await submit(50, 200_000);
    await startCentral();
    await waitFor('some deliveries', () => agent.agent.services.complaints.counts().delivered >= 55, 60_000, 2);
    await stopCentral('SIGKILL');
    const pendingAfterKill = agent.agent.health().outboxPending;
    expect(pendingAfterKill).toBeGreaterThan(0);
    await startCentral();
    await waitFor('the outbox to drain', () => agent.agent.health().outboxPending === 0, 60_000);
    const atCentral = ticketsAtCentral();
    expect(atCentral).toHaveLength(100);
    expect(new Set(atCentral).size).toBe(100);
    expect(atCentral.filter((n) => numbers.includes(n))).toEqual([...numbers].sort());
    expect(agent.agent.services.complaints.counts()).toEqual({ pending: 0, delivered: 100, failed: 0 });
  }, 120_000);
});
