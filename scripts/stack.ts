import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentApi, CountyManifest, healthApi, urlOf } from '@sunshine/contracts';
import { enrol } from '@sunshine/provisioning';
import { generateCounty } from '@sunshine/synthetic-county';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface StackOptions {
  /** Each directory is reused when it already holds its part (county, central's data, the enrolled agent). */
  countyDir: string;
  centralDataDir: string;
  agentDataDir: string;
  centralPort: number;
  agentPort: number;
  printerPort: number;
  /** Where the virtual printer keeps receipts; defaults to `printer/` beside the agent's data dir. */
  printerDir?: string;
  /** The virtual printer's page (receipts, fault switches); defaults to the printer port + 1. */
  printerHttpPort?: number;
  /** Defaults to the virtual printer. */
  printerInterface?: string;
  /** The central the agent talks to; defaults to the one started here. */
  agentCentralUrl?: string;
  scale: 'tiny' | 'demo';
  seed?: number;
  adminPassword?: string;
  /** Where the services' output goes; defaults to this process's stdout. */
  log?: (line: string) => void;
  quiet?: boolean;
}

export interface Stack {
  centralUrl: string;
  agentUrl: string;
  printerInterface: string;
  printerPageUrl: string;
  adminPassword: string;
  county: CountyManifest;
  stop(): Promise<void>;
}

/**
 * Runs the whole system on one machine as real child processes: virtual printer, central
 * (publishing a generated county on first start) and one enrolled kiosk agent.
 */
export async function launchStack(options: StackOptions): Promise<Stack> {
  const county = await ensureCounty(options.countyDir, options.scale, options.seed ?? 1);
  const adminPassword = options.adminPassword ?? crypto.randomBytes(9).toString('base64url');
  const needsEnrolment = !fs.existsSync(path.join(options.agentDataDir, 'enrolment.json'));
  const enrolmentCode = crypto.randomBytes(8).toString('hex').toUpperCase();
  const centralUrl = `http://127.0.0.1:${options.centralPort}`;
  const agentUrl = `http://127.0.0.1:${options.agentPort}`;
  const printerInterface = options.printerInterface ?? `tcp://127.0.0.1:${options.printerPort}`;
  const printerHttpPort = options.printerHttpPort ?? options.printerPort + 1;
  const printerPageUrl = `http://127.0.0.1:${printerHttpPort}/`;
  const log = options.log ?? ((line: string) => process.stdout.write(line));
  const children: ChildProcess[] = [];
  const stop = () => stopAll(children);

  try {
    children.push(
      service(
        'printer',
        'virtual-printer/src/main.ts',
        {
          VIRTUAL_PRINTER_PORT: String(options.printerPort),
          VIRTUAL_PRINTER_HTTP_PORT: String(printerHttpPort),
          VIRTUAL_PRINTER_DIR: options.printerDir ?? path.join(path.dirname(options.agentDataDir), 'printer'),
        },
        log,
      ),
    );
    children.push(
      service(
        'central',
        'central/src/main.ts',
        {
          CENTRAL_PORT: String(options.centralPort),
          CENTRAL_DATA_DIR: options.centralDataDir,
          CENTRAL_COUNTY_DIR: options.countyDir,
          CENTRAL_ADMIN_PASSWORD: adminPassword,
          ...(needsEnrolment ? { CENTRAL_DEMO_ENROLMENT_CODE: enrolmentCode } : {}),
          LOG_LEVEL: options.quiet ? 'warn' : 'info',
        },
        log,
      ),
    );
    await waitForHealth(`${centralUrl}${urlOf(healthApi.health)}`, 120_000);
    if (needsEnrolment) {
      await enrol({ centralUrl, code: enrolmentCode, name: '演示村村委会', dataDir: options.agentDataDir, printer: printerInterface, agentPort: options.agentPort });
    }
    children.push(
      service(
        'agent',
        'kiosk-agent/src/main.ts',
        {
          AGENT_PORT: String(options.agentPort),
          AGENT_DATA_DIR: options.agentDataDir,
          CENTRAL_URL: options.agentCentralUrl ?? centralUrl,
          PRINTER_INTERFACE: printerInterface,
          LOG_LEVEL: options.quiet ? 'warn' : 'info',
        },
        log,
      ),
    );
    await waitForHealth(agentUrl + urlOf(agentApi.health.health), 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { centralUrl, agentUrl, printerInterface, printerPageUrl, adminPassword, county, stop };
}

async function ensureCounty(dir: string, scale: StackOptions['scale'], seed: number): Promise<CountyManifest> {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) await generateCounty({ scale, seed, outDir: dir });
  return CountyManifest.parse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
}

function service(name: string, entry: string, env: Record<string, string>, log: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line) log(prefix + line + '\n');
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.reverse().map(stopChild));
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the child has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls a health URL until it answers 200, or fails after `timeoutMs`. */
export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

