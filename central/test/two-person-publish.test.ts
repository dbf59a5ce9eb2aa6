import path from 'node:path';
import { ApiError, AuditLogEntry, CentralHealth, ImportReport, makeIdNumber, Page, PublishResult } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, countyRows, loginAs } from './factories';
import { adminCookie, startTestCentral, type TestCentral } from './harness';
import { storeSnapshot } from './store-snapshot';

const NOTICE_HEADER = 'id,title,body,category,scopeCode,publishDate,expiryDate';

describe('two people publish', () => {
  let central: TestCentral;
  let adminSession: string;
  let admin: ReturnType<typeof client>;
  let otherAdmin: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let village: string;
  /** A county-loaded payment of 县民政局, owned by no staff member yet. */
  let payment: Record<string, string>;

  const dataVersion = async () => CentralHealth.parse(await (await fetch(`${central.url}/api/health`)).json()).dataVersion;
  const uploadNotice = async (id: string) => {
    const csv = `${NOTICE_HEADER}\n${id},停水通知,明天停水,village,${village},2026-10-01,`;
    const res = await fetch(`${central.url}/api/imports?type=notices&department=${encodeURIComponent('县民政局')}`, { method: 'POST', headers: { cookie: adminSession, 'content-type': 'text/csv' }, body: csv });
    return ImportReport.parse(await res.json()).importId;
  };
  const auditActions = async () => Page(AuditLogEntry).parse(await (await admin.get('/api/audit?limit=500')).json()).items;

  /** `act` is refused with 403 `two_person_rule` in plain Chinese, and the store is exactly as it was. */
  const expectTwoPersonRefusal = async (act: () => Promise<Response>) => {
    const before = await storeSnapshot(central.db);
    const res = await act();
    expect(res.status).toBe(403);
    expect(ApiError.parse(await res.json()).error).toMatchObject({ code: 'two_person_rule', message: expect.stringMatching(/^不能审核自己提交的更改/) });
    expect(await storeSnapshot(central.db)).toEqual(before);
  };

  beforeAll(async () => {
    central = await startTestCentral();
    const countyDir = path.join(central.dir, 'county');
    village = countyRows(countyDir, 'villages')[0]?.code ?? '';
    payment = countyRows(countyDir, 'payments').find((p) => p.department === '县民政局') ?? {};
    adminSession = await adminCookie(central.url);
    admin = client(central.url, { cookie: adminSession });
    const accounts = [
      { username: 'admin2', displayName: '第二管理员', role: 'admin', password: 'second-admin-password' },
      { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' },
    ];
    for (const a of accounts) expect((await admin.post('/api/staff', a)).status).toBe(201);
    otherAdmin = client(central.url, { cookie: await loginAs(central.url, 'admin2', 'second-admin-password') });
    reviewer = client(central.url, { cookie: await loginAs(central.url, 'shenhe', 'reviewer-password') });
  });
  afterAll(() => central.close());

  it("refuses an admin's approval of their own import without a reason, and changes nothing", async () => {
    const importId = await uploadNotice('tp-1');
    await expectTwoPersonRefusal(() => admin.post(`/api/imports/${importId}/approve`, {}));
    expect(ImportReport.parse(await (await admin.get(`/api/imports/${importId}`)).json())).toMatchObject({ status: 'staged', version: null, reviewedBy: null });
  });

  it('lets a second person approve what an admin staged: another admin or a reviewer', async () => {
    expect((await otherAdmin.post(`/api/imports/${await uploadNotice('tp-2')}/approve`, {})).status).toBe(200);
    const byReviewer = await uploadNotice('tp-3');
    const approved = await reviewer.post(`/api/imports/${byReviewer}/approve`, {});
    expect(approved.status).toBe(200);
    expect(ImportReport.parse(await (await admin.get(`/api/imports/${byReviewer}`)).json())).toMatchObject({ status: 'approved', reviewedBy: 'shenhe', reviewReason: null });
  });

  it('lets an admin approve their own import alone only with a reason, kept on the import and audited as a lone approval', async () => {
    const importId = await uploadNotice('tp-4');
    const blank = await admin.post(`/api/imports/${importId}/approve`, { reason: '   ' });
    expect([blank.status, ApiError.parse(await blank.json()).error.code]).toEqual([400, 'bad_request']);
    const reason = '审核员病假，停水通知须今天发布';
    const result = PublishResult.parse(await (await admin.post(`/api/imports/${importId}/approve`, { reason })).json());
    expect(ImportReport.parse(await (await admin.get(`/api/imports/${importId}`)).json())).toMatchObject({ status: 'approved', reviewedBy: 'admin', reviewReason: reason, version: result.version });
    const [latest] = await auditActions();
    expect(latest).toMatchObject({ actor: 'admin', action: 'import.approve-alone', target: String(importId), details: { ...result, reason } });
  });

  it("stages an admin's own correction of a county record, which they may not approve alone without a reason either", async () => {
    const before = await dataVersion();
    const staged = await admin.patch(`/api/records/payments/${payment.id}`, { changes: { amountFen: 12345 }, reason: '金额录错' });
    expect(staged.status).toBe(202);
    const report = ImportReport.parse(await staged.json());
    expect(report).toMatchObject({ status: 'staged', mode: 'correction', createdBy: 'admin', department: '县民政局', record: { table: 'payments', id: payment.id, changes: { amountFen: 12345 } } });
    expect(await dataVersion()).toBe(before);

    await expectTwoPersonRefusal(() => admin.post(`/api/imports/${report.importId}/approve`, {}));
    expect((await reviewer.post(`/api/imports/${report.importId}/approve`, {})).status).toBe(200);
    expect(await dataVersion()).toBe(before + 1);
  });

  it('shows a reviewer the corrected ID number masked, and publishes it only on approval', async () => {
    const newId = makeIdNumber('452123', '1949-10-01', 77);
    const staged = await admin.patch(`/api/records/payments/${payment.id}`, { changes: { idNumber: newId }, reason: '身份证号录错' });
    const report = ImportReport.parse(await staged.json());
    expect(report.record?.changes?.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(await auditActions())).not.toContain(newId);
    expect((await reviewer.post(`/api/imports/${report.importId}/approve`, {})).status).toBe(200);
    const identity = await central.db.selectFrom('payment_identities').select('id_number').where('payment_id', '=', payment.id ?? '').executeTakeFirstOrThrow();
    expect(identity.id_number).toBe(newId);
  });

  it('stages a withdrawal that a reviewer rejects with a reason: the record stays live', async () => {
    const before = await dataVersion();
    const res = await fetch(`${central.url}/api/records/payments/${payment.id}`, { method: 'DELETE', headers: { cookie: adminSession, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '重复发放' }) });
    expect(res.status).toBe(202);
    const { importId } = ImportReport.parse(await res.json());
    expect((await reviewer.post(`/api/imports/${importId}/reject`, { reason: '并非重复，是两个月的补贴' })).status).toBe(204);
    expect(await dataVersion()).toBe(before);
    const record = await central.db.selectFrom('content_records').select('deleted').where('table_name', '=', 'payments').where('id', '=', payment.id ?? '').executeTakeFirstOrThrow();
    expect(record.deleted).toBe(0);
    expect(ImportReport.parse(await (await admin.get(`/api/imports/${importId}`)).json())).toMatchObject({ status: 'rejected', reviewReason: '并非重复，是两个月的补贴' });
  });
});
