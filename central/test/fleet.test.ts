import { ApiError, CreatedEnrolmentCode, EnrolResponse, FleetList, FleetSpan, ImportReport } from '@sunshine/contracts';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHeartbeat, buildIntake, client, loginAs } from './factories';
import { adminCookie, adminClient, reviewerClient, startTestCentral, type TestCentral } from './harness';

const errorCode = async (res: Response) => ApiError.parse(await res.json()).error.code;

/** Connects to `/kiosk` with a token; resolves 'connected' or the refusal message. */
function trySocket(url: string, token: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(`${url}/kiosk`, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.on('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.on('connect_error', (err) => {
      socket.disconnect();
      resolve(err.message);
    });
  });
}

describe('fleet', () => {
  let central: TestCentral;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminClient(central.url);
  });
  afterAll(() => central.close());

  it('creates a one-time enrolment code that enrols exactly one kiosk', async () => {
    const res = await admin.post('/api/fleet/enrolment-codes', { kioskName: '西岭村', ttlHours: 2 });
    expect(res.status).toBe(201);
    const { code } = CreatedEnrolmentCode.parse(await res.json());
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const enrol = () => client(central.url).post('/api/kiosks/enrol', { code });
    const first = await enrol();
    expect(first.status).toBe(201);
    expect(EnrolResponse.parse(await first.json()).name).toBe('西岭村');
    const reused = await enrol();
    expect([reused.status, await errorCode(reused)]).toEqual([400, 'invalid_enrolment_code']);
    expect((await admin.post('/api/fleet/enrolment-codes', { ttlHours: 1000 })).status).toBe(400);
  });

  it('lets only an admin create codes', async () => {
    await admin.post('/api/staff', { username: 'viewer', displayName: '查看员', role: 'viewer', password: 'viewer-password' });
    const viewer = client(central.url, { cookie: await loginAs(central.url, 'viewer', 'viewer-password') });
    expect((await viewer.post('/api/fleet/enrolment-codes', {})).status).toBe(403);
    expect((await viewer.get('/api/fleet/kiosks')).status).toBe(200);
    expect(await (await viewer.get('/api/imports')).json()).toEqual([]);
  });

  it('shows each kiosk\'s version lag, printer, outbox and alerts from its heartbeats', async () => {
    const { kioskNumber, token } = await central.enrol('东关村');
    const kiosk = client(central.url, { token });
    for (let i = 0; i < 3; i++) {
      const hb = buildHeartbeat({ dataVersion: 0, outboxPending: 4, printer: { state: 'paper_out' }, lastSyncError: 'network unreachable' });
      expect((await kiosk.post('/api/kiosk-api/heartbeat', hb)).status).toBe(200);
    }
    const fleet = FleetList.parse(await (await admin.get('/api/fleet/kiosks')).json()).kiosks;
    const row = fleet.find((k) => k.kioskNumber === kioskNumber);
    expect(row).toMatchObject({ online: true, dataVersion: 0, versionLag: 1, printerState: 'paper_out', outboxPending: 4 });
    expect(row?.alerts.map((a) => a.kind)).toEqual(['paper_out', 'repeated_sync_failures']);
    const history = FleetSpan.array().parse(await (await admin.get(`/api/fleet/kiosks/${kioskNumber}/history?hours=1`)).json());
    expect(history.at(-1)?.state).toBe('online');
    expect((await admin.get('/api/fleet/kiosks/abc/history')).status).toBe(400);
    expect(await (await admin.get('/api/fleet/kiosks?format=csv')).text()).toContain('打印纸用完了');
  });

  it('refuses a revoked kiosk everywhere: intake, lookups, sync and the socket', async () => {
    const { kioskNumber, token } = await central.enrol('要停用的');
    const kiosk = client(central.url, { token });
    expect(await trySocket(central.url, token)).toBe('connected');
    expect((await admin.post(`/api/fleet/kiosks/${kioskNumber}/revoke`, {})).status).toBe(204);
    const intake = await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 1));
    expect([intake.status, await errorCode(intake)]).toEqual([403, 'forbidden']);
    expect((await kiosk.get('/api/kiosk-api/complaint-categories')).status).toBe(403);
    expect((await kiosk.post('/api/kiosk-api/heartbeat', buildHeartbeat())).status).toBe(403);
    expect((await kiosk.get('/api/sync/changes?since=0')).status).toBe(403);
    expect(await trySocket(central.url, token)).toMatch(/revoked/);
    expect((await admin.post(`/api/fleet/kiosks/${kioskNumber}/revoke`, {})).status).toBe(404);
    const row = FleetList.parse(await (await admin.get('/api/fleet/kiosks')).json()).kiosks.find((k) => k.kioskNumber === kioskNumber);
    expect(row).toMatchObject({ online: false, revokedAt: expect.any(String) });
  });

  it('pushes content:published to connected kiosks after a publish', async () => {
    const { token } = await central.enrol('听推送的');
    const socket = connect(`${central.url}/kiosk`, { auth: { token }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    const pushed = new Promise<unknown>((resolve) => socket.on('content:published', resolve));
    const upload = await fetch(`${central.url}/api/imports?type=programs&department=县民政局`, {
      method: 'POST',
      headers: { cookie: (await adminCookie(central.url)), 'content-type': 'text/csv' },
      body: 'id,code,name,department\nnew-prog,new-prog,临时救助,县民政局\n',
    });
    const { importId } = ImportReport.parse(await upload.json());
    const approved = await (await reviewerClient(central.url)).post(`/api/imports/${importId}/approve`, {});
    expect(approved.status).toBe(200);
    expect(await pushed).toEqual({ version: 2 });
    socket.disconnect();
  });
});
