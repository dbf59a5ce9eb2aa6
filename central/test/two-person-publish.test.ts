import path from 'node:path';
import { type ApiClient, auditApi, healthApi, importsApi, makeIdNumber } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, countyRows, loginAs, refusal } from './factories';
import { adminCookie, createStaffAccount, startTestCentral, type TestCentral } from './harness';
import { approveImport, importReport, uploadFile } from './import-support';
import { storeSnapshot } from './store-snapshot';

const NOTICE_HEADER = 'id,title,body,category,scopeCode,publishDate,expiryDate';

describe('two people publish', () => {
  let central: TestCentral;
  let adminApi: ApiClient;
  let otherAdmin: ApiClient;
  let reviewer: ApiClient;
  let village: string;
  /** A county-loaded payment of 县民政局, owned by no staff member yet. */
  let payment: Record<string, string>;

  const dataVersion = async () => (await apiClient(central.url).call(healthApi.health)).dataVersion;
  const uploadNotice = async (id: string) => {
    const csv = `${NOTICE_HEADER}\n${id},停水通知,明天停水,village,${village},2026-10-01,`;
    return (await uploadFile(adminApi, { type: 'notices', department: '县民政局' }, csv)).importId;
  };
  const correctPayment = (changes: Record<string, string | number>, reason: string) =>
    adminApi.call(importsApi.correctRecord, { params: { table: 'payments', id: payment.id ?? '' }, body: { changes, reason } });
  const auditActions = async () => (await adminApi.call(auditApi.list, { query: { limit: 500 } })).items;

  /** `act` is refused with 403 `two_person_rule` in plain Chinese, and the store is exactly as it was. */
  const expectTwoPersonRefusal = async (act: () => Promise<unknown>) => {
    const before = await storeSnapshot(central.db);
    expect(await refusal(act())).toMatchObject({ status: 403, code: 'two_person_rule', message: expect.stringMatching(/^不能审核自己提交的更改/) });
    expect(await storeSnapshot(central.db)).toEqual(before);
  };

  beforeAll(async () => {
    central = await startTestCentral();
    const countyDir = path.join(central.dir, 'county');
    village = countyRows(countyDir, 'villages')[0]?.code ?? '';
    payment = countyRows(countyDir, 'payments').find((p) => p.department === '县民政局') ?? {};
    const adminSession = await adminCookie(central.url);
    adminApi = apiClient(central.url, { cookie: adminSession });
    const accounts = [
      { username: 'admin2', displayName: '第二管理员', role: 'admin', password: 'second-admin-password' },
      { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' },
    ] as const;
    for (const a of accounts) await createStaffAccount(central, a);
    otherAdmin = apiClient(central.url, { cookie: await loginAs(central.url, 'admin2', 'second-admin-password') });
    reviewer = apiClient(central.url, { cookie: await loginAs(central.url, 'shenhe', 'reviewer-password') });
  });
  afterAll(() => central.close());

  it("refuses an admin's approval of their own import without a reason, and changes nothing", async () => {
    const importId = await uploadNotice('tp-1');
    await expectTwoPersonRefusal(() => approveImport(adminApi, importId));
    expect(await importReport(adminApi, importId)).toMatchObject({ status: 'staged', version: null, reviewedBy: null });
  });

  it('lets a second person approve what an admin staged: another admin or a reviewer', async () => {
    expect(await approveImport(otherAdmin, await uploadNotice('tp-2'))).toMatchObject({ records: 1 });
    const byReviewer = await uploadNotice('tp-3');
    expect(await approveImport(reviewer, byReviewer)).toMatchObject({ records: 1 });
    expect(await importReport(adminApi, byReviewer)).toMatchObject({ status: 'approved', reviewedBy: 'shenhe', reviewReason: null });
  });

  it('lets an admin approve their own import alone only with a reason, kept on the import and audited as a lone approval', async () => {
    const importId = await uploadNotice('tp-4');
    expect(await refusal(approveImport(adminApi, importId, '   '))).toMatchObject({ status: 400, code: 'bad_request' });
    const reason = '审核员病假，停水通知须今天发布';
    const result = await approveImport(adminApi, importId, reason);
    expect(await importReport(adminApi, importId)).toMatchObject({ status: 'approved', reviewedBy: 'admin', reviewReason: reason, version: result.version });
    const [latest] = await auditActions();
    expect(latest).toMatchObject({ actor: 'admin', action: 'import.approve-alone', target: String(importId), details: { ...result, reason } });
  });

  it("stages an admin's own correction of a county record, which they may not approve alone without a reason either", async () => {
    const before = await dataVersion();
    const report = await correctPayment({ amountFen: 12345 }, '金额录错');
    expect(report).toMatchObject({ status: 'staged', mode: 'correction', createdBy: 'admin', department: '县民政局', record: { table: 'payments', id: payment.id, changes: { amountFen: 12345 } } });
    expect(await dataVersion()).toBe(before);

    await expectTwoPersonRefusal(() => approveImport(adminApi, report.importId));
    await approveImport(reviewer, report.importId);
    expect(await dataVersion()).toBe(before + 1);
  });

  it('shows a reviewer the corrected ID number masked, and publishes it only on approval', async () => {
    const newId = makeIdNumber('452123', '1949-10-01', 77);
    const report = await correctPayment({ idNumber: newId }, '身份证号录错');
    expect(report.record?.changes?.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(await auditActions())).not.toContain(newId);
    await approveImport(reviewer, report.importId);
    const identity = await central.db.selectFrom('payment_identities').select('id_number').where('payment_id', '=', payment.id ?? '').executeTakeFirstOrThrow();
    expect(identity.id_number).toBe(newId);
  });

  it('stages a withdrawal that a reviewer rejects with a reason: the record stays live', async () => {
    const before = await dataVersion();
    const { importId } = await adminApi.call(importsApi.withdrawRecord, { params: { table: 'payments', id: payment.id ?? '' }, body: { reason: '重复发放' } });
    await reviewer.call(importsApi.reject, { params: { id: importId }, body: { reason: '并非重复，是两个月的补贴' } });
    expect(await dataVersion()).toBe(before);
    const record = await central.db.selectFrom('content_records').select('deleted').where('table_name', '=', 'payments').where('id', '=', payment.id ?? '').executeTakeFirstOrThrow();
    expect(record.deleted).toBe(0);
    expect(await importReport(adminApi, importId)).toMatchObject({ status: 'rejected', reviewReason: '并非重复，是两个月的补贴' });
  });
});
