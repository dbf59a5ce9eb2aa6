import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentApi, ApiCallError, createApiClient, fleetApi, urlOf, type AgentEnrolment } from '@sunshine/contracts';
import { createLogger, freePort, listen } from '@sunshine/service-kit';
import { buildAgent, type Agent } from '../src/app';
import { loadConfig } from '../src/config';
import { createContentStore } from '../src/content/content.store';
import { openDatabase } from '../src/platform/database';
import { writeEnrolment } from '../src/enrolment-file';
import { pullOnce } from '../src/sync/sync-client';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const silent = createLogger('test', 'silent');

export { freePort };

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `sunshine-${prefix}-`));


/** Enrols a kiosk through central's real endpoint and pulls its first snapshot into `dataDir`. */
export async function enrolKiosk(centralUrl: string, code: string, dataDir: string): Promise<AgentEnrolment> {
  const enrolled = await createApiClient({ baseUrl: centralUrl }).call(fleetApi.enrol, { body: { code, name: '测试村村委会' } });
  const enrolment: AgentEnrolment = { ...enrolled, centralUrl, enrolledAt: new Date().toISOString() };
  writeEnrolment(dataDir, enrolment);
  const db = openDatabase(dataDir);
  try {
    await pullOnce({ enrolment, centralUrl, content: createContentStore(db), logger: silent });
  } finally {
    db.close();
  }
  return enrolment;
}

export interface RunningAgent {
  agent: Agent;
  url: string;
  close(): Promise<void>;
}

/** A real agent in this process on a free loopback port; the printer points at a closed port. */
export async function startAgent(dataDir: string, env: Record<string, string> = {}): Promise<RunningAgent> {
  const config = loadConfig({ AGENT_PORT: '0', AGENT_DATA_DIR: dataDir, PRINTER_INTERFACE: `tcp://127.0.0.1:${await freePort()}`, ...env });
  const agent = buildAgent(config, silent);
  const port = await listen(agent.server, 0, '127.0.0.1');
  return { agent, url: `http://127.0.0.1:${port}`, close: () => agent.close() };
}

/** A service of this repo as a child process (`node --import tsx <entry>`), as `npm start` runs it. */
export function spawnService(entry: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 30_000, everyMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The typed client the kiosk UI uses, on a running agent. */
export const agentClient = (url: string) => createApiClient({ baseUrl: url });

/** `status code` of a refused call (`400 invalid_id_number`), or what else it did instead. */
export const refusal = (call: Promise<unknown>): Promise<string> =>
  call.then(
    () => 'accepted',
    (error: unknown) => (error instanceof ApiCallError ? `${error.status} ${error.code}` : String(error)),
  );

export const healthy = (url: string) =>
  fetch(url + urlOf(agentApi.health.health)).then(
    (r) => r.ok,
    () => false,
  );

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

export const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
