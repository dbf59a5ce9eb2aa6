import { ApiError, CentralHealth, EnrolResponse, type EnrolRequest } from '@sunshine/contracts';
import { describeFetchError, EnrolFailed, ProvisionError } from './errors';

/** A GET or POST to central that turns every way of failing into a plain `ProvisionError`. */
export async function callCentral(
  centralUrl: string,
  pathname: string,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<{ response: Response; body: unknown }> {
  const url = new URL(pathname, centralUrl).toString();
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 15_000) });
  } catch (err) {
    throw new ProvisionError(describeFetchError(centralUrl, err));
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { response, body };
}

/** The error message central sent, or a plain sentence about the status. */
export function centralErrorMessage(centralUrl: string, status: number, body: unknown): string {
  const error = ApiError.safeParse(body);
  const noSuchEndpoint = status === 404 && (!error.success || error.data.error.message === 'No such endpoint.');
  if (error.success && !noSuchEndpoint) return error.data.error.message;
  if (noSuchEndpoint) return `这个地址不是阳光监督中心服务器 ${centralUrl} answered 404: it does not look like a Sunshine central (wrong address or port?)`;
  return `中心服务器出错 central answered HTTP ${status}`;
}

/** `POST /api/kiosks/enrol`: the code for the kiosk's credential. */
export async function requestEnrolment(centralUrl: string, request: EnrolRequest): Promise<EnrolResponse> {
  const { response, body } = await callCentral(centralUrl, '/api/kiosks/enrol', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    timeoutMs: 30_000,
  }).catch((err: unknown) => {
    throw err instanceof ProvisionError ? new EnrolFailed(err.message) : err;
  });
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    if (error.success && error.data.error.code === 'invalid_enrolment_code') {
      throw new EnrolFailed(`开通码无效 ${error.data.error.message}`);
    }
    if (error.success && error.data.error.code === 'conflict') {
      // A re-enrolment code is for one kiosk number only; a new kiosk's code only for a kiosk without one.
      const hint = request.kioskNumber ? ' A code for a new kiosk works with --fresh-data, which sets the old cache and its outbox aside.' : ' Use it with "kiosk-provision re-enrol" (without --fresh-data) on that kiosk.';
      throw new EnrolFailed(`开通码与本机不符 ${error.data.error.message}${hint}`);
    }
    throw new EnrolFailed(centralErrorMessage(centralUrl, response.status, body));
  }
  const parsed = EnrolResponse.safeParse(body);
  if (!parsed.success) throw new EnrolFailed(`中心服务器的回答不对 ${centralUrl} answered, but not like a Sunshine central (is this the right address?)`);
  return parsed.data;
}

/** `GET /api/health` at central, with its clock from the `Date` header. */
export async function getCentralHealth(centralUrl: string): Promise<{ health: CentralHealth; serverDate: Date | null }> {
  const { response, body } = await callCentral(centralUrl, '/api/health', { timeoutMs: 10_000 });
  if (!response.ok) throw new ProvisionError(centralErrorMessage(centralUrl, response.status, body));
  const health = CentralHealth.safeParse(body);
  if (!health.success) throw new ProvisionError(`${centralUrl} answered, but not like a Sunshine central (wrong address?)`);
  const date = response.headers.get('date');
  return { health: health.data, serverDate: date ? new Date(date) : null };
}
