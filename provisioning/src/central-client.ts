import { ApiCallError, createApiClient, fleetApi, healthApi, KioskNumberMismatch, type CentralHealth, type EnrolRequest, type EnrolResponse } from '@sunshine/contracts';
import { describeFetchError, EnrolFailed, ProvisionError } from './errors';

/**
 * The typed client to central (`createApiClient` over the route values in contracts), with
 * what the installer's messages need that a parsed answer drops: why no answer came (the
 * fetch error, for `describeFetchError`) and the last answer's headers (its `Date`, a
 * session cookie).
 */
export function connectCentral(centralUrl: string, options: { headers?: () => Record<string, string>; timeoutMs?: number } = {}) {
  let noAnswer: unknown;
  let lastHeaders: Headers | null = null;
  const api = createApiClient({
    baseUrl: centralUrl.replace(/\/+$/, ''),
    headers: options.headers,
    timeoutMs: options.timeoutMs ?? 15_000,
    fetch: async (input, init) => {
      try {
        const response = await fetch(input, init);
        lastHeaders = response.headers;
        return response;
      } catch (err) {
        noAnswer = err;
        throw err;
      }
    },
  });
  return {
    api,
    lastHeaders: () => lastHeaders,
    /** Why the last call got no answer at all (refused, timed out, no such host). */
    noAnswer: () => noAnswer,
    /** A refusal as the installer should read it: no answer in plain words, else central's own. */
    failure(err: unknown, kind: new (message: string) => ProvisionError = ProvisionError): unknown {
      if (!(err instanceof ApiCallError)) return err;
      if (err.code === 'network') return new kind(describeFetchError(centralUrl, noAnswer ?? err));
      return new kind(centralErrorMessage(centralUrl, err));
    },
  };
}

/** What central said, or a plain sentence when the answer did not come from a Sunshine central that knows the route. */
export function centralErrorMessage(centralUrl: string, err: ApiCallError): string {
  // `not_found` is what a server that is not central answers (its 404 has no error body), and what older centrals answered an unknown path with.
  if (err.code === 'no_such_endpoint' || err.code === 'not_found' || err.code === 'bad_response') {
    return `这个地址不是阳光监督中心服务器 ${centralUrl} answered ${err.status}: it does not look like a Sunshine central (wrong address or port?)`;
  }
  if (err.status >= 500) return `中心服务器出错 central answered HTTP ${err.status}: ${err.message}`;
  return err.message;
}

/** Why central refused an enrolment, by its error code, in the installer's words. */
function enrolRefusal(err: ApiCallError, request: EnrolRequest): string | null {
  switch (err.code) {
    case 'unknown_enrolment_code':
      return '开通码无效 this enrolment code is unknown: check it, or ask the county for a new one.';
    case 'enrolment_code_used':
      return '开通码无效 this enrolment code has already been used: ask the county for a new one.';
    case 'enrolment_code_expired':
      return '开通码无效 this enrolment code has expired: ask the county for a new one.';
    case 'kiosk_number_mismatch': {
      // A re-enrolment code is for one kiosk number only; a new kiosk's code only for a kiosk without one.
      const codeFor = KioskNumberMismatch.safeParse(err.details).data?.codeFor;
      const thisKiosk = request.kioskNumber ? `this is kiosk ${request.kioskNumber}` : 'this kiosk has no number to keep';
      const what = codeFor ? `this code re-enrols kiosk ${codeFor}, but ${thisKiosk}` : `this code enrols a new kiosk, but ${thisKiosk}`;
      const hint = request.kioskNumber
        ? ' A code for a new kiosk works with --fresh-data, which sets the old cache and its outbox aside.'
        : ' Use it with "kiosk-provision re-enrol" (without --fresh-data) on that kiosk.';
      return `开通码与本机不符 ${what}; the code was not used.${hint}`;
    }
    default:
      return null;
  }
}

/** `fleetApi.enrol`: the code for the kiosk's credential. */
export async function requestEnrolment(centralUrl: string, request: EnrolRequest): Promise<EnrolResponse> {
  const central = connectCentral(centralUrl, { timeoutMs: 30_000 });
  try {
    return await central.api.call(fleetApi.enrol, { body: request });
  } catch (err) {
    const refusal = err instanceof ApiCallError ? enrolRefusal(err, request) : null;
    throw refusal ? new EnrolFailed(refusal) : central.failure(err, EnrolFailed);
  }
}

/** `healthApi.health` at central, with its clock from the `Date` header. */
export async function getCentralHealth(centralUrl: string): Promise<{ health: CentralHealth; serverDate: Date | null }> {
  const central = connectCentral(centralUrl, { timeoutMs: 10_000 });
  const health = await central.api.call(healthApi.health).catch((err: unknown) => {
    throw central.failure(err);
  });
  const date = central.lastHeaders()?.get('date');
  return { health, serverDate: date ? new Date(date) : null };
}
