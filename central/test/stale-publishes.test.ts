import path from 'node:path';
import { ApiError, ImportReport, makeIdNumber, PublishResult, type StaffSession } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, countyRows, loginAs } from './factories';
import { adminClient, startTestCentral, type TestCentral } from './harness';
import { storeSnapshot } from './store-snapshot';

const HEADER = 'id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department';
const MINZHENG: StaffSession = { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局' };

describe('an approval re-checks, in its transaction, the records it was computed from', () => {
  let central: TestCentral;
  let reviewer: ReturnType<typeof client>;
  const cookies: Record<string, string> = {};
  let village: string;
  let person = 0;

  /** A payment row of `department`; each row a new person, so no two rows repeat one. */
  const row = (id: string, department: string, amountFen = 60000) => `${id},dibao,张三,${makeIdNumber('452123', '1960-01-01', ++person)},${village},${amountFen},2026-10,2026-10-09,${department}`;
  const upload = async (as: string, rows: string[], query = '') => {
    const res = await fetch(`${central.url}/api/imports?type=payments&${query}`, { method: 'POST', headers: { cookie: cookies[as] ?? '', 'content-type': 'text/csv' }, body: [HEADER, ...rows].join('\n') });
    const report = ImportReport.parse(await res.json());
    expect(report.validRows).toBe(rows.length);
    return report.importId;
  };
  const approve = (importId: number) => reviewer.post(`/api/imports/${importId}/approve`, {});
  const status = async (importId: number) => ImportReport.parse(await (await reviewer.get(`/api/imports/${importId}`)).json()).status;
  /** Stages a withdrawal (202) and answers its import. */
  const stageWithdrawal = async (as: string, id: string) => {
    const res = await fetch(`${central.url}/api/records/payments/${id}`, { method: 'DELETE', headers: { cookie: cookies[as] ?? '', 'content-type': 'application/json' }, body: JSON.stringify({ reason: '重复发放，撤回' }) });
    expect(res.status).toBe(202);
    return ImportReport.parse(await res.json()).importId;
  };
  /** Stages a correction of the amount (202) and answers its import. */
  const stageCorrection = async (as: string, id: string, amountFen: number) => {
    const res = await client(central.url, { cookie: cookies[as] }).patch(`/api/records/payments/${id}`, { changes: { amountFen }, reason: '金额录错' });
    expect(res.status).toBe(202);
    return ImportReport.parse(await res.json()).importId;
  };
  /** A withdrawal staged and approved by a second person. */
  const withdraw = async (as: string, id: string) => approve(await stageWithdrawal(as, id));
  const record = (id: string) => central.db.selectFrom('content_records').select(['data', 'version', 'deleted']).where('table_name', '=', 'payments').where('id', '=', id).executeTakeFirstOrThrow();
  const owner = async (id: string) => (await central.db.selectFrom('record_owners').select('department').where('table_name', '=', 'payments').where('id', '=', id).executeTakeFirst())?.department;

  /** Approving `importId` is refused with 409 `stale_record` (its message matching `message`) and changes nothing; the import stays staged. */
  const expectRefusedApproval = async (importId: number, message: RegExp) => {
    const before = await storeSnapshot(central.db);
    const res = await approve(importId);
    expect(res.status).toBe(409);
    expect(ApiError.parse(await res.json()).error).toMatchObject({ code: 'stale_record', message: expect.stringMatching(message) });
    expect(await storeSnapshot(central.db)).toEqual(before);
    expect(await status(importId)).toBe('staged');
  };

  beforeAll(async () => {
    central = await startTestCentral();
    village = countyRows(path.join(central.dir, 'county'), 'villages')[0]?.code ?? '';
    const admin = await adminClient(central.url);
    const accounts = [
      { ...MINZHENG, password: 'publisher-password' },
      { username: 'nongye', displayName: '农业发布员', role: 'publisher', department: '县农业农村局', password: 'publisher-password' },
      { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' },
    ];
    for (const a of accounts) {
      expect((await admin.post('/api/staff', a)).status).toBe(201);
      cookies[a.username] = await loginAs(central.url, a.username, a.password);
    }
    reviewer = client(central.url, { cookie: cookies.shenhe });
  });
  afterAll(() => central.close());

  it("refuses to approve new records whose ids another department published since the upload, naming them, and keeps that department's records", async () => {
    const ids = ['dup-1', 'dup-2', 'dup-3', 'dup-4', 'dup-5', 'dup-6', 'dup-7'];
    const first = await upload('minzheng', ids.map((id) => row(id, '县民政局')));
    const second = await upload('nongye', [row('fresh-1', '县农业农村局'), ...ids.map((id) => row(id, '县农业农村局', 1))]);
    expect((await approve(first)).status).toBe(200);
    const published = await record('dup-1');

    await expectRefusedApproval(second, /^有 7 条记录（编号 dup-1、dup-2、dup-3、dup-4、dup-5 等）在上传后已被发布，不能再作为新记录发布/);
    expect(await record('dup-1')).toEqual(published);
    expect(JSON.parse(published.data)).toMatchObject({ amountFen: 60000, department: '县民政局' });
    expect(await owner('dup-1')).toBe('县民政局');
    expect(await central.db.selectFrom('content_records').select('id').where('id', '=', 'fresh-1').execute()).toEqual([]);
    // Left staged, the department's import can still be rejected (or fixed and uploaded again).
    expect((await reviewer.post(`/api/imports/${second}/reject`, { reason: '编号已被其他部门使用' })).status).toBe(204);
  });

  it('refuses a correction import whose record was withdrawn since the upload: the withdrawal stands', async () => {
    expect((await approve(await upload('minzheng', [row('wd-1', '县民政局'), row('wd-2', '县民政局')]))).status).toBe(200);
    const correction = await upload('minzheng', [row('wd-1', '县民政局', 65000), row('wd-2', '县民政局', 65000)], `mode=correction&reason=${encodeURIComponent('金额录错')}`);
    expect((await withdraw('minzheng', 'wd-2')).status).toBe(200);

    await expectRefusedApproval(correction, /^有 1 条记录（编号 wd-2）在上传后已被撤回或已不属于本部门，无法更正/);
    expect(await record('wd-2')).toMatchObject({ deleted: 1 });
    expect(JSON.parse((await record('wd-1')).data)).toMatchObject({ amountFen: 60000 });
  });

  it('refuses a correction import whose record passed to another department since the upload', async () => {
    expect((await approve(await upload('minzheng', [row('mv-1', '县民政局')]))).status).toBe(200);
    const correction = await upload('minzheng', [row('mv-1', '县民政局', 65000)], `mode=correction&reason=${encodeURIComponent('金额录错')}`);
    // Withdrawn, then published anew under the same id by another department, which now owns it.
    expect((await withdraw('minzheng', 'mv-1')).status).toBe(200);
    expect((await approve(await upload('nongye', [row('mv-1', '县农业农村局', 30000)]))).status).toBe(200);
    expect(await owner('mv-1')).toBe('县农业农村局');

    await expectRefusedApproval(correction, /^有 1 条记录（编号 mv-1）在上传后已被撤回或已不属于本部门/);
    expect(JSON.parse((await record('mv-1')).data)).toMatchObject({ amountFen: 30000, department: '县农业农村局' });
    const patch = (as: string) => client(central.url, { cookie: cookies[as] }).patch('/api/records/payments/mv-1', { changes: { amountFen: 31000 }, reason: '金额录错' });
    expect((await patch('minzheng')).status).toBe(403);
    expect((await patch('nongye')).status).toBe(202);
  });

  describe('a staged correction or withdrawal whose record changed before its approval', () => {
    const STALE = /^这条记录在提交这项更改后已被修改或撤回，不能再发布/;

    it('publishes a staged correction when nothing changed meanwhile', async () => {
      expect((await approve(await upload('minzheng', [row('race-0', '县民政局')]))).status).toBe(200);
      const result = PublishResult.parse(await (await approve(await stageCorrection('minzheng', 'race-0', 61000))).json());
      expect(await record('race-0')).toMatchObject({ version: result.version, deleted: 0 });
      expect(JSON.parse((await record('race-0')).data)).toMatchObject({ amountFen: 61000 });
    });

    it('refuses a correction of a record withdrawn meanwhile, which stays withdrawn', async () => {
      expect((await approve(await upload('minzheng', [row('race-1', '县民政局')]))).status).toBe(200);
      const correction = await stageCorrection('minzheng', 'race-1', 65000);
      expect((await withdraw('minzheng', 'race-1')).status).toBe(200);
      await expectRefusedApproval(correction, STALE);
      expect(await record('race-1')).toMatchObject({ deleted: 1 });
    });

    it('refuses a correction computed from a version another correction replaced meanwhile', async () => {
      expect((await approve(await upload('minzheng', [row('race-2', '县民政局')]))).status).toBe(200);
      const stale = await stageCorrection('minzheng', 'race-2', 65000);
      expect((await approve(await stageCorrection('minzheng', 'race-2', 70000))).status).toBe(200);
      await expectRefusedApproval(stale, STALE);
      expect(JSON.parse((await record('race-2')).data)).toMatchObject({ amountFen: 70000 });
    });

    it('refuses a withdrawal of a record corrected meanwhile, which stays live', async () => {
      expect((await approve(await upload('minzheng', [row('race-3', '县民政局')]))).status).toBe(200);
      const withdrawal = await stageWithdrawal('minzheng', 'race-3');
      expect((await approve(await stageCorrection('minzheng', 'race-3', 70000))).status).toBe(200);
      await expectRefusedApproval(withdrawal, STALE);
      expect(await record('race-3')).toMatchObject({ deleted: 0 });
      // Left staged, the reviewer rejects it; the department withdraws the current record anew.
      expect((await reviewer.post(`/api/imports/${withdrawal}/reject`, { reason: '记录已更正，请重新提交' })).status).toBe(204);
    });
  });
});
