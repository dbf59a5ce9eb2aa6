import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readAgentEnv } from './enrolment-file';
import { OFF_THREAD_FROM } from './sync/sync-client';

const defaultUiDir = fileURLToPath(new URL('../../kiosk-ui/dist', import.meta.url));

const DEFAULT_DATA_DIR = '.data/agent';

const Env = z.object({
  AGENT_PORT: z.coerce.number().int().min(0).max(65535).default(8600),
  /** Resolved before the rest: it says where agent.env is. */
  AGENT_DATA_DIR: z.string(),
  /** Overrides the central URL recorded at enrolment (e.g. after central moves). */
  CENTRAL_URL: z.url().optional(),
  PRINTER_INTERFACE: z.string().default('tcp://127.0.0.1:9100'),
  AGENT_UI_DIR: z.string().default(defaultUiDir),
  SYNC_POLL_SECONDS: z.coerce.number().positive().default(300),
  /** Sync bodies with at least this many changes are applied on worker threads. */
  SYNC_OFF_THREAD_FROM: z.coerce.number().int().min(0).default(OFF_THREAD_FROM),
  /** This kiosk's own village (12 digits); default: the one named at enrolment, else the first village in the data. */
  AGENT_VILLAGE_CODE: z.string().regex(/^\d{12}$/).optional(),
  HEARTBEAT_SECONDS: z.coerce.number().positive().default(30),
  /** Longest wait between two delivery attempts of the complaint outbox. */
  OUTBOX_RETRY_MAX_SECONDS: z.coerce.number().positive().default(300),
  PRINTER_PAPER_MM: z.enum(['58', '80']).default('80'),
  /** Opens the kiosk's hidden staff panel; set per kiosk (the default is the demo's). */
  AGENT_STAFF_PIN: z.string().regex(/^\d{4}$/, 'AGENT_STAFF_PIN must be 4 digits').default('2468'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AgentConfig {
  port: number;
  /** The agent API listens on loopback only: the kiosk's browser is its only client. */
  host: '127.0.0.1';
  dataDir: string;
  centralUrl: string | undefined;
  printerInterface: string;
  uiDir: string;
  syncPollMs: number;
  syncOffThreadFrom: number;
  villageCode: string | undefined;
  heartbeatMs: number;
  outboxRetryMaxMs: number;
  paperMm: 58 | 80;
  staffPin: string;
  logLevel: string;
}

/** Settings of the agent's own families that it does not know: most likely a typo in agent.env. */
const ownFamily = /^(AGENT|PRINTER|SYNC|HEARTBEAT|OUTBOX)_/;

/**
 * The agent's settings: the environment first, then what enrolment wrote to the data dir's
 * `agent.env`, then defaults. The environment wins, as with systemd (which loads the same
 * file into it) and a one-off `AGENT_PORT=8601 npm run agent`. The data dir is the one
 * `AGENT_DATA_DIR` names (default `.data/agent`); an `AGENT_DATA_DIR` inside the file is not
 * followed, so a copied data dir runs as itself. Every problem is listed, with its source.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const dataDir = path.resolve(env.AGENT_DATA_DIR ?? DEFAULT_DATA_DIR);
  const settings = readAgentEnv(dataDir);
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
  const fromFile = new Set(Object.keys(settings?.values ?? {}).filter((key) => !(key in given)));
  const parsed = Env.safeParse({ ...settings?.values, ...given, AGENT_DATA_DIR: dataDir });
  const unknown = [...fromFile].filter((key) => ownFamily.test(key) && !(key in Env.shape));
  if (!parsed.success || unknown.length > 0) {
    const where = (key: string) => (settings && fromFile.has(key) ? ` (in ${settings.file})` : '');
    const problems = [
      ...(parsed.error?.issues ?? []).map((i) => `  ${i.path.join('.')}: ${i.message}${where(String(i.path[0]))}`),
      ...unknown.map((key) => `  ${key}: not a setting of the agent${where(key)}`),
    ];
    throw new Error(`kiosk-agent: bad configuration 设置有误\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.AGENT_PORT,
    host: '127.0.0.1',
    dataDir,
    centralUrl: e.CENTRAL_URL,
    printerInterface: e.PRINTER_INTERFACE,
    uiDir: path.resolve(e.AGENT_UI_DIR),
    syncPollMs: e.SYNC_POLL_SECONDS * 1000,
    syncOffThreadFrom: e.SYNC_OFF_THREAD_FROM,
    villageCode: e.AGENT_VILLAGE_CODE,
    heartbeatMs: e.HEARTBEAT_SECONDS * 1000,
    outboxRetryMaxMs: e.OUTBOX_RETRY_MAX_SECONDS * 1000,
    paperMm: e.PRINTER_PAPER_MM === '58' ? 58 : 80,
    staffPin: e.AGENT_STAFF_PIN,
    logLevel: e.LOG_LEVEL,
  };
}
