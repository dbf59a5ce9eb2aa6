import { ApiCallError, fleetApi, KioskNumber, staffApi } from '@sunshine/contracts';
import { connectCentral } from './central-client';
import { parseBaseUrl, ProvisionError } from './errors';

export interface RevokeOptions {
  centralUrl: string;
  kioskNumber: string;
  username: string;
  password: string;
}

/**
 * Revokes a kiosk at central as a staff admin: `staffApi.login`, then `fleetApi.revokeKiosk`
 * with the session cookie. Central refuses the kiosk's token from then on (403
 * `kiosk_revoked` on sync and on its socket).
 */
export async function revokeKiosk(options: RevokeOptions): Promise<void> {
  parseBaseUrl(options.centralUrl, '--central');
  const kioskNumber = KioskNumber.safeParse(options.kioskNumber);
  if (!kioskNumber.success) throw new ProvisionError(`机器编号不对 the kiosk number must be 4 digits, e.g. 0042`);
  const cookie = await login(options);
  const central = connectCentral(options.centralUrl, { headers: () => ({ cookie }) });
  try {
    await central.api.call(fleetApi.revokeKiosk, { params: { kioskNumber: kioskNumber.data } });
  } catch (err) {
    if (!(err instanceof ApiCallError)) throw err;
    if (err.code === 'unknown_kiosk') throw new ProvisionError(`找不到 ${kioskNumber.data} 号机 central knows no kiosk ${kioskNumber.data}: ${err.message}`);
    if (err.code === 'kiosk_already_revoked') throw new ProvisionError(`${kioskNumber.data} 号机已经注销了 kiosk ${kioskNumber.data} was revoked before; nothing changed.`);
    if (err.code === 'no_such_endpoint' || err.code === 'not_found') {
      throw new ProvisionError(`这个中心服务器还不能注销 this central cannot revoke kiosks (it answers ${err.status} to ${fleetApi.revokeKiosk.method} ${fleetApi.revokeKiosk.path}); check the address, or update central.`);
    }
    const failure = central.failure(err);
    throw failure instanceof ProvisionError ? new ProvisionError(`注销失败 revoking kiosk ${kioskNumber.data} failed: ${failure.message}`) : failure;
  }
}

async function login(options: RevokeOptions): Promise<string> {
  const central = connectCentral(options.centralUrl);
  await central.api.call(staffApi.login, { body: { username: options.username, password: options.password } }).catch((err: unknown) => {
    const failure = central.failure(err);
    throw failure instanceof ProvisionError ? new ProvisionError(`登录失败 cannot sign in to central as ${options.username}: ${failure.message}`) : failure;
  });
  const cookies = (central.lastHeaders()?.getSetCookie() ?? []).map((c) => c.split(';')[0] ?? '').filter(Boolean);
  if (cookies.length === 0) throw new ProvisionError('登录失败 central signed in but sent no session cookie');
  return cookies.join('; ');
}
