import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { agentApi, ApiCallError } from '@sunshine/contracts';
import { enrol } from '@sunshine/provisioning';
import { createPrinterServer } from '@sunshine/virtual-printer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, exited, freePort, repoRoot, tempDir, waitFor } from './support';

// The demo's documented restart, `AGENT_DATA_DIR=… npm run agent`: the agent alone, with
// nothing but its data dir, must come back on the port and printer chosen at enrolment.
describe('an agent restarted with only AGENT_DATA_DIR', () => {
  const dataDir = path.join(tempDir('restart'), 'agent');
  const printer = createPrinterServer();
  let central: TestCentral;
  let agent: ChildProcess | undefined;
  let output = '';
  let agentPort = 0;
  let printerPort = 0;
  let kioskNumber = '';

  beforeAll(async () => {
    central = await startTestCentral();
    [agentPort, printerPort] = [await freePort(), await freePort()];
    await new Promise<void>((resolve) => printer.server.listen(printerPort, '127.0.0.1', resolve));
    // Neither port is a default (8600, 9100), and the roll is the narrow one.
    const enrolled = await enrol({ centralUrl: central.url, code: central.enrolmentCode, dataDir, printer: `tcp://127.0.0.1:${printerPort}`, paper: 58, agentPort });
    kioskNumber = enrolled.enrolment.kioskNumber;
    // As `npm run agent` runs it (tsx), with PATH and HOME and the data dir, nothing else.
    agent = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'kiosk-agent/src/main.ts')], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, AGENT_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    agent.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    agent.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  }, 60_000);
  afterAll(async () => {
    agent?.kill('SIGTERM');
    if (agent) await exited(agent);
    await new Promise((r) => printer.server.close(r));
    await central?.close();
  });

  const agentUrl = () => `http://127.0.0.1:${agentPort}`;

  it('listens on the port written at enrolment', async () => {
    const health = await waitFor(
      `the agent on its enrolled port ${agentPort}`,
      async () => {
        if (!agent || agent.exitCode !== null) throw new Error(`the agent exited: ${output}`);
        return agentClient(agentUrl())
          .call(agentApi.health.health)
          .catch((error: unknown) => {
            if (error instanceof ApiCallError && error.code === 'network') return undefined;
            throw error;
          });
      },
      30_000,
      100,
    );
    expect(health.kioskNumber).toBe(kioskNumber);
  }, 40_000);

  it('prints to the printer written at enrolment, on its paper width', async () => {
    expect(await agentClient(agentUrl()).call(agentApi.printing.printTestPage, { body: {} })).toMatchObject({ jobId: expect.any(String) });
    const [receipt] = await printer.waitForReceipts(1, 10_000);
    expect(receipt?.text).toContain('打印测试页');
    // The test page's ruler is one line of digits as wide as the roll: 32 columns on 58 mm.
    expect(receipt?.text.split('\n')).toContain('12345678901234567890123456789012');
  }, 20_000);
});
