import path from 'node:path';
import { ApiError, AuditLogEntry, CreatedEnrolmentCode, EnrolResponse, FleetKiosk, FleetList, HeartbeatAnswer } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildHeartbeat, buildIntake, client, countyRows, loginAs } from './factories';
import { adminClient, startTestCentral, type TestCentral } from './harness';

const errorOf = async (res: Response) => [res.status, ApiError.parse(await res.json()).error.code];
const Counts = z.array(z.object({ key: z.string(), count: z.number() }));

describe('where kiosks stand', () => {
  let central: TestCentral;
  let admin: ReturnType<typeof client>;
  let viewer: ReturnType<typeof client>;
  let villages: Record<string, string>[] = [];
  const village = (name: string) => {
    const row = villages.find((v) => v.name === name);
    if (!row) throw new Error(`no village ${name} in the tiny county`);
    return row;
  };
  const codeCount = async () => (await central.db.selectFrom('enrolment_codes').select('code_hash').execute()).length;
  const fleetRow = async (kioskNumber: string) => FleetKiosk.parse(await (await admin.get(`/api/fleet/kiosks/${kioskNumber}`)).json());
  const auditActions = async () => AuditLogEntry.array().parse(((await (await admin.get('/api/audit?limit=50')).json()) as { items: unknown[] }).items);

  /** Enrols a new kiosk through an admin's code that names `villageCode`. */
  const enrolIn = async (villageCode: string) => {
    const { code } = CreatedEnrolmentCode.parse(await (await admin.post('/api/fleet/enrolment-codes', { kioskName: '村委会', villageCode })).json());
    return EnrolResponse.parse(await (await client(central.url).post('/api/kiosks/enrol', { code })).json());
  };

  beforeAll(async () => {
    central = await startTestCentral();
    villages = countyRows(path.join(central.dir, 'county'), 'villages');
    admin = await adminClient(central.url);
    await admin.post('/api/staff', { username: 'viewer', displayName: '查看员', role: 'viewer', password: 'viewer-password' });
    viewer = client(central.url, { cookie: await loginAs(central.url, 'viewer', 'viewer-password') });
  });
  afterAll(() => central.close());

  it('enrols a kiosk into the village its code names and shows the village and town by name', async () => {
    const liudong = village('柳洞村');
    const enrolment = await enrolIn(liudong.code ?? '');
    expect(enrolment.villageCode).toBe(liudong.code);
    const row = FleetList.parse(await (await viewer.get('/api/fleet/kiosks')).json())
      .kiosks.find((k) => k.kioskNumber === enrolment.kioskNumber);
    expect(row).toMatchObject({ villageCode: liudong.code, villageName: '柳洞村', townName: '城关镇' });
    expect(await fleetRow(enrolment.kioskNumber)).toMatchObject({ villageName: '柳洞村', townName: '城关镇' });
    expect(await (await admin.get('/api/fleet/kiosks?format=csv')).text()).toContain('城关镇,柳洞村');
  });

  it('refuses a code for an unknown or malformed village, in plain words, and makes no code', async () => {
    const before = await codeCount();
    const unknown = await admin.post('/api/fleet/enrolment-codes', { villageCode: '452123999999' });
    expect(unknown.status).toBe(400);
    expect(ApiError.parse(await unknown.json()).error.message).toMatch(/没有编码为 452123999999 的村/);
    expect(await errorOf(await admin.post('/api/fleet/enrolment-codes', { villageCode: '4521' }))).toEqual([400, 'bad_request']);
    expect(await errorOf(await viewer.post('/api/fleet/enrolment-codes', { villageCode: village('马河村').code }))).toEqual([403, 'forbidden']);
    expect(await codeCount()).toBe(before);
  });

  it('lets an admin move a kiosk to another village, audited', async () => {
    const { kioskNumber } = await enrolIn(village('柳洞村').code ?? '');
    const qiaokou = village('桥口村').code;
    const moved = await admin.put(`/api/fleet/kiosks/${kioskNumber}/village`, { villageCode: qiaokou });
    expect(moved.status).toBe(200);
    expect(FleetKiosk.parse(await moved.json())).toMatchObject({ kioskNumber, villageCode: qiaokou, villageName: '桥口村', townName: '青石镇' });
    expect((await auditActions()).find((e) => e.action === 'kiosk.move')).toMatchObject({ actor: 'admin', target: kioskNumber });
  });

  it("answers a kiosk's heartbeat with the village it stands in now, so a move reaches it within a heartbeat", async () => {
    const { kioskNumber, token } = await enrolIn(village('柳洞村').code ?? '');
    const kiosk = client(central.url, { token });
    const beat = async () => {
      const res = await kiosk.post('/api/kiosk-api/heartbeat', buildHeartbeat());
      expect(res.status).toBe(200);
      return HeartbeatAnswer.parse(await res.json());
    };
    expect(await beat()).toEqual({ villageCode: village('柳洞村').code });
    expect((await admin.put(`/api/fleet/kiosks/${kioskNumber}/village`, { villageCode: village('桥口村').code })).status).toBe(200);
    expect(await beat()).toEqual({ villageCode: village('桥口村').code });
  });

  it('answers null for a kiosk whose code named no village', async () => {
    const { code } = CreatedEnrolmentCode.parse(await (await admin.post('/api/fleet/enrolment-codes', { kioskName: '村委会' })).json());
    const { token } = EnrolResponse.parse(await (await client(central.url).post('/api/kiosks/enrol', { code })).json());
    const res = await client(central.url, { token }).post('/api/kiosk-api/heartbeat', buildHeartbeat());
    expect(HeartbeatAnswer.parse(await res.json())).toEqual({ villageCode: null });
  });

  it('refuses a bad move with a clear 4xx and leaves the kiosk where it was', async () => {
    const start = village('马河村').code;
    const { kioskNumber } = await enrolIn(start ?? '');
    const move = (as: ReturnType<typeof client>, number: string, body: unknown) => as.put(`/api/fleet/kiosks/${number}/village`, body);
    expect(await errorOf(await move(admin, kioskNumber, { villageCode: '452123999999' }))).toEqual([400, 'bad_request']);
    expect(await errorOf(await move(admin, kioskNumber, { villageCode: 'nowhere' }))).toEqual([400, 'bad_request']);
    expect(await errorOf(await move(admin, '0999', { villageCode: start }))).toEqual([404, 'not_found']);
    expect(await errorOf(await move(viewer, kioskNumber, { villageCode: village('桥口村').code }))).toEqual([403, 'forbidden']);
    expect((await fleetRow(kioskNumber)).villageCode).toBe(start);
    expect(await errorOf(await admin.get('/api/fleet/kiosks/0999'))).toEqual([404, 'not_found']);
  });

  it("counts a complaint under its subject's town, else its kiosk's town; a staff ticket without subject stays unknown", async () => {
    const { kioskNumber, token } = await enrolIn(village('银湾村').code ?? '');
    const kiosk = client(central.url, { token });
    const payment = countyRows(path.join(central.dir, 'county'), 'payments').find((p) => p.villageCode === village('城东社区').code);
    const subject = { kind: 'payment' as const, id: payment?.id ?? '', title: '低保' };
    expect((await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 1))).status).toBe(201);
    expect((await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 2))).status).toBe(201);
    expect((await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 3, { subject }))).status).toBe(201);
    expect((await admin.post('/api/tickets', { channel: 'phone', category: 'subsidy', text: '电话反映' })).status).toBe(201);
    const { byTown } = z.object({ byTown: Counts }).parse(await (await admin.get('/api/stats/complaints')).json());
    expect(byTown).toEqual([
      { key: '452123101', count: 2 },
      { key: '452123100', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
  });

  it('keeps a complaint in the town where it was made when its kiosk moves; a staff ticket counts under its subject', async () => {
    const townCounts = async () => new Map(z.object({ byTown: Counts }).parse(await (await admin.get('/api/stats/complaints')).json()).byTown.map((r) => [r.key, r.count]));
    const [yinwan, liudong, qiaokou] = [village('银湾村'), village('柳洞村'), village('桥口村')];
    const payment = countyRows(path.join(central.dir, 'county'), 'payments').find((p) => p.villageCode === qiaokou.code);
    const { kioskNumber, token } = await enrolIn(yinwan.code ?? '');
    const kiosk = client(central.url, { token });
    const before = await townCounts();

    expect((await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 1))).status).toBe(201);
    expect((await admin.put(`/api/fleet/kiosks/${kioskNumber}/village`, { villageCode: liudong.code })).status).toBe(200);
    expect((await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 2))).status).toBe(201);
    const subject = { kind: 'payment' as const, id: payment?.id ?? '', title: '低保' };
    expect((await admin.post('/api/tickets', { channel: 'walk_in', category: 'subsidy', text: '来访反映', subject })).status).toBe(201);

    // 银湾村 and 桥口村 are in 青石镇, 柳洞村 in 城关镇: the first complaint stays in 青石镇.
    const after = await townCounts();
    const added = (town: string | undefined) => (after.get(town ?? '') ?? 0) - (before.get(town ?? '') ?? 0);
    expect([added(yinwan.townCode), added(liudong.townCode), added('unknown')]).toEqual([2, 1, 0]);
    expect(yinwan.townCode).toBe(qiaokou.townCode);
    expect(liudong.townCode).not.toBe(yinwan.townCode);
  });
});
