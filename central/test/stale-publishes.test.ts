import path from 'node:path';
import { importsApi, makeIdNumber, type ApiClient, type StaffSession } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, countyRows, loginAs, refusal } from './factories';
import { createStaffAccount, startTestCentral, type TestCentral } from './harness';
import { approveImport, importReport, uploadFile, type UploadQuery } from './import-support';
import { storeSnapshot } from './store-snapshot';

const HEADER = 'id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department';
const MINZHENG: StaffSession = { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局' };

describe('an approval re-checks, in its transaction, the records it was computed from', () => {
  let central: TestCentral;
  let reviewer: ApiClient;
  const staff: Record<string, ApiClient> = {};
  const as = (username: string) => staff[username] ?? apiClient(central.url);
  let village: string;
  let person = 0;

  /** A payment row of `department`; each row a new person, so no two rows repeat one. */
  const row = (id: string, department: string, amountFen = 60000) => `${id},dibao,张三,${makeIdNumber('452123', '1960-01-01', ++person)},${village},${amountFen},2026-10,2026-10-09,${department}`;
  const upload = async (username: string, rows: string[], query: Omit<UploadQuery, 'type'> = {}) => {
    const report = await uploadFile(as(username), { type: 'payments', ...query }, [HEADER, ...rows].join('\n'));
    expect(report.validRows).toBe(rows.length);
    return report.importId;
  };
  const correction = { mode: 'correction', reason: '金额录错' } as const;
  const approve = (importId: number) => approveImport(reviewer, importId);
  const status = async (importId: number) => (await importReport(reviewer, importId)).status;
  const reject = (importId: number, reason: string) => reviewer.call(importsApi.reject, { params: { id: importId }, body: { reason } });
  /** Stages a withdrawal and answers its import. */
  const stageWithdrawal = async (username: string, id: string) =>
    (await as(username).call(importsApi.withdrawRecord, { params: { table: 'payments', id }, body: { reason: '重复发放，撤回' } })).importId;
  /** Stages a correction of the amount and answers its import. */
  const stageCorrection = async (username: string, id: string, amountFen: number) =>
    (await as(username).call(importsApi.correctRecord, { params: { table: 'payments', id }, body: { changes: { amountFen }, reason: '金额录错' } })).importId;
  /** A withdrawal staged and approved by a second person. */
  const withdraw = async (username: string, id: string) => approve(await stageWithdrawal(username, id));
  const record = (id: string) => central.db.selectFrom('content_records').select(['data', 'version', 'deleted']).where('table_name', '=', 'payments').where('id', '=', id).executeTakeFirstOrThrow();
  const owner = async (id: string) => (await central.db.selectFrom('record_owners').select('department').where('table_name', '=', 'payments').where('id', '=', id).executeTakeFirst())?.department;

  /** Approving `importId` is refused with 409 `stale_record` (its message matching `message`) and changes nothing; the import stays staged. */
  const expectRefusedApproval = async (importId: number, message: RegExp) => {
    const before = await storeSnapshot(central.db);
    expect(await refusal(approve(importId))).toMatchObject({ status: 409, code: 'stale_record', message: expect.stringMatching(message) });
    expect(await storeSnapshot(central.db)).toEqual(before);
    expect(await status(importId)).toBe('staged');
  };

  beforeAll(async () => {
    central = await startTestCentral();
    village = countyRows(path.join(central.dir, 'county'), 'villages')[0]?.code ?? '';
    const accounts = [
      { ...MINZHENG, password: 'publisher-password' },
      { username: 'nongye', displayName: '农业发布员', role: 'publisher', department: '县农业农村局', password: 'publisher-password' },
      { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' },
    ] as const;
    for (const a of accounts) {
      await createStaffAccount(central, a);
      staff[a.username] = apiClient(central.url, { cookie: await loginAs(central.url, a.username, a.password) });
    }
    reviewer = as('shenhe');
  });
  afterAll(() => central.close());

  it("refuses to approve new records whose ids another department published since the upload, naming them, and keeps that department's records", async () => {
    const ids = ['dup-1', 'dup-2', 'dup-3', 'dup-4', 'dup-5', 'dup-6', 'dup-7'];
    const first = await upload('minzheng', ids.map((id) => row(id, '县民政局')));
    const second = await upload('nongye', [row('fresh-1', '县农业农村局'), ...ids.map((id) => row(id, '县农业农村局', 1))]);
    await approve(first);
    const published = await record('dup-1');

    await expectRefusedApproval(second, /^有 7 条记录（编号 dup-1、dup-2、dup-3、dup-4、dup-5 等）在上传后已被发布，不能再作为新记录发布/);
    expect(await record('dup-1')).toEqual(published);
    expect(JSON.parse(published.data)).toMatchObject({ amountFen: 60000, department: '县民政局' });
    expect(await owner('dup-1')).toBe('县民政局');
    expect(await central.db.selectFrom('content_records').select('id').where('id', '=', 'fresh-1').execute()).toEqual([]);
    // Left staged, the department's import can still be rejected (or fixed and uploaded again).
    await reject(second, '编号已被其他部门使用');
  });

  it('refuses a correction import whose record was withdrawn since the upload: the withdrawal stands', async () => {
    await approve(await upload('minzheng', [row('wd-1', '县民政局'), row('wd-2', '县民政局')]));
    const corrected = await upload('minzheng', [row('wd-1', '县民政局', 65000), row('wd-2', '县民政局', 65000)], correction);
    await withdraw('minzheng', 'wd-2');

    await expectRefusedApproval(corrected, /^有 1 条记录（编号 wd-2）在上传后已被撤回或已不属于本部门，无法更正/);
    expect(await record('wd-2')).toMatchObject({ deleted: 1 });
    expect(JSON.parse((await record('wd-1')).data)).toMatchObject({ amountFen: 60000 });
  });

  it('refuses a correction import whose record passed to another department since the upload', async () => {
    await approve(await upload('minzheng', [row('mv-1', '县民政局')]));
    const corrected = await upload('minzheng', [row('mv-1', '县民政局', 65000)], correction);
    // Withdrawn, then published anew under the same id by another department, which now owns it.
    await withdraw('minzheng', 'mv-1');
    await approve(await upload('nongye', [row('mv-1', '县农业农村局', 30000)]));
    expect(await owner('mv-1')).toBe('县农业农村局');

    await expectRefusedApproval(corrected, /^有 1 条记录（编号 mv-1）在上传后已被撤回或已不属于本部门/);
    expect(JSON.parse((await record('mv-1')).data)).toMatchObject({ amountFen: 30000, department: '县农业农村局' });
    expect(await refusal(stageCorrection('minzheng', 'mv-1', 31000))).toMatchObject({ status: 403, code: 'not_own_department' });
    expect(await stageCorrection('nongye', 'mv-1', 31000)).toEqual(expect.any(Number));
  });

  describe('a staged correction or withdrawal whose record changed before its approval', () => {
    const STALE = /^这条记录在提交这项更改后已被修改或撤回，不能再发布/;

    it('publishes a staged correction when nothing changed meanwhile', async () => {
      await approve(await upload('minzheng', [row('race-0', '县民政局')]));
      const result = await approve(await stageCorrection('minzheng', 'race-0', 61000));
      expect(await record('race-0')).toMatchObject({ version: result.version, deleted: 0 });
      expect(JSON.parse((await record('race-0')).data)).toMatchObject({ amountFen: 61000 });
    });

    it('refuses a correction of a record withdrawn meanwhile, which stays withdrawn', async () => {
      await approve(await upload('minzheng', [row('race-1', '县民政局')]));
      const corrected = await stageCorrection('minzheng', 'race-1', 65000);
      await withdraw('minzheng', 'race-1');
      await expectRefusedApproval(corrected, STALE);
      expect(await record('race-1')).toMatchObject({ deleted: 1 });
    });

    it('refuses a correction computed from a version another correction replaced meanwhile', async () => {
      await approve(await upload('minzheng', [row('race-2', '县民政局')]));
      const stale = await stageCorrection('minzheng', 'race-2', 65000);
      await approve(await stageCorrection('minzheng', 'race-2', 70000));
      await expectRefusedApproval(stale, STALE);
      expect(JSON.parse((await record('race-2')).data)).toMatchObject({ amountFen: 70000 });
    });

    it('refuses a withdrawal of a record corrected meanwhile, which stays live', async () => {
      await approve(await upload('minzheng', [row('race-3', '县民政局')]));
      const withdrawal = await stageWithdrawal('minzheng', 'race-3');
      await approve(await stageCorrection('minzheng', 'race-3', 70000));
      await expectRefusedApproval(withdrawal, STALE);
      expect(await record('race-3')).toMatchObject({ deleted: 0 });
      // Left staged, the reviewer rejects it; the department withdraws the current record anew.
      await reject(withdrawal, '记录已更正，请重新提交');
    });
  });
});
