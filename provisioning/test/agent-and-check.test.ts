import fs from 'node:fs';
import path from 'node:path';
import { agentApi, createApiClient } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/run-checks';
import { enrol, type EnrolResult } from '../src/enrol';
import { freePort, runCli, startAgent, startCentral, startVirtualPrinter, stopChild, tempDir, until, type RunningAgent, type RunningCentral } from './helpers';

const status = (results: Awaited<ReturnType<typeof runChecks>>) => Object.fromEntries(results.map((r) => [r.id, r.status]));

describe('an enrolled kiosk: the written config runs a real agent, and check tells the truth', () => {
  const dir = tempDir('agent');
  const dataDir = path.join(dir, 'kiosk');
  let central: RunningCentral | undefined;
  let agent: RunningAgent | undefined;
  let enrolled: EnrolResult;
  let printerPort: number;

  beforeAll(async () => {
    central = await startCentral(dir, { code: 'AGENTCODE2345678' });
    printerPort = await freePort(); // nothing listens here: the printer is missing
    enrolled = await enrol({
      centralUrl: central.url,
      code: 'AGENTCODE2345678',
      name: '离线村',
      dataDir,
      printer: `tcp://127.0.0.1:${printerPort}`,
      agentPort: await freePort(),
    });
  });
  afterAll(async () => {
    await agent?.stop();
    await central?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes config, central, credential and data, and fails on the missing printer', async () => {
    agent = await startAgent(dataDir);
    const results = await runChecks({ dataDir });
    expect(status(results)).toMatchObject({ config: 'pass', central: 'pass', credential: 'pass', agent: 'pass', data: 'pass', printer: 'fail', clock: 'pass' });
    expect(results.find((r) => r.id === 'printer')?.detail).toContain(`tcp://127.0.0.1:${printerPort}`);
  });

  it('passes the printer check once a printer answers at its interface', async () => {
    const printer = startVirtualPrinter(printerPort, dir);
    try {
      await agent?.stop();
      agent = await startAgent(dataDir);
      await until(async () => (await runChecks({ dataDir })).find((r) => r.id === 'printer')?.status === 'pass', 15_000);
      const results = await runChecks({ dataDir });
      expect(status(results)).toMatchObject({ agent: 'pass', printer: 'pass' });
    } finally {
      await stopChild(printer);
    }
  });

  it('serves the county data with central stopped', async () => {
    await agent?.stop();
    await central?.close();
    central = undefined;
    agent = await startAgent(dataDir);
    const health = await createApiClient({ baseUrl: agent.url }).call(agentApi.health.health);
    expect(health).toMatchObject({ kioskNumber: enrolled.enrolment.kioskNumber, kioskName: '离线村', dataVersion: enrolled.dataVersion, online: false });
    expect(health.dataVersion).toBeGreaterThan(0);
  });

  it('reports central unreachable as a failure while the kiosk still has its data', async () => {
    const results = await runChecks({ dataDir });
    expect(status(results)).toMatchObject({ config: 'pass', central: 'fail', credential: 'skip', agent: 'pass', data: 'pass' });
    expect(results.find((r) => r.id === 'central')?.detail).toMatch(/nothing is listening/);
  });

  it('reports a stopped agent as a failure and exits non-zero from the command line', async () => {
    await agent?.stop();
    agent = undefined;
    const results = await runChecks({ dataDir });
    expect(status(results)).toMatchObject({ agent: 'fail', data: 'skip', printer: 'skip' });

    const cli = await runCli(['check', '--data-dir', dataDir]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/✘ FAIL {2}本机服务 agent/);
    expect(cli.stdout).toMatch(/→ sudo systemctl restart sunshine-kiosk-agent/);
    expect(cli.stdout).toMatch(/不合格 \d+ failed/);
  });

  it('fails the config check when there is no enrolment at all', async () => {
    const results = await runChecks({ dataDir: path.join(dir, 'never-enrolled') });
    expect(results[0]).toMatchObject({ id: 'config', status: 'fail' });
    expect(results[0]?.detail).toMatch(/not been enrolled/);
  });

  it('fails the config check when the secrets are readable by others', async () => {
    fs.chmodSync(path.join(dataDir, 'enrolment.json'), 0o644);
    try {
      const results = await runChecks({ dataDir });
      expect(results[0]).toMatchObject({ id: 'config', status: 'fail', hint: expect.stringContaining('chmod 600') });
    } finally {
      fs.chmodSync(path.join(dataDir, 'enrolment.json'), 0o600);
    }
  });
});
