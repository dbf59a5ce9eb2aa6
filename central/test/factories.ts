import fs from 'node:fs';
import path from 'node:path';
import { ApiCallError, createApiClient, loginStaff, makeTicketNumber, type ApiClient, type ComplaintIntake, type Heartbeat } from '@sunshine/contracts';

/** The rows of one file of a generated county (`villages`, `towns`, `payments`…), by header. */
export function countyRows(countyDir: string, file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(countyDir, `${file}.csv`), 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i] ?? '', value])));
}

/** A complaint as a kiosk's outbox delivers it. */
export function buildIntake(kioskNumber: string, sequence: number, overrides: Partial<ComplaintIntake> = {}): ComplaintIntake {
  return {
    ticketNumber: makeTicketNumber(Number(kioskNumber), sequence),
    pin: '1234',
    submittedAt: '2026-11-26T08:00:00.000Z',
    category: 'subsidy',
    text: '我家的耕地补贴今年没有发',
    ...overrides,
  };
}

export function buildHeartbeat(overrides: Partial<Heartbeat> = {}): Heartbeat {
  return {
    sentAt: new Date().toISOString(),
    dataVersion: 1,
    outboxPending: 0,
    printer: { state: 'ready' },
    uptimeSeconds: 120,
    diskFreeBytes: 20e9,
    lastSyncError: null,
    usage: { home: 3 },
    ...overrides,
  };
}

/** A fetch helper bound to a bearer token or a session cookie. */
export function client(baseUrl: string, auth: { token?: string; cookie?: string } = {}) {
  const headers = (json: boolean): Record<string, string> => ({
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
    ...(auth.cookie ? { cookie: auth.cookie } : {}),
  });
  return {
    get: (path: string) => fetch(`${baseUrl}${path}`, { headers: headers(false) }),
    post: (path: string, body: unknown) => fetch(`${baseUrl}${path}`, { method: 'POST', headers: headers(true), body: typeof body === 'string' ? body : JSON.stringify(body) }),
    put: (path: string, body: unknown) => fetch(`${baseUrl}${path}`, { method: 'PUT', headers: headers(true), body: JSON.stringify(body) }),
    patch: (path: string, body: unknown) => fetch(`${baseUrl}${path}`, { method: 'PATCH', headers: headers(true), body: JSON.stringify(body) }),
    del: (path: string) => fetch(`${baseUrl}${path}`, { method: 'DELETE', headers: headers(false) }),
  };
}

/** The typed client (`createApiClient`) bound to a kiosk's bearer token or a staff session cookie. */
export function apiClient(baseUrl: string, auth: { token?: string; cookie?: string } = {}): ApiClient {
  const headers = (): Record<string, string> => ({
    ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
    ...(auth.cookie ? { cookie: auth.cookie } : {}),
  });
  return createApiClient({ baseUrl, headers });
}

/** The error a typed call was refused with (its `code` and `status`); fails the test when the call succeeds. */
export async function refusal(call: Promise<unknown>): Promise<ApiCallError> {
  const outcome = await call.then(
    () => new Error('the call succeeded'),
    (err: unknown) => err,
  );
  if (outcome instanceof ApiCallError) return outcome;
  throw outcome;
}

/** Logs in and answers the `Cookie` header value of the session. */
export async function loginAs(baseUrl: string, username: string, password: string): Promise<string> {
  return (await loginStaff({ baseUrl }, { username, password })).cookie;
}
