import path from 'node:path';
import { EnrolRequest, type AgentEnrolment } from '@sunshine/contracts';
import { createContentStore, openDatabase, pullOnce, writeEnrolment } from '@sunshine/kiosk-agent';
import { createLogger } from '@sunshine/service-kit';
import { DEFAULT_AGENT_PORT, DEFAULT_PAPER, DEFAULT_PRINTER, writeAgentSettings, type AgentSettings, type PaperWidth } from './agent-config';
import { requestEnrolment } from './central-client';
import { buildDataDirAtomically } from './data-dir';
import { EnrolFailed, parseBaseUrl, ProvisionError } from './errors';

export { EnrolFailed };

export interface EnrolOptions {
  centralUrl: string;
  code: string;
  name?: string;
  dataDir: string;
  /** `tcp://host:port` or a device path; defaults to `/dev/usb/lp0`. */
  printer?: string;
  paper?: PaperWidth;
  agentPort?: number;
}

export interface EnrolResult {
  enrolment: AgentEnrolment;
  settings: AgentSettings;
  dataVersion: number;
}

/** Checks the code's shape before anything goes over the network. */
export function parseEnrolRequest(code: string, name: string | undefined, kioskNumber?: string): EnrolRequest {
  const parsed = EnrolRequest.safeParse({ code, name, kioskNumber });
  if (parsed.success) return parsed.data;
  throw new EnrolFailed(`开通码格式不对 the enrolment code must be 16 letters or digits (dashes and spaces are fine), e.g. ABCD-EFGH-JKMN-PQRS`);
}

/** Builds and validates the agent's settings for this data dir. */
export function buildSettings(options: EnrolOptions): AgentSettings {
  return {
    AGENT_DATA_DIR: path.resolve(options.dataDir),
    AGENT_PORT: options.agentPort ?? DEFAULT_AGENT_PORT,
    CENTRAL_URL: options.centralUrl,
    PRINTER_INTERFACE: options.printer ?? DEFAULT_PRINTER,
    PRINTER_PAPER_MM: options.paper ?? DEFAULT_PAPER,
  };
}

/**
 * Exchanges a one-time code for this kiosk's credential, writes its settings and secrets
 * (mode 0600) and pulls the first snapshot, so the kiosk serves data before it is ever
 * online again. Everything is built beside the data dir and moved in with one rename:
 * a failure leaves no half-written kiosk. Once central has used the code, a failed
 * download still keeps the (valid) credential; the agent fetches the data when online.
 */
export async function enrol(options: EnrolOptions): Promise<EnrolResult> {
  parseBaseUrl(options.centralUrl, '--central');
  const request = parseEnrolRequest(options.code, options.name);
  const settings = buildSettings(options);
  return buildDataDirAtomically(options.dataDir, async (staging) => {
    const response = await requestEnrolment(options.centralUrl, request);
    const enrolment: AgentEnrolment = { ...response, centralUrl: options.centralUrl, enrolledAt: new Date().toISOString() };
    writeEnrolment(staging, enrolment);
    writeAgentSettings(staging, settings);
    const pulled = await pullFirstSnapshot(staging, enrolment);
    return { enrolment, settings, ...pulled };
  }).then((result) => {
    if (result.pullError) {
      throw new EnrolIncomplete(
        `已开通为 ${result.enrolment.kioskNumber} 号机，但首次下载数据失败 kiosk ${result.enrolment.kioskNumber} is enrolled, but the first data download failed (${result.pullError}). The agent will download it when central is reachable; run "kiosk-provision check" then.`,
        result,
      );
    }
    return { enrolment: result.enrolment, settings: result.settings, dataVersion: result.dataVersion };
  });
}

/** Enrolled, but the first snapshot did not arrive: the kiosk is valid and empty. */
export class EnrolIncomplete extends ProvisionError {
  override name = 'EnrolIncomplete';
  constructor(
    message: string,
    readonly result: Omit<EnrolResult, 'dataVersion'>,
  ) {
    super(message);
  }
}

/** Pulls into the agent's SQLite file; the database is closed (WAL checkpointed) before returning. */
export async function pullFirstSnapshot(dataDir: string, enrolment: AgentEnrolment): Promise<{ dataVersion: number; pullError: string | null }> {
  const db = openDatabase(dataDir);
  try {
    const content = createContentStore(db);
    try {
      await pullOnce({ enrolment, centralUrl: enrolment.centralUrl, content, logger: createLogger('provisioning', 'silent') });
      return { dataVersion: content.dataVersion().version, pullError: null };
    } catch (err) {
      return { dataVersion: content.dataVersion().version, pullError: err instanceof Error ? err.message : String(err) };
    }
  } finally {
    db.close();
  }
}
