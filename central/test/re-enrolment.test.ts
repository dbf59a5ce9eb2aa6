import { fleetApi, kioskApi, syncApi, type ApiClient, type EnrolRequest } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskRepository } from '../src/fleet/kiosks.repository';
import { createEnrolmentCode } from '../src/fleet/enrolment.service';
import { apiClient, buildIntake, loginAs, refusal } from './factories';
import { adminApiClient, createStaffAccount, readAuditLog, startTestCentral, type TestCentral } from './harness';

const errorOf = async (call: Promise<unknown>) => {
  const err = await refusal(call);
  return [err.status, err.code];
};

describe('re-enrolment keeps the kiosk number', () => {
  let central: TestCentral;
  let admin: ApiClient;
  const enrol = (body: EnrolRequest) => apiClient(central.url).call(fleetApi.enrol, { body });
  const reEnrolmentCode = async (kioskNumber: string) => (await admin.call(fleetApi.createReEnrolmentCode, { params: { kioskNumber }, body: { ttlHours: 2 } })).code;
  const kioskRow = async (kioskNumber: string) => central.db.selectFrom('kiosks').selectAll().where('kiosk_number', '=', kioskNumber).executeTakeFirstOrThrow();
  const codeCount = async () => (await central.db.selectFrom('enrolment_codes').select('code_hash').execute()).length;

  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminApiClient(central.url);
  });
  afterAll(() => central.close());

  it('gives a revoked kiosk a new token under its own number; the old token stops working; audited', async () => {
    const old = await central.enrol('旧机');
    expect(await apiClient(central.url, { token: old.token }).call(kioskApi.deliverComplaint, { body: buildIntake(old.kioskNumber, 1) })).toMatchObject({ duplicate: false });
    await admin.call(fleetApi.revokeKiosk, { params: { kioskNumber: old.kioskNumber } });

    const code = await reEnrolmentCode(old.kioskNumber);
    const renewed = await enrol({ code, kioskNumber: old.kioskNumber, name: '修好的机' });
    expect(renewed).toMatchObject({ kioskNumber: old.kioskNumber, name: '修好的机' });

    expect(await errorOf(apiClient(central.url, { token: old.token }).call(syncApi.changes, { query: { since: 0 } }))).toEqual([401, 'unauthorized']);
    const renewedClient = apiClient(central.url, { token: renewed.token });
    expect(await renewedClient.call(kioskApi.listComplaintCategories)).not.toEqual([]);
    // A complaint queued under the old credential carries the same kiosk number: still accepted, once.
    expect(await renewedClient.call(kioskApi.deliverComplaint, { body: buildIntake(old.kioskNumber, 2) })).toMatchObject({ duplicate: false });
    expect(await renewedClient.call(kioskApi.deliverComplaint, { body: buildIntake(old.kioskNumber, 1) })).toMatchObject({ duplicate: true });
    expect(await admin.call(fleetApi.getKiosk, { params: { kioskNumber: old.kioskNumber } })).toMatchObject({ name: '修好的机', revokedAt: null });

    const audit = await readAuditLog(central, 50);
    expect(audit.find((e) => e.action === 'kiosk.re-enrolment-code')).toMatchObject({ actor: 'admin', target: old.kioskNumber });
    expect(audit.find((e) => e.action === 'kiosk.re-enrol')).toMatchObject({ actor: `kiosk:${old.kioskNumber}`, target: old.kioskNumber });
  });

  it('refuses a code that does not fit the kiosk with kiosk_number_mismatch, without using it', async () => {
    const a = await central.enrol('甲');
    const b = await central.enrol('乙');
    const tokenHash = (await kioskRow(a.kioskNumber)).token_hash;
    const forA = await reEnrolmentCode(a.kioskNumber);
    expect(await errorOf(enrol({ code: forA, kioskNumber: b.kioskNumber }))).toEqual([409, 'kiosk_number_mismatch']);
    expect(await errorOf(enrol({ code: forA }))).toEqual([409, 'kiosk_number_mismatch']);
    expect((await kioskRow(a.kioskNumber)).token_hash).toBe(tokenHash);

    const { code: forNew } = await admin.call(fleetApi.createEnrolmentCode, { body: {} });
    const refused = await refusal(enrol({ code: forNew, kioskNumber: a.kioskNumber }));
    expect([refused.status, refused.code, refused.message]).toEqual([409, 'kiosk_number_mismatch', expect.stringMatching(/这是新一体机的开通码/)]);

    // Both codes are still unused.
    expect((await enrol({ code: forA, kioskNumber: a.kioskNumber })).kioskNumber).toBe(a.kioskNumber);
    expect((await enrol({ code: forNew })).kioskNumber).not.toBe(a.kioskNumber);
  });

  it('refuses a used or expired re-enrolment code, each with its own code, and changes nothing', async () => {
    const kiosk = await central.enrol('丙');
    const code = await reEnrolmentCode(kiosk.kioskNumber);
    await enrol({ code, kioskNumber: kiosk.kioskNumber });
    const tokenHash = (await kioskRow(kiosk.kioskNumber)).token_hash;
    expect(await errorOf(enrol({ code, kioskNumber: kiosk.kioskNumber }))).toEqual([400, 'enrolment_code_used']);

    const yesterday = () => new Date(Date.now() - 86_400_000);
    await createEnrolmentCode({ kiosks: createKioskRepository(central.db), now: yesterday }, 'EXPIREDREENROL22', { kioskNumber: kiosk.kioskNumber, ttlHours: 1 });
    expect(await errorOf(enrol({ code: 'EXPIREDREENROL22', kioskNumber: kiosk.kioskNumber }))).toEqual([400, 'enrolment_code_expired']);
    expect((await kioskRow(kiosk.kioskNumber)).token_hash).toBe(tokenHash);
  });

  it('makes re-enrolment codes only for an admin and only for a kiosk that exists', async () => {
    const before = await codeCount();
    const reEnrol = (as: ApiClient, kioskNumber: string, ttlHours?: number) => as.call(fleetApi.createReEnrolmentCode, { params: { kioskNumber }, body: { ttlHours } });
    expect(await errorOf(reEnrol(admin, '0999'))).toEqual([404, 'unknown_kiosk']);
    expect(await errorOf(reEnrol(admin, '12'))).toEqual([400, 'bad_request']);
    expect(await errorOf(reEnrol(admin, '0001', 1000))).toEqual([400, 'bad_request']);
    await createStaffAccount(central, { username: 'handler', displayName: '办理员', role: 'handler', password: 'handler-password' });
    const handler = apiClient(central.url, { cookie: await loginAs(central.url, 'handler', 'handler-password') });
    expect((await refusal(reEnrol(handler, '0001'))).status).toBe(403);
    expect((await refusal(reEnrol(apiClient(central.url), '0001'))).status).toBe(401);
    expect(await codeCount()).toBe(before);
  });
});
