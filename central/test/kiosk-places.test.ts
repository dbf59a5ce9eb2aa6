import path from 'node:path';
import { type ApiClient, fleetApi, kioskApi, type MoveKioskRequest, statisticsApi, ticketsApi } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, buildHeartbeat, buildIntake, countyRows, loginAs, refusal } from './factories';
import { adminApiClient, createStaffAccount, readAuditLog, startTestCentral, type TestCentral } from './harness';

const errorOf = async (call: Promise<unknown>) => {
  const err = await refusal(call);
  return [err.status, err.code];
};

describe('where kiosks stand', () => {
  let central: TestCentral;
  let staff: ApiClient;
  let viewer: ApiClient;
  let villages: Record<string, string>[] = [];
  const village = (name: string) => {
    const row = villages.find((v) => v.name === name);
    if (!row) throw new Error(`no village ${name} in the tiny county`);
    return row;
  };
  const codeCount = async () => (await central.db.selectFrom('enrolment_codes').select('code_hash').execute()).length;
  const fleetRow = (kioskNumber: string) => staff.call(fleetApi.getKiosk, { params: { kioskNumber } });
  const auditActions = () => readAuditLog(central, 50);

  /** Enrols a new kiosk through an admin's code that names `villageCode`. */
  const enrolIn = async (villageCode: string) => {
    const { code } = await staff.call(fleetApi.createEnrolmentCode, { body: { kioskName: '村委会', villageCode } });
    return apiClient(central.url).call(fleetApi.enrol, { body: { code } });
  };

  beforeAll(async () => {
    central = await startTestCentral();
    villages = countyRows(path.join(central.dir, 'county'), 'villages');
    staff = await adminApiClient(central.url);
    await createStaffAccount(central, { username: 'viewer', displayName: '查看员', role: 'viewer', password: 'viewer-password' });
    viewer = apiClient(central.url, { cookie: await loginAs(central.url, 'viewer', 'viewer-password') });
  });
  afterAll(() => central.close());

  it('enrols a kiosk into the village its code names and shows the village and town by name', async () => {
    const liudong = village('柳洞村');
    const enrolment = await enrolIn(liudong.code ?? '');
    expect(enrolment.villageCode).toBe(liudong.code);
    const row = (await viewer.call(fleetApi.listKiosks, { query: {} })).kiosks.find((k) => k.kioskNumber === enrolment.kioskNumber);
    expect(row).toMatchObject({ villageCode: liudong.code, villageName: '柳洞村', townName: '城关镇' });
    expect(await fleetRow(enrolment.kioskNumber)).toMatchObject({ villageName: '柳洞村', townName: '城关镇' });
    expect(await (await staff.call(fleetApi.exportKiosks, { query: { format: 'csv' } })).text()).toContain('城关镇,柳洞村');
  });

  it('refuses a code for an unknown or malformed village, in plain words, and makes no code', async () => {
    const before = await codeCount();
    const unknown = await refusal(staff.call(fleetApi.createEnrolmentCode, { body: { villageCode: '452123999999' } }));
    expect([unknown.status, unknown.code, unknown.message]).toEqual([400, 'unknown_village', expect.stringMatching(/没有编码为 452123999999 的村/)]);
    expect(await errorOf(staff.call(fleetApi.createEnrolmentCode, { body: { villageCode: '4521' } }))).toEqual([400, 'bad_request']);
    expect((await refusal(viewer.call(fleetApi.createEnrolmentCode, { body: { villageCode: village('马河村').code } }))).status).toBe(403);
    expect(await codeCount()).toBe(before);
  });

  it('lets an admin move a kiosk to another village, audited', async () => {
    const { kioskNumber } = await enrolIn(village('柳洞村').code ?? '');
    const qiaokou = village('桥口村').code;
    const moved = await staff.call(fleetApi.moveKiosk, { params: { kioskNumber }, body: { villageCode: qiaokou ?? '' } });
    expect(moved).toMatchObject({ kioskNumber, villageCode: qiaokou, villageName: '桥口村', townName: '青石镇' });
    expect((await auditActions()).find((e) => e.action === 'kiosk.move')).toMatchObject({ actor: 'admin', target: kioskNumber });
  });

  it("answers a kiosk's heartbeat with the village it stands in now, so a move reaches it within a heartbeat", async () => {
    const { kioskNumber, token } = await enrolIn(village('柳洞村').code ?? '');
    const kiosk = apiClient(central.url, { token });
    const beat = () => kiosk.call(fleetApi.heartbeat, { body: buildHeartbeat() });
    expect(await beat()).toEqual({ villageCode: village('柳洞村').code });
    await staff.call(fleetApi.moveKiosk, { params: { kioskNumber }, body: { villageCode: village('桥口村').code ?? '' } });
    expect(await beat()).toEqual({ villageCode: village('桥口村').code });
  });

  it('answers null for a kiosk whose code named no village', async () => {
    const { code } = await staff.call(fleetApi.createEnrolmentCode, { body: { kioskName: '村委会' } });
    const { token } = await apiClient(central.url).call(fleetApi.enrol, { body: { code } });
    expect(await apiClient(central.url, { token }).call(fleetApi.heartbeat, { body: buildHeartbeat() })).toEqual({ villageCode: null });
  });

  it('refuses a bad move with a clear 4xx and leaves the kiosk where it was', async () => {
    const start = village('马河村').code;
    const { kioskNumber } = await enrolIn(start ?? '');
    const move = (as: ApiClient, number: string, body: MoveKioskRequest) => as.call(fleetApi.moveKiosk, { params: { kioskNumber: number }, body });
    expect(await errorOf(move(staff, kioskNumber, { villageCode: '452123999999' }))).toEqual([400, 'unknown_village']);
    expect(await errorOf(move(staff, kioskNumber, { villageCode: 'nowhere' }))).toEqual([400, 'bad_request']);
    expect(await errorOf(move(staff, '0999', { villageCode: start ?? '' }))).toEqual([404, 'unknown_kiosk']);
    expect((await refusal(move(viewer, kioskNumber, { villageCode: village('桥口村').code ?? '' }))).status).toBe(403);
    expect((await fleetRow(kioskNumber)).villageCode).toBe(start);
    expect(await errorOf(fleetRow('0999'))).toEqual([404, 'unknown_kiosk']);
  });

  it("counts a complaint under its subject's town, else its kiosk's town; a staff ticket without subject stays unknown", async () => {
    const { kioskNumber, token } = await enrolIn(village('银湾村').code ?? '');
    const kiosk = apiClient(central.url, { token });
    const payment = countyRows(path.join(central.dir, 'county'), 'payments').find((p) => p.villageCode === village('城东社区').code);
    const subject = { kind: 'payment' as const, id: payment?.id ?? '', title: '低保' };
    expect(await kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, 1) })).toMatchObject({ duplicate: false });
    expect(await kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, 2) })).toMatchObject({ duplicate: false });
    expect(await kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, 3, { subject }) })).toMatchObject({ duplicate: false });
    await staff.call(ticketsApi.create, { body: { channel: 'phone', category: 'subsidy', text: '电话反映' } });
    const { byTown } = await staff.call(statisticsApi.complaints, { query: {} });
    expect(byTown).toEqual([
      { key: '452123101', count: 2 },
      { key: '452123100', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
  });

  it('keeps a complaint in the town where it was made when its kiosk moves; a staff ticket counts under its subject', async () => {
    const townCounts = async () => new Map((await staff.call(statisticsApi.complaints, { query: {} })).byTown.map((r) => [r.key, r.count]));
    const [yinwan, liudong, qiaokou] = [village('银湾村'), village('柳洞村'), village('桥口村')];
    const payment = countyRows(path.join(central.dir, 'county'), 'payments').find((p) => p.villageCode === qiaokou.code);
    const { kioskNumber, token } = await enrolIn(yinwan.code ?? '');
    const kiosk = apiClient(central.url, { token });
    const before = await townCounts();

    expect(await kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, 1) })).toMatchObject({ duplicate: false });
    await staff.call(fleetApi.moveKiosk, { params: { kioskNumber }, body: { villageCode: liudong.code ?? '' } });
    expect(await kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, 2) })).toMatchObject({ duplicate: false });
    const subject = { kind: 'payment' as const, id: payment?.id ?? '', title: '低保' };
    await staff.call(ticketsApi.create, { body: { channel: 'walk_in', category: 'subsidy', text: '来访反映', subject } });

    // 银湾村 and 桥口村 are in 青石镇, 柳洞村 in 城关镇: the first complaint stays in 青石镇.
    const after = await townCounts();
    const added = (town: string | undefined) => (after.get(town ?? '') ?? 0) - (before.get(town ?? '') ?? 0);
    expect([added(yinwan.townCode), added(liudong.townCode), added('unknown')]).toEqual([2, 1, 0]);
    expect(yinwan.townCode).toBe(qiaokou.townCode);
    expect(liudong.townCode).not.toBe(yinwan.townCode);
  });
});
