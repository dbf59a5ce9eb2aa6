import type { AgentEnrolment } from '@sunshine/contracts';
import { getCentralHealth } from '../central-client';
import { describeFetchError } from '../errors';
import { fail, pass, skip, type CheckResult } from './check';

export interface CentralCheck {
  result: CheckResult;
  dataVersion: number | null;
  serverDate: Date | null;
}

/** Central answers `GET /api/health`; its `Date` header feeds the clock check. */
export async function checkCentral(centralUrl: string): Promise<CentralCheck> {
  const title = '中心服务器 central';
  try {
    const { health, serverDate } = await getCentralHealth(centralUrl);
    return { result: pass('central', title, `${centralUrl} answers; county data version ${health.dataVersion}`), dataVersion: health.dataVersion, serverDate };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      result: fail('central', title, detail, 'Check the network cable/4G and that the address in agent.env (CENTRAL_URL) is right. The kiosk keeps serving its cached data meanwhile.'),
      dataVersion: null,
      serverDate: null,
    };
  }
}

/** Central still accepts this kiosk's token (a revoked kiosk gets 403). */
export async function checkCredential(centralUrl: string, enrolment: AgentEnrolment, since: number | null): Promise<CheckResult> {
  const title = '凭证 credential';
  if (since === null) return skip('credential', title, 'not checked: central is not reachable');
  let response: Response;
  try {
    response = await fetch(new URL(`/api/sync/changes?since=${since}`, centralUrl), {
      headers: { authorization: `Bearer ${enrolment.token}` },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    return fail('credential', title, describeFetchError(centralUrl, err), 'Check the network, then run check again.');
  }
  await response.body?.cancel();
  if (response.status === 403) return fail('credential', title, `central has revoked kiosk ${enrolment.kioskNumber}`, `Ask the county for a re-enrolment code for kiosk ${enrolment.kioskNumber}, then: kiosk-provision re-enrol --code CODE`);
  if (response.status === 401) return fail('credential', title, `central does not know kiosk ${enrolment.kioskNumber}'s credential (another central, or its data was reset?)`, "Ask the county for a new kiosk's code, then: kiosk-provision re-enrol --fresh-data --code CODE");
  if (!response.ok) return fail('credential', title, `central answered HTTP ${response.status} to a sync request`, 'Tell the county IT: central cannot serve sync right now.');
  return pass('credential', title, `central accepts kiosk ${enrolment.kioskNumber}'s credential`);
}
