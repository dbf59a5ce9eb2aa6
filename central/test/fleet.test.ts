import { fleetApi, importsApi, kioskApi, kioskNamespace, syncApi, type ApiClient } from '@sunshine/contracts';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, buildHeartbeat, buildIntake, loginAs, refusal } from './factories';
import { adminApiClient, createStaffAccount, reviewerApiClient, startTestCentral, type TestCentral } from './harness';
import { approveImport, uploadFile } from './import-support';

/** Connects to `/kiosk` with a token; resolves 'connected' or the refusal's code. */
function trySocket(url: string, token: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(`${url}${kioskNamespace.path}`, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.on('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      socket.disconnect();
      resolve(err.data?.code ?? err.message);
    });
  });
}

describe('fleet', () => {
  let central: TestCentral;
  let admin: ApiClient;
  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminApiClient(central.url);
  });
  afterAll(() => central.close());

  it('creates a one-time enrolment code that enrols exactly one kiosk', async () => {
    const { code } = await admin.call(fleetApi.createEnrolmentCode, { body: { kioskName: '西岭村', ttlHours: 2 } });
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const enrol = () => apiClient(central.url).call(fleetApi.enrol, { body: { code } });
    expect((await enrol()).name).toBe('西岭村');
    const reused = await refusal(enrol());
    expect([reused.status, reused.code]).toEqual([400, 'enrolment_code_used']);
    expect((await refusal(admin.call(fleetApi.createEnrolmentCode, { body: { ttlHours: 1000 } }))).code).toBe('bad_request');
  });

  it('lets only an admin create codes', async () => {
    await createStaffAccount(central, { username: 'viewer', displayName: '查看员', role: 'viewer', password: 'viewer-password' });
    const cookie = await loginAs(central.url, 'viewer', 'viewer-password');
    const viewer = apiClient(central.url, { cookie });
    expect((await refusal(viewer.call(fleetApi.createEnrolmentCode, { body: {} }))).status).toBe(403);
    expect((await viewer.call(fleetApi.listKiosks, { query: {} })).kiosks).toEqual(expect.any(Array));
    expect(await viewer.call(importsApi.list, { query: {} })).toEqual([]);
  });

  it("shows each kiosk's version lag, printer, outbox and alerts from its heartbeats", async () => {
    const { kioskNumber, token } = await central.enrol('东关村');
    const kiosk = apiClient(central.url, { token });
    for (let i = 0; i < 3; i++) {
      const hb = buildHeartbeat({ dataVersion: 0, outboxPending: 4, printer: { state: 'paper_out' }, lastSyncError: 'network unreachable' });
      await kiosk.call(fleetApi.heartbeat, { body: hb });
    }
    const fleet = (await admin.call(fleetApi.listKiosks, { query: {} })).kiosks;
    const row = fleet.find((k) => k.kioskNumber === kioskNumber);
    expect(row).toMatchObject({ online: true, dataVersion: 0, versionLag: 1, printerState: 'paper_out', outboxPending: 4 });
    expect(row?.alerts.map((a) => a.kind)).toEqual(['paper_out', 'repeated_sync_failures']);
    const history = await admin.call(fleetApi.kioskHistory, { params: { kioskNumber }, query: { hours: 1 } });
    expect(history.at(-1)?.state).toBe('online');
    expect((await refusal(admin.call(fleetApi.kioskHistory, { params: { kioskNumber: 'abc' }, query: {} }))).status).toBe(400);
    const csv = await admin.call(fleetApi.exportKiosks, { query: { format: 'csv' } });
    expect(csv.headers.get('content-type')).toBe(fleetApi.exportKiosks.response.contentType);
    expect(await csv.text()).toContain('打印纸用完了');
  });

  it('refuses a revoked kiosk everywhere with kiosk_revoked: intake, lookups, heartbeats, sync and the socket', async () => {
    const { kioskNumber, token } = await central.enrol('要停用的');
    const typed = apiClient(central.url, { token });
    expect(await trySocket(central.url, token)).toBe('connected');
    await admin.call(fleetApi.revokeKiosk, { params: { kioskNumber } });
    const intake = await refusal(typed.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, 1) }));
    expect([intake.status, intake.code]).toEqual([403, 'kiosk_revoked']);
    expect((await refusal(typed.call(kioskApi.listComplaintCategories))).code).toBe('kiosk_revoked');
    const heartbeat = await refusal(typed.call(fleetApi.heartbeat, { body: buildHeartbeat() }));
    expect([heartbeat.status, heartbeat.code]).toEqual([403, 'kiosk_revoked']);
    const sync = await refusal(typed.call(syncApi.changes, { query: { since: 0 } }));
    expect([sync.status, sync.code]).toEqual([403, 'kiosk_revoked']);
    expect(await trySocket(central.url, token)).toBe('kiosk_revoked');
  });

  it('tells an unknown kiosk from one already revoked, and revokes nothing twice', async () => {
    const { kioskNumber } = await central.enrol('停用两次的');
    await admin.call(fleetApi.revokeKiosk, { params: { kioskNumber } });
    const again = await refusal(admin.call(fleetApi.revokeKiosk, { params: { kioskNumber } }));
    expect([again.status, again.code]).toEqual([409, 'kiosk_already_revoked']);
    const unknown = await refusal(admin.call(fleetApi.revokeKiosk, { params: { kioskNumber: '0999' } }));
    expect([unknown.status, unknown.code]).toEqual([404, 'unknown_kiosk']);
    const row = (await admin.call(fleetApi.listKiosks, { query: {} })).kiosks.find((k) => k.kioskNumber === kioskNumber);
    expect(row).toMatchObject({ online: false, revokedAt: expect.any(String) });
  });

  it('pushes content:published to connected kiosks after a publish', async () => {
    const { token } = await central.enrol('听推送的');
    const socket = connect(`${central.url}${kioskNamespace.path}`, { auth: { token }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    const pushed = new Promise<unknown>((resolve) => socket.on('content:published', resolve));
    const { importId } = await uploadFile(admin, { type: 'programs', department: '县民政局' }, 'id,code,name,department\nnew-prog,new-prog,临时救助,县民政局\n');
    expect(await approveImport(await reviewerApiClient(central.url), importId)).toMatchObject({ version: 2, records: 1 });
    expect(kioskNamespace.toKiosk['content:published'].parse(await pushed)).toEqual({ version: 2 });
    socket.disconnect();
  });
});
