import { ApiError, AuditLogEntry, CreatedEnrolmentCode, EnrolResponse, FleetKiosk } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskRepository } from '../src/fleet/kiosks.repository';
import { createEnrolmentCode } from '../src/fleet/enrolment.service';
import { buildIntake, client, loginAs } from './factories';
import { adminClient, startTestCentral, type TestCentral } from './harness';

const errorOf = async (res: Response) => [res.status, ApiError.parse(await res.json()).error.code];

describe('re-enrolment keeps the kiosk number', () => {
  let central: TestCentral;
  let admin: ReturnType<typeof client>;
  const enrol = (body: unknown) => client(central.url).post('/api/kiosks/enrol', body);
  const reEnrolmentCode = async (kioskNumber: string) => {
    const res = await admin.post(`/api/fleet/kiosks/${kioskNumber}/enrolment-code`, { ttlHours: 2 });
    expect(res.status).toBe(201);
    return CreatedEnrolmentCode.parse(await res.json()).code;
  };
  const kioskRow = async (kioskNumber: string) => central.db.selectFrom('kiosks').selectAll().where('kiosk_number', '=', kioskNumber).executeTakeFirstOrThrow();
  const codeCount = async () => (await central.db.selectFrom('enrolment_codes').select('code_hash').execute()).length;

  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminClient(central.url);
  });
  afterAll(() => central.close());

  it('gives a revoked kiosk a new token under its own number; the old token stops working; audited', async () => {
    const old = await central.enrol('旧机');
    expect((await client(central.url, { token: old.token }).post('/api/kiosk-api/complaints', buildIntake(old.kioskNumber, 1))).status).toBe(201);
    expect((await admin.post(`/api/fleet/kiosks/${old.kioskNumber}/revoke`, {})).status).toBe(204);

    const code = await reEnrolmentCode(old.kioskNumber);
    const res = await enrol({ code, kioskNumber: old.kioskNumber, name: '修好的机' });
    expect(res.status).toBe(201);
    const renewed = EnrolResponse.parse(await res.json());
    expect(renewed).toMatchObject({ kioskNumber: old.kioskNumber, name: '修好的机' });

    expect((await client(central.url, { token: old.token }).get('/api/sync/changes?since=0')).status).toBe(401);
    const kiosk = client(central.url, { token: renewed.token });
    expect((await kiosk.get('/api/kiosk-api/complaint-categories')).status).toBe(200);
    // A complaint queued under the old credential carries the same kiosk number: still accepted, once.
    expect((await kiosk.post('/api/kiosk-api/complaints', buildIntake(old.kioskNumber, 2))).status).toBe(201);
    expect((await kiosk.post('/api/kiosk-api/complaints', buildIntake(old.kioskNumber, 1))).status).toBe(200);
    const row = FleetKiosk.parse(await (await admin.get(`/api/fleet/kiosks/${old.kioskNumber}`)).json());
    expect(row).toMatchObject({ name: '修好的机', revokedAt: null });

    const audit = AuditLogEntry.array().parse(((await (await admin.get('/api/audit?limit=50')).json()) as { items: unknown[] }).items);
    expect(audit.find((e) => e.action === 'kiosk.re-enrolment-code')).toMatchObject({ actor: 'admin', target: old.kioskNumber });
    expect(audit.find((e) => e.action === 'kiosk.re-enrol')).toMatchObject({ actor: `kiosk:${old.kioskNumber}`, target: old.kioskNumber });
  });

  it('refuses a code that does not fit the kiosk, without using it', async () => {
    const a = await central.enrol('甲');
    const b = await central.enrol('乙');
    const tokenHash = (await kioskRow(a.kioskNumber)).token_hash;
    const forA = await reEnrolmentCode(a.kioskNumber);
    expect(await errorOf(await enrol({ code: forA, kioskNumber: b.kioskNumber }))).toEqual([409, 'conflict']);
    expect(await errorOf(await enrol({ code: forA }))).toEqual([409, 'conflict']);
    expect((await kioskRow(a.kioskNumber)).token_hash).toBe(tokenHash);

    const { code: forNew } = CreatedEnrolmentCode.parse(await (await admin.post('/api/fleet/enrolment-codes', {})).json());
    const refused = await enrol({ code: forNew, kioskNumber: a.kioskNumber });
    expect([refused.status, ApiError.parse(await refused.json()).error.message]).toEqual([409, expect.stringMatching(/enrols a new kiosk/)]);

    // Both codes are still unused.
    expect((await enrol({ code: forA, kioskNumber: a.kioskNumber })).status).toBe(201);
    expect(EnrolResponse.parse(await (await enrol({ code: forNew })).json()).kioskNumber).not.toBe(a.kioskNumber);
  });

  it('refuses a used or expired re-enrolment code and changes nothing', async () => {
    const kiosk = await central.enrol('丙');
    const code = await reEnrolmentCode(kiosk.kioskNumber);
    expect((await enrol({ code, kioskNumber: kiosk.kioskNumber })).status).toBe(201);
    const tokenHash = (await kioskRow(kiosk.kioskNumber)).token_hash;
    expect(await errorOf(await enrol({ code, kioskNumber: kiosk.kioskNumber }))).toEqual([400, 'invalid_enrolment_code']);

    const yesterday = () => new Date(Date.now() - 86_400_000);
    await createEnrolmentCode({ kiosks: createKioskRepository(central.db), now: yesterday }, 'EXPIREDREENROL22', { kioskNumber: kiosk.kioskNumber, ttlHours: 1 });
    const expired = await enrol({ code: 'EXPIREDREENROL22', kioskNumber: kiosk.kioskNumber });
    expect([expired.status, ApiError.parse(await expired.json()).error.message]).toEqual([400, expect.stringMatching(/expired/)]);
    expect((await kioskRow(kiosk.kioskNumber)).token_hash).toBe(tokenHash);
  });

  it('makes re-enrolment codes only for an admin and only for a kiosk that exists', async () => {
    const before = await codeCount();
    expect(await errorOf(await admin.post('/api/fleet/kiosks/0999/enrolment-code', {}))).toEqual([404, 'not_found']);
    expect(await errorOf(await admin.post('/api/fleet/kiosks/12/enrolment-code', {}))).toEqual([400, 'bad_request']);
    expect(await errorOf(await admin.post('/api/fleet/kiosks/0001/enrolment-code', { ttlHours: 1000 }))).toEqual([400, 'bad_request']);
    await admin.post('/api/staff', { username: 'handler', displayName: '办理员', role: 'handler', password: 'handler-password' });
    const handler = client(central.url, { cookie: await loginAs(central.url, 'handler', 'handler-password') });
    expect(await errorOf(await handler.post('/api/fleet/kiosks/0001/enrolment-code', {}))).toEqual([403, 'forbidden']);
    expect(await errorOf(await client(central.url).post('/api/fleet/kiosks/0001/enrolment-code', {}))).toEqual([401, 'unauthorized']);
    expect(await codeCount()).toBe(before);
  });
});
