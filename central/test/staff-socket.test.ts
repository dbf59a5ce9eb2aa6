import { fleetApi, kioskApi, parseStaffEvent, staffApi, staffNamespace, type StaffEventName, type StaffEventPayload } from '@sunshine/contracts';
import { io as connect, Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, buildHeartbeat, buildIntake } from './factories';
import { adminCookie, startTestCentral, type TestCentral } from './harness';

/** A connected console socket, or the refusal's message and code. */
function open(url: string, cookie?: string): Promise<Socket | { message: string; code: unknown }> {
  return new Promise((resolve) => {
    const socket = connect(url + staffNamespace.path, { transports: ['websocket'], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', (err: Error & { data?: { code?: unknown } }) => {
      socket.disconnect();
      resolve({ message: err.message, code: err.data?.code });
    });
  });
}

/** The next payload of `event`, checked on receipt as a console checks it. */
function next<E extends StaffEventName>(socket: Socket, event: E): Promise<StaffEventPayload<E>> {
  return new Promise((resolve, reject) => {
    const name: string = event;
    socket.once(name, (payload: unknown) => {
      try {
        resolve(parseStaffEvent(event, payload));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

describe('live console updates on /staff', () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startTestCentral();
  });
  afterAll(() => central.close());

  it('refuses a socket without a session (unauthorized) and one whose session has ended (session_expired)', async () => {
    expect(await open(central.url)).toEqual({ message: '请先登录', code: 'unauthorized' });
    const cookie = await adminCookie(central.url);
    await apiClient(central.url, { cookie }).call(staffApi.logout);
    expect(await open(central.url, cookie)).toEqual({ message: '登录已过期，请重新登录', code: 'session_expired' });
  });

  it('announces a new ticket and a heartbeat to a logged-in console, in payloads that pass their schemas', async () => {
    const socket = await open(central.url, await adminCookie(central.url));
    if (!(socket instanceof Socket)) throw new Error(socket.message);
    const ticket = next(socket, 'ticket:changed');
    const beat = next(socket, 'kiosk:heartbeat');
    const { kioskNumber, token } = await central.enrol();
    const kiosk = apiClient(central.url, { token });
    const intake = buildIntake(kioskNumber, 1);
    await kiosk.call(kioskApi.deliverComplaint, { body: intake });
    await kiosk.call(fleetApi.heartbeat, { body: buildHeartbeat() });
    expect(await ticket).toEqual({ ticketNumber: intake.ticketNumber, status: 'received' });
    expect(await beat).toMatchObject({ kioskNumber });
    socket.disconnect();
  });
});

describe('staff event schemas', () => {
  it('refuses a payload that breaks its event schema on receipt', () => {
    expect(parseStaffEvent('import:changed', { importId: 7, status: 'staged' })).toEqual({ importId: 7, status: 'staged' });
    expect(() => parseStaffEvent('import:changed', { importId: 7, status: 'published' })).toThrow();
    expect(() => parseStaffEvent('kiosk:heartbeat', { kioskNumber: '0001', at: 'yesterday' })).toThrow();
  });
});
