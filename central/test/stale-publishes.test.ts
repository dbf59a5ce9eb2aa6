import path from 'node:path';
import { ApiError, AppError, ImportReport, makeIdNumber, PublishResult, type StaffSession } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordRepository, type RecordRepository } from '../src/db/records.repository';
import { createAudited } from '../src/db/unit-of-work';
import { correctRecord, withdrawRecord, type CorrectionDeps } from '../src/domain/corrections';
import { createPublisher } from '../src/domain/publisher';
import { client, countyRows, loginAs } from './factories';
import { adminClient, startTestCentral, type TestCentral } from './harness';
import { storeSnapshot } from './store-snapshot';

const HEADER = 'id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department';
const MINZHENG: StaffSession = { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局' };

describe('a publish re-checks, in its transaction, the records it was computed from', () => {
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
  const withdraw = (as: string, id: string) =>
    fetch(`${central.url}/api/records/payments/${id}`, { method: 'DELETE', headers: { cookie: cookies[as] ?? '', 'content-type': 'application/json' }, body: JSON.stringify({ reason: '重复发放，撤回' }) });
  const record = (id: string) => central.db.selectFrom('content_records').select(['data', 'version', 'deleted']).where('table_name', '=', 'payments').where('id', '=', id).executeTakeFirstOrThrow();
  const owner = async (id: string) => (await central.db.selectFrom('record_owners').select('department').where('table_name', '=', 'payments').where('id', '=', id).executeTakeFirst())?.department;

  /** Approving `importId` is refused with 409 (its message matching `message`) and changes nothing; the import stays staged. */
  const expectRefusedApproval = async (importId: number, message: RegExp) => {
    const before = await storeSnapshot(central.db);
    const res = await approve(importId);
    expect(res.status).toBe(409);
    expect(ApiError.parse(await res.json()).error).toMatchObject({ code: 'conflict', message: expect.stringMatching(message) });
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
    expect((await reviewer.post(`/api/imports/${second}/reject`, {})).status).toBe(204);
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
    expect((await patch('nongye')).status).toBe(200);
  });

  describe('a correction or withdrawal racing another publish', () => {
    let records: RecordRepository;
    /** Runs after the domain has read the record and before its publish: another staff member's change. */
    let meanwhile: () => Promise<void>;
    let deps: CorrectionDeps;

    beforeAll(() => {
      records = createRecordRepository(central.db);
      const racing: RecordRepository = {
        ...records,
        async find(table, id) {
          const seen = await records.find(table, id);
          await meanwhile();
          return seen;
        },
      };
      const now = () => new Date();
      const publisher = createPublisher({ audited: createAudited(central.db, now), notifyPublished: () => undefined, now });
      deps = { records: racing, publisher, hashId: (idNumber) => idNumber, now };
    });

    /** `act` (the domain call, racing `change`) is refused with 409 in plain words, and nothing but `change` happened. */
    const expectRefusedRace = async (change: () => Promise<Response>, act: () => Promise<unknown>) => {
      let afterChange: Record<string, unknown[]> = {};
      meanwhile = async () => {
        expect((await change()).status).toBe(200);
        afterChange = await storeSnapshot(central.db);
      };
      const refusal = await act().then(
        () => null,
        (err: unknown) => err,
      );
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ status: 409, message: '这条记录刚被修改或撤回，请刷新后重试' });
      expect(await storeSnapshot(central.db)).toEqual(afterChange);
    };

    it('publishes a correction when nothing changed meanwhile', async () => {
      expect((await approve(await upload('minzheng', [row('race-0', '县民政局')]))).status).toBe(200);
      meanwhile = async () => undefined;
      const result = await correctRecord(deps, MINZHENG, 'payments', 'race-0', { changes: { amountFen: 61000 }, reason: '金额录错' });
      expect(await record('race-0')).toMatchObject({ version: PublishResult.parse(result).version, deleted: 0 });
    });

    it('refuses a correction of a record withdrawn meanwhile, which stays withdrawn', async () => {
      expect((await approve(await upload('minzheng', [row('race-1', '县民政局')]))).status).toBe(200);
      await expectRefusedRace(
        () => withdraw('minzheng', 'race-1'),
        () => correctRecord(deps, MINZHENG, 'payments', 'race-1', { changes: { amountFen: 65000 }, reason: '金额录错' }),
      );
      expect(await record('race-1')).toMatchObject({ deleted: 1 });
    });

    it('refuses a correction computed from a version another correction replaced meanwhile', async () => {
      expect((await approve(await upload('minzheng', [row('race-2', '县民政局')]))).status).toBe(200);
      const other = () => client(central.url, { cookie: cookies.minzheng }).patch('/api/records/payments/race-2', { changes: { amountFen: 70000 }, reason: '金额录错' });
      await expectRefusedRace(other, () => correctRecord(deps, MINZHENG, 'payments', 'race-2', { changes: { amountFen: 65000 }, reason: '金额录错' }));
      expect(JSON.parse((await record('race-2')).data)).toMatchObject({ amountFen: 70000 });
    });

    it('refuses a withdrawal of a record corrected meanwhile, which stays live', async () => {
      expect((await approve(await upload('minzheng', [row('race-3', '县民政局')]))).status).toBe(200);
      const other = () => client(central.url, { cookie: cookies.minzheng }).patch('/api/records/payments/race-3', { changes: { amountFen: 70000 }, reason: '金额录错' });
      await expectRefusedRace(other, () => withdrawRecord(deps, MINZHENG, 'payments', 'race-3', '重复发放'));
      expect(await record('race-3')).toMatchObject({ deleted: 0 });
    });
  });
});
