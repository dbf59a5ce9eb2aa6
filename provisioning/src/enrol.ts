import { ApiError, EnrolResponse, type AgentEnrolment } from '@sunshine/contracts';
import { createContentStore, openDatabase, pullOnce, writeEnrolment } from '@sunshine/kiosk-agent';
import { createLogger } from '@sunshine/service-kit';

export interface EnrolOptions {
  centralUrl: string;
  code: string;
  name?: string;
  dataDir: string;
}

export class EnrolFailed extends Error {
  override name = 'EnrolFailed';
}

/**
 * Exchanges a one-time code for this kiosk's credential, writes it to the agent's data
 * dir (mode 0600), and pulls the first snapshot so the kiosk serves data before it is
 * ever online again.
 */
export async function enrol(options: EnrolOptions): Promise<{ enrolment: AgentEnrolment; dataVersion: number }> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/kiosks/enrol', options.centralUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: options.code, name: options.name }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw new EnrolFailed(`Cannot reach central at ${options.centralUrl}: ${String(err)}`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    throw new EnrolFailed(error.success ? error.data.error.message : `Central answered ${response.status}.`);
  }
  const enrolment: AgentEnrolment = {
    ...EnrolResponse.parse(body),
    centralUrl: options.centralUrl,
    enrolledAt: new Date().toISOString(),
  };
  writeEnrolment(options.dataDir, enrolment);

  const db = openDatabase(options.dataDir);
  try {
    const content = createContentStore(db);
    await pullOnce({ enrolment, centralUrl: options.centralUrl, content, logger: createLogger('provisioning', 'warn') });
    return { enrolment, dataVersion: content.dataVersion().version };
  } finally {
    db.close();
  }
}
