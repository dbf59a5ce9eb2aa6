import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCentral, loadConfig } from '@sunshine/central';
import { loginAs } from '@sunshine/central/testing';
import { agentApi, createApiClient, fleetApi, urlOf } from '@sunshine/contracts';
import { createLogger, listen } from '@sunshine/service-kit';
import { generateCounty } from '@sunshine/synthetic-county';
import { agentEnvPath, parseEnvFile } from '../src/agent-config';
import { stopChild } from '../../scripts/stack';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN_PASSWORD = 'provisioning-test-admin';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sunshine-prov-${prefix}-`));
}


export { freePort } from '@sunshine/service-kit';
export { stopChild };

export interface RunningCentral {
  url: string;
  close(): Promise<void>;
}

/**
 * A real central in `dir` (a tiny county published on first start) with one enrolment
 * code valid for an hour of its clock. Restart it on the same dir with another code to
 * enrol again; move `clock` forward to expire a code.
 */
export async function startCentral(dir: string, options: { code: string; clock?: { now: Date }; port?: number }): Promise<RunningCentral> {
  const countyDir = path.join(dir, 'county');
  if (!fs.existsSync(path.join(countyDir, 'manifest.json'))) await generateCounty({ scale: 'tiny', seed: 1, outDir: countyDir });
  const config = loadConfig({
    CENTRAL_PORT: '0',
    CENTRAL_DATA_DIR: path.join(dir, 'central'),
    CENTRAL_COUNTY_DIR: countyDir,
    CENTRAL_DEMO_ENROLMENT_CODE: options.code,
    CENTRAL_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  const clock = options.clock;
  const central = await buildCentral(config, createLogger('central', 'silent'), clock ? () => clock.now : undefined);
  const port = await listen(central.server, options.port ?? 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, close: () => central.close() };
}

/** Signs in to central as its admin; answers the session's `Cookie` header value. */
export const adminCookie = (centralUrl: string) => loginAs(centralUrl, 'admin', ADMIN_PASSWORD);

/** A one-time code as an admin makes it in the console: for a new kiosk (maybe in a village), or to re-enrol `kioskNumber`. */
export async function createCode(centralUrl: string, options: { villageCode?: string; kioskNumber?: string } = {}): Promise<string> {
  const cookie = await adminCookie(centralUrl);
  const admin = createApiClient({ baseUrl: centralUrl, headers: () => ({ cookie }) });
  const created = options.kioskNumber
    ? await admin.call(fleetApi.createReEnrolmentCode, { params: { kioskNumber: options.kioskNumber }, body: {} })
    : await admin.call(fleetApi.createEnrolmentCode, { body: options.villageCode ? { villageCode: options.villageCode } : {} });
  return created.code;
}

export interface RunningAgent {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The real agent as a child process, configured only by the agent.env that enrolment wrote. */
export async function startAgent(dataDir: string): Promise<RunningAgent> {
  const settings = parseEnvFile(fs.readFileSync(agentEnvPath(dataDir), 'utf8'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'kiosk-agent/src/main.ts')], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', SYNC_POLL_SECONDS: '3600', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${settings.AGENT_PORT}`;
  const stop = () => stopChild(child);
  try {
    await waitFor(url + urlOf(agentApi.health.health), 60_000, () => child.exitCode !== null);
  } catch (err) {
    await stop();
    throw new Error(`${String(err)}\nagent output:\n${output}`);
  }
  return { url, child, stop };
}


async function waitFor(url: string, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** Runs the installed CLI the way an installer does, through its bin script. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'provisioning/bin/kiosk-provision.mjs'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The project's virtual ESC/POS printer as a child process on `port`. */
export function startVirtualPrinter(port: number, dir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'virtual-printer/src/main.ts')], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, VIRTUAL_PRINTER_PORT: String(port), VIRTUAL_PRINTER_HTTP_PORT: '0', VIRTUAL_PRINTER_DIR: path.join(dir, 'printer') },
    stdio: 'ignore',
  });
}

/** Polls `condition` until it holds; fails the test after `timeoutMs`. */
export async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
