import { ApiCallError, createApiClient } from './api-client';
import { staffApi } from './routes/central-staff';
import type { LoginRequest, StaffSession } from './staff';

/**
 * Logs a staff member in at central from Node (provisioning, scripts, tests): the session and
 * the `Cookie` header value that carries it, to send with later calls (`headers`). A browser
 * keeps the cookie itself and needs only `client.call(staffApi.login, …)`.
 */
export async function loginStaff(options: { baseUrl: string; fetch?: typeof fetch }, credentials: LoginRequest): Promise<{ session: StaffSession; cookie: string }> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let cookie = '';
  const keepCookie: typeof fetch = async (input, init) => {
    const response = await doFetch(input, init);
    cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .filter(Boolean)
      .join('; ');
    return response;
  };
  const session = await createApiClient({ baseUrl: options.baseUrl, fetch: keepCookie }).call(staffApi.login, { body: credentials });
  if (cookie === '') throw new ApiCallError('bad_response', 'central answered the login without a session cookie', 200);
  return { session, cookie };
}
