import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCentral, loadConfig } from '@sunshine/central';
import { CountyScale, type CountyManifest } from '@sunshine/contracts';
import { enrol } from '@sunshine/provisioning';
import { createLogger, listen } from '@sunshine/service-kit';
import { generateCounty } from '@sunshine/synthetic-county';
import { round, timeMs } from './harness';

export const scale = CountyScale.parse(process.env.BENCH_SCALE ?? 'county');
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface AgentFixture {
  dir: string;
  countyDir: string;
  centralDataDir: string;
  agentDir: string;
  county: CountyManifest;
}

let shared: Promise<AgentFixture> | undefined;

/** Starts central on the fixture's data dir (the county is already published there). */
export async function startFixtureCentral(fixture: Pick<AgentFixture, 'centralDataDir' | 'countyDir'>, code?: string) {
  const config = loadConfig({
    CENTRAL_PORT: '0',
    CENTRAL_DATA_DIR: fixture.centralDataDir,
    CENTRAL_COUNTY_DIR: fixture.countyDir,
    CENTRAL_ADMIN_PASSWORD: 'bench-admin-password',
    ...(code ? { CENTRAL_DEMO_ENROLMENT_CODE: code } : {}),
  });
  const central = await buildCentral(config, createLogger('central', 'warn'));
  const port = await listen(central.server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, close: () => central.close() };
}

/**
 * One county, its central's data and one enrolled kiosk (snapshot applied), shared by the
 * agent benchmarks of a run so the county is generated and published once. Central is
 * stopped afterwards: a benchmark that needs it starts it again.
 */
export function agentFixture(): Promise<AgentFixture> {
  shared ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-bench-agent-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    const countyDir = path.join(dir, 'county');
    const county = await generateCounty({ scale, seed: 2, outDir: countyDir });
    const fixture = { dir, countyDir, centralDataDir: path.join(dir, 'central'), agentDir: path.join(dir, 'agent'), county };
    const code = 'BENCHAGENTCODE01';
    const central = await startFixtureCentral(fixture, code);
    try {
      const ms = await timeMs(() => enrol({ centralUrl: central.url, code, dataDir: fixture.agentDir }));
      console.log(`  agent fixture: ${scale} county enrolled and loaded in ${round(ms / 1000)} s`);
    } finally {
      await central.close();
    }
    return fixture;
  })();
  return shared;
}

export interface AgentProcess {
  url: string;
  child: ChildProcess;
  stop(): void;
}

/**
 * The agent as its own process, as on a kiosk (`node --import tsx kiosk-agent/src/main.ts`),
 * offline: its central URL and printer point at closed loopback ports.
 */
export async function spawnAgent(fixture: AgentFixture): Promise<AgentProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'kiosk-agent/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, AGENT_PORT: '0', AGENT_DATA_DIR: fixture.agentDir, CENTRAL_URL: 'http://127.0.0.1:1', PRINTER_INTERFACE: 'tcp://127.0.0.1:1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(seen)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', () => reject(new Error('agent exited before listening')));
  });
  child.stdout?.resume();
  return { url, child, stop: () => void child.kill('SIGKILL') };
}
