import { ApiError, KioskNumber } from '@sunshine/contracts';
import { callCentral, centralErrorMessage } from './central-client';
import { parseBaseUrl, ProvisionError } from './errors';

export interface RevokeOptions {
  centralUrl: string;
  kioskNumber: string;
  username: string;
  password: string;
}

/**
 * Revokes a kiosk at central as a staff admin: `POST /api/auth/login`, then
 * `POST /api/fleet/kiosks/:kioskNumber/revoke` with the session cookie. Central refuses the
 * kiosk's token from then on (403 on sync and on its socket).
 */
export async function revokeKiosk(options: RevokeOptions): Promise<void> {
  parseBaseUrl(options.centralUrl, '--central');
  const kioskNumber = KioskNumber.safeParse(options.kioskNumber);
  if (!kioskNumber.success) throw new ProvisionError(`机器编号不对 the kiosk number must be 4 digits, e.g. 0042`);
  const cookie = await login(options);
  const { response, body } = await callCentral(options.centralUrl, `/api/fleet/kiosks/${kioskNumber.data}/revoke`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: '{}',
  });
  if (response.status === 404) {
    const error = ApiError.safeParse(body);
    const noEndpoint = !error.success || error.data.error.message === 'No such endpoint.';
    throw new ProvisionError(
      noEndpoint
        ? `这个中心服务器还不能注销 this central cannot revoke kiosks yet (it has no POST /api/fleet/kiosks/:kioskNumber/revoke); update central.`
        : `找不到 ${kioskNumber.data} 号机 central knows no kiosk ${kioskNumber.data}: ${error.data.error.message}`,
    );
  }
  if (!response.ok) throw new ProvisionError(`注销失败 revoking kiosk ${kioskNumber.data} failed: ${centralErrorMessage(options.centralUrl, response.status, body)}`);
}

async function login(options: RevokeOptions): Promise<string> {
  const { response, body } = await callCentral(options.centralUrl, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: options.username, password: options.password }),
  });
  if (!response.ok) throw new ProvisionError(`登录失败 cannot sign in to central as ${options.username}: ${centralErrorMessage(options.centralUrl, response.status, body)}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').filter(Boolean);
  if (cookies.length === 0) throw new ProvisionError('登录失败 central signed in but sent no session cookie');
  return cookies.join('; ');
}
