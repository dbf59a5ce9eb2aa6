import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHeartbeat, buildIntake, client } from './factories';
import { adminCookie, startTestCentral, type TestCentral } from './harness';

function open(url: string, cookie?: string): Promise<Socket | string> {
  return new Promise((resolve) => {
    const socket = connect(`${url}/staff`, { transports: ['websocket'], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', (err) => {
      socket.disconnect();
      resolve(err.message);
    });
  });
}

describe('live console updates on /staff', () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startTestCentral();
  });
  afterAll(() => central.close());

  it('refuses a socket without a session', async () => {
    expect(await open(central.url)).toBe('请先登录');
  });

  it('announces a new ticket and a heartbeat to a logged-in console', async () => {
    const socket = await open(central.url, await adminCookie(central.url));
    if (typeof socket === 'string') throw new Error(socket);
    const ticket = new Promise((resolve) => socket.on('ticket:changed', resolve));
    const beat = new Promise((resolve) => socket.on('kiosk:heartbeat', resolve));
    const { kioskNumber, token } = await central.enrol();
    const kiosk = client(central.url, { token });
    const intake = buildIntake(kioskNumber, 1);
    await kiosk.post('/api/kiosk-api/complaints', intake);
    await kiosk.post('/api/kiosk-api/heartbeat', buildHeartbeat());
    expect(await ticket).toEqual({ ticketNumber: intake.ticketNumber, status: 'received' });
    expect(await beat).toMatchObject({ kioskNumber });
    socket.disconnect();
  });
});
