import { ApiCallError, SYNC_PROTOCOL_VERSION, syncApi, type AgentEnrolment } from '@sunshine/contracts';
import { connectCentral, getCentralHealth } from '../central-client';
import { describeFetchError } from '../errors';
import { fail, pass, skip, type CheckResult } from './check';

export interface CentralCheck {
  result: CheckResult;
  dataVersion: number | null;
  serverDate: Date | null;
}

/** Central answers `healthApi.health`; its `Date` header feeds the clock check. */
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

/** Central still accepts this kiosk's token, and serves the sync protocol it speaks (a revoked kiosk gets 403 `kiosk_revoked`). */
export async function checkCredential(centralUrl: string, enrolment: AgentEnrolment, since: number | null): Promise<CheckResult> {
  const title = '凭证 credential';
  if (since === null) return skip('credential', title, 'not checked: central is not reachable');
  const central = connectCentral(centralUrl, { headers: () => ({ authorization: `Bearer ${enrolment.token}` }) });
  try {
    const response = await central.api.call(syncApi.changes, { query: { since, protocol: SYNC_PROTOCOL_VERSION } });
    await response.body?.cancel();
  } catch (err) {
    if (!(err instanceof ApiCallError)) throw err;
    const kiosk = enrolment.kioskNumber;
    switch (err.code) {
      case 'network':
        return fail('credential', title, describeFetchError(centralUrl, central.noAnswer() ?? err), 'Check the network, then run check again.');
      case 'kiosk_revoked':
        return fail('credential', title, `central has revoked kiosk ${kiosk}`, `Ask the county for a re-enrolment code for kiosk ${kiosk}, then: kiosk-provision re-enrol --code CODE`);
      case 'unauthorized':
        return fail('credential', title, `central does not know kiosk ${kiosk}'s credential (another central, or its data was reset?)`, "Ask the county for a new kiosk's code, then: kiosk-provision re-enrol --fresh-data --code CODE");
      case 'sync_protocol_unsupported':
        return fail('credential', title, err.message, 'This kiosk and central speak different sync protocols: update the older of the two.');
      default:
        return fail('credential', title, `central answered HTTP ${err.status} (${err.code}) to a sync request`, 'Tell the county IT: central cannot serve sync right now.');
    }
  }
  return pass('credential', title, `central accepts kiosk ${enrolment.kioskNumber}'s credential`);
}
