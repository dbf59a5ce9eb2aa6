import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ApiError, AuditLogEntry, CentralHealth, ImportReport, makeIdNumber, Page, PublishResult, RecordHistoryEntry, SyncChange } from '@sunshine/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, loginAs } from './factories';
import { adminClient, startTestCentral, type TestCentral } from './harness';

const errorCode = async (res: Response) => ApiError.parse(await res.json()).error.code;
const HEADER = 'id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department';

function uploadCsv(url: string, cookie: string, query: string, text: string) {
  return fetch(`${url}/api/imports?${query}`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: text });
}

describe('import, review, correct and withdraw', () => {
  let central: TestCentral;
  let admin: ReturnType<typeof client>;
  let publisherCookie: string;
  let publisher: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let otherPublisher: ReturnType<typeof client>;
  let kiosk: ReturnType<typeof client>;
  let village: string;
  const goodId = makeIdNumber('452123', '1960-05-01', 11);
  const badCheck = goodId.slice(0, 17) + (goodId.endsWith('1') ? '2' : '1');
  const dataVersion = async () => CentralHealth.parse(await (await fetch(`${central.url}/api/health`)).json()).dataVersion;
  const changesSince = async (since: number): Promise<SyncChange[]> => {
    const res = await kiosk.get(`/api/sync/changes?since=${since}`);
    const text = zlib.gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    return text.trim().split('\n').map((line) => SyncChange.parse(JSON.parse(line)));
  };

  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminClient(central.url);
    const accounts = [
      { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局', password: 'publisher-password' },
      { username: 'nongye', displayName: '农业发布员', role: 'publisher', department: '县农业农村局', password: 'publisher-password' },
      { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' },
    ];
    for (const a of accounts) expect((await admin.post('/api/staff', a)).status).toBe(201);
    publisherCookie = await loginAs(central.url, 'minzheng', 'publisher-password');
    publisher = client(central.url, { cookie: publisherCookie });
    otherPublisher = client(central.url, { cookie: await loginAs(central.url, 'nongye', 'publisher-password') });
    reviewer = client(central.url, { cookie: await loginAs(central.url, 'shenhe', 'reviewer-password') });
    kiosk = client(central.url, { token: (await central.enrol()).token });
    village = fs.readFileSync(path.join(central.dir, 'county', 'villages.csv'), 'utf8').split('\n')[1]?.split(',')[0] ?? '';
  });
  afterAll(() => central.close());

  it('reports exactly the bad rows, in plain Chinese, and stages only the good ones', async () => {
    const lines = [
      HEADER,
      `new-1,dibao,张三,${goodId},${village},60000,2026-10,2026-10-09,县民政局`,
      `new-2,dibao,李四,${badCheck},${village},60000,2026-10,2026-10-09,县民政局`,
      `new-3,dibao,王五,${goodId},999999999999,60000,2026-09,2026-10-09,县民政局`,
      `new-4,dibao,赵六,${goodId},${village},-5,2026-08,2026-10-09,县民政局`,
      `new-5,dibao,钱七,${goodId},${village},12.5,2026-07,2026-10-09,县民政局`,
      `new-6,dibao,孙八,${goodId},${village},60000,2026-06,2035-01-01,县民政局`,
      `new-1,dibao,周九,${goodId},${village},60000,2026-05,2026-10-09,县民政局`,
      `p-0000001,dibao,吴十,${goodId},${village},60000,2026-04,2026-10-09,县民政局`,
      `new-9,dibao,,${goodId},${village},60000,2026-03,2026-10-09,县民政局`,
      `new-10,dibao,郑一,${goodId},${village},60000,2026-10,2026-10-09,县民政局`,
    ];
    const versionBefore = await dataVersion();
    const res = await uploadCsv(central.url, publisherCookie, 'type=payments', lines.join('\n'));
    expect(res.status).toBe(201);
    const report = ImportReport.parse(await res.json());
    expect(report).toMatchObject({ status: 'staged', rows: 10, validRows: 1, department: '县民政局' });
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'idNumber'],
      [4, 'villageCode'],
      [5, 'amountFen'],
      [6, 'amountFen'],
      [7, 'paidDate'],
      [8, 'id'],
      [9, 'id'],
      [10, 'recipientName'],
      [11, 'id'],
    ]);
    expect(report.problems[0]?.reason).toMatch(/校验/);
    expect(report.problems[1]?.reason).toBe('村（社区）代码不存在，请核对');
    expect(report.problems[2]).toMatchObject({ value: '-5', reason: '金额不能为负数' });
    expect(report.problems[3]?.reason).toMatch(/整数/);
    expect(report.problems[4]?.reason).toMatch(/日期超出范围/);
    expect(report.problems[5]?.reason).toBe('编号与本文件第2行重复');
    expect(report.problems[6]?.reason).toMatch(/已发布/);
    expect(report.problems[7]?.reason).toBe('必填项为空');
    expect(report.problems[8]?.reason).toMatch(/同一人、同一资金项目、同一期间/);
    expect(await dataVersion()).toBe(versionBefore);
  });

  it('refuses another department\'s rows and a missing or unreadable file', async () => {
    const other = await uploadCsv(central.url, publisherCookie, 'type=payments', `${HEADER}\nx-1,dibao,张三,${goodId},${village},1,2026-10,2026-10-09,县农业农村局`);
    expect(ImportReport.parse(await other.json()).problems[0]).toMatchObject({ column: 'department', reason: '只能导入本部门（县民政局）的数据' });
    expect((await uploadCsv(central.url, publisherCookie, 'type=payments', '')).status).toBe(415);
    expect((await uploadCsv(central.url, publisherCookie, 'type=people', HEADER)).status).toBe(400);
    expect((await uploadCsv(central.url, publisherCookie, 'type=payments', HEADER)).status).toBe(400);
    const viewerUpload = await fetch(`${central.url}/api/imports?type=payments`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: HEADER });
    expect(viewerUpload.status).toBe(401);
  });

  it('publishes a staged import only when a reviewer approves it, as the next version that kiosks receive', async () => {
    const res = await uploadCsv(central.url, publisherCookie, 'type=payments', `${HEADER}\nok-1,dibao,张三,${goodId},${village},60000,2026-10,2026-10-09,县民政局`);
    const { importId } = ImportReport.parse(await res.json());
    const before = await dataVersion();
    const selfApprove = await publisher.post(`/api/imports/${importId}/approve`, {});
    expect([selfApprove.status, await errorCode(selfApprove)]).toEqual([403, 'forbidden']);
    const approved = await reviewer.post(`/api/imports/${importId}/approve`, {});
    expect(approved.status).toBe(200);
    expect(PublishResult.parse(await approved.json())).toEqual({ version: before + 1, records: 1 });
    expect((await reviewer.post(`/api/imports/${importId}/approve`, {})).status).toBe(409);
    const changes = await changesSince(before);
    expect(changes).toHaveLength(1);
    const change = changes[0];
    expect(change?.op === 'upsert' && change.record).toMatchObject({ id: 'ok-1', amountFen: 60000, sourceImportId: `import-${importId}`, maskedId: expect.stringContaining('****') });
    expect(JSON.stringify(changes)).not.toContain(goodId);
    expect(await central.db.selectFrom('import_rows').selectAll().where('import_id', '=', importId).execute()).toEqual([]);
  });

  it('lets a reviewer reject a staged import with a reason the department reads, which then cannot be approved', async () => {
    const res = await uploadCsv(central.url, publisherCookie, 'type=payments', `${HEADER}\nrej-1,dibao,张三,${goodId},${village},60000,2026-09,2026-10-09,县民政局`);
    const { importId } = ImportReport.parse(await res.json());
    const noReason = await reviewer.post(`/api/imports/${importId}/reject`, {});
    expect([noReason.status, await errorCode(noReason)]).toEqual([400, 'bad_request']);
    expect((await reviewer.post(`/api/imports/${importId}/reject`, { reason: '发放日期与银行回单不符' })).status).toBe(204);
    expect((await reviewer.post(`/api/imports/${importId}/approve`, {})).status).toBe(409);
    expect(ImportReport.parse(await (await publisher.get(`/api/imports/${importId}`)).json())).toMatchObject({ status: 'rejected', reviewedBy: 'shenhe', reviewReason: '发放日期与银行回单不符' });
  });

  it("stages a department's correction of its own record, published only when a reviewer approves it, with the old values in history", async () => {
    const before = await dataVersion();
    const wrong = await otherPublisher.patch('/api/records/payments/ok-1', { changes: { amountFen: 1 }, reason: '试图改别人的' });
    expect([wrong.status, await errorCode(wrong)]).toEqual([403, 'forbidden']);
    const negative = await publisher.patch('/api/records/payments/ok-1', { changes: { amountFen: -100 }, reason: '录错了' });
    expect(negative.status).toBe(400);
    const unknownField = await publisher.patch('/api/records/payments/ok-1', { changes: { colour: 'red' }, reason: '录错了' });
    expect(unknownField.status).toBe(400);

    const staged = await publisher.patch('/api/records/payments/ok-1', { changes: { amountFen: 65000 }, reason: '金额录错，应为650元' });
    expect(staged.status).toBe(202);
    const report = ImportReport.parse(await staged.json());
    expect(report).toMatchObject({ status: 'staged', mode: 'correction', contentType: 'payments', department: '县民政局', createdBy: 'minzheng', reason: '金额录错，应为650元', rows: 1, validRows: 1 });
    expect(report.record).toEqual({ table: 'payments', id: 'ok-1', changes: { amountFen: 65000 } });
    expect(await dataVersion()).toBe(before);

    const approved = await reviewer.post(`/api/imports/${report.importId}/approve`, {});
    expect(PublishResult.parse(await approved.json())).toEqual({ version: before + 1, records: 1 });
    const history = RecordHistoryEntry.array().parse(await (await publisher.get('/api/records/payments/ok-1/history')).json());
    expect(history.map((h) => [h.action, h.data?.amountFen, h.changedBy, h.importId])).toEqual([
      ['correct', 65000, 'shenhe', report.importId],
      ['import', 60000, 'shenhe', expect.any(Number)],
    ]);
    expect((await publisher.patch('/api/records/payments/no-such', { changes: { amountFen: 1 }, reason: 'x' })).status).toBe(404);
  });

  it('stages a withdrawal of a department\'s own record: approved, a tombstone that syncs as a delete', async () => {
    const before = await dataVersion();
    const res = await fetch(`${central.url}/api/records/payments/ok-1`, { method: 'DELETE', headers: { cookie: publisherCookie, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '重复发放，撤回' }) });
    expect(res.status).toBe(202);
    const report = ImportReport.parse(await res.json());
    expect(report).toMatchObject({ mode: 'withdrawal', reason: '重复发放，撤回', record: { table: 'payments', id: 'ok-1', changes: null } });
    expect(await dataVersion()).toBe(before);
    expect((await reviewer.post(`/api/imports/${report.importId}/approve`, {})).status).toBe(200);
    expect(await changesSince(before)).toEqual([{ op: 'delete', table: 'payments', id: 'ok-1' }]);
    const again = await fetch(`${central.url}/api/records/payments/ok-1`, { method: 'DELETE', headers: { cookie: publisherCookie, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '再撤' }) });
    expect(again.status).toBe(404);
  });

  it('reads an XLSX upload like a CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('notices');
    sheet.addRow(['id', 'title', 'body', 'category', 'scopeCode', 'publishDate', 'expiryDate']);
    sheet.addRow(['nx-1', '低保名单公示', '公示7天', 'village', village, '2026-10-01', '']);
    sheet.addRow(['nx-2', '坏的公示', '正文', 'village', village, '1999-01-01', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await fetch(`${central.url}/api/imports?type=notices`, {
      method: 'POST',
      headers: { cookie: publisherCookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: bytes,
    });
    const report = ImportReport.parse(await res.json());
    expect(report).toMatchObject({ rows: 2, validRows: 1 });
    expect(report.problems).toEqual([{ row: 3, column: 'publishDate', value: '1999-01-01', reason: expect.stringMatching(/日期超出范围/) }]);
  });

  it('keeps every import step in the audit log', async () => {
    const res = await admin.get('/api/audit?limit=200');
    const actions = Page(AuditLogEntry).parse(await res.json()).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['import.upload', 'import.approve', 'record.correct', 'record.withdraw']));
  });
});

describe('project imports', () => {
  let central: TestCentral;
  let cookie: string;
  let admin: ReturnType<typeof client>;
  let village: string;
  const upload = (type: string, text: string) => uploadCsv(central.url, cookie, `type=${type}`, text);
  const approve = async (text: Response) => admin.post(`/api/imports/${ImportReport.parse(await text.json()).importId}/approve`, {});

  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminClient(central.url);
    await admin.post('/api/staff', { username: 'shuili', displayName: '水利发布员', role: 'publisher', department: '县水利局', password: 'publisher-password' });
    cookie = await loginAs(central.url, 'shuili', 'publisher-password');
    village = fs.readFileSync(path.join(central.dir, 'county', 'villages.csv'), 'utf8').split('\n')[1]?.split(',')[0] ?? '';
  });
  afterAll(() => central.close());

  it('publishes a project, then its fund sources and spending lines into the same record', async () => {
    const projects = `id,name,kind,scopeCode,budgetFen,contractor,status,progress,outcome,startDate,endDate,department\nprj-new,村道硬化,livelihood,${village},500000,某公司,in_progress,40,施工中,2026-08-01,,县水利局`;
    expect((await approve(await upload('projects', projects))).status).toBe(200);
    const funds = await upload('projectFunds', 'projectId,source,amountFen\nprj-new,县级财政,300000\nprj-new,村集体,200000\nprj-none,县级财政,1');
    const fundReport = ImportReport.parse(await funds.clone().json());
    expect(fundReport.problems).toEqual([{ row: 4, column: 'projectId', value: 'prj-none', reason: '项目编号不存在，或不是本部门发布的项目' }]);
    expect((await approve(funds)).status).toBe(200);
    const spending = await upload('projectSpending', 'projectId,item,amountFen,date\nprj-new,水泥,120000,2026-09-01');
    expect((await approve(spending)).status).toBe(200);
    const history = RecordHistoryEntry.array().parse(await (await admin.get('/api/records/projects/prj-new/history')).json());
    expect(history[0]?.data).toMatchObject({
      fundSources: [
        { source: '县级财政', amountFen: 300000 },
        { source: '村集体', amountFen: 200000 },
      ],
      spending: [{ item: '水泥', amountFen: 120000, date: '2026-09-01' }],
      budgetFen: 500000,
    });
  });

  it('keeps a project\'s fund sources and spending when a correction import changes its other fields', async () => {
    const corrected = `id,name,kind,scopeCode,budgetFen,contractor,status,progress,outcome,startDate,endDate,department\nprj-new,村道硬化,livelihood,${village},500000,某公司,in_progress,80,路面已铺好,2026-08-01,,县水利局`;
    const res = await uploadCsv(central.url, cookie, `type=projects&mode=correction&reason=${encodeURIComponent('进度更新')}`, corrected);
    expect((await approve(res)).status).toBe(200);
    const [latest] = RecordHistoryEntry.array().parse(await (await admin.get('/api/records/projects/prj-new/history')).json());
    expect(latest).toMatchObject({ action: 'correct', reason: '进度更新', data: { progress: 80, fundSources: [{ source: '县级财政', amountFen: 300000 }, { source: '村集体', amountFen: 200000 }], spending: [{ item: '水泥' }] } });
  });
});
