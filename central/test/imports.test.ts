import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { healthApi, importsApi, makeIdNumber, SyncChange, syncApi, type ApiClient } from '@sunshine/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, loginAs, refusal } from './factories';
import { adminApiClient, createStaffAccount, readAuditLog, startTestCentral, type TestCentral } from './harness';
import { approveImport, importReport, uploadFile, XLSX_TYPE } from './import-support';

const HEADER = 'id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department';

describe('import, review, correct and withdraw', () => {
  let central: TestCentral;
  let publisher: ApiClient;
  let reviewer: ApiClient;
  let otherPublisher: ApiClient;
  let kiosk: ApiClient;
  let village: string;
  const goodId = makeIdNumber('452123', '1960-05-01', 11);
  const badCheck = goodId.slice(0, 17) + (goodId.endsWith('1') ? '2' : '1');
  const dataVersion = async () => (await apiClient(central.url).call(healthApi.health)).dataVersion;
  const changesSince = async (since: number): Promise<SyncChange[]> => {
    const res = await kiosk.call(syncApi.changes, { query: { since } });
    const text = zlib.gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    return text.trim().split('\n').map((line) => SyncChange.parse(JSON.parse(line)));
  };

  beforeAll(async () => {
    central = await startTestCentral();
    const accounts = [
      { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局', password: 'publisher-password' },
      { username: 'nongye', displayName: '农业发布员', role: 'publisher', department: '县农业农村局', password: 'publisher-password' },
      { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' },
    ] as const;
    for (const a of accounts) await createStaffAccount(central, a);
    publisher = apiClient(central.url, { cookie: await loginAs(central.url, 'minzheng', 'publisher-password') });
    otherPublisher = apiClient(central.url, { cookie: await loginAs(central.url, 'nongye', 'publisher-password') });
    reviewer = apiClient(central.url, { cookie: await loginAs(central.url, 'shenhe', 'reviewer-password') });
    kiosk = apiClient(central.url, { token: (await central.enrol()).token });
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
    const report = await uploadFile(publisher, { type: 'payments' }, lines.join('\n'));
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

  it("refuses another department's rows and a missing, empty or unreadable file, each by its code", async () => {
    const other = await uploadFile(publisher, { type: 'payments' }, `${HEADER}\nx-1,dibao,张三,${goodId},${village},1,2026-10,2026-10-09,县农业农村局`);
    expect(other.problems[0]).toMatchObject({ column: 'department', reason: '只能导入本部门（县民政局）的数据' });
    expect(await refusal(uploadFile(publisher, { type: 'payments', department: '县农业农村局' }, HEADER))).toMatchObject({ status: 403, code: 'not_own_department' });
    expect(await refusal(uploadFile(publisher, { type: 'payments' }, ''))).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await refusal(uploadFile(publisher, { type: 'payments' }, HEADER))).toMatchObject({ status: 400, code: 'empty_upload', message: expect.stringMatching(/没有数据行/) });
    expect(await refusal(uploadFile(publisher, { type: 'payments' }, Buffer.from('504b0304deadbeef', 'hex'), XLSX_TYPE))).toMatchObject({ status: 400, code: 'unreadable_file' });
    // A type no client of the contract can name, sent as a stale form would.
    const unknownType = await fetch(`${central.url}${importsApi.upload.path}?type=people`, { method: 'POST', headers: { cookie: await loginAs(central.url, 'minzheng', 'publisher-password'), 'content-type': 'text/csv' }, body: HEADER });
    expect(unknownType.status).toBe(400);
    expect(await refusal(uploadFile(apiClient(central.url), { type: 'payments' }, HEADER))).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('publishes a staged import only when a reviewer approves it, as the next version that kiosks receive', async () => {
    const { importId } = await uploadFile(publisher, { type: 'payments' }, `${HEADER}\nok-1,dibao,张三,${goodId},${village},60000,2026-10,2026-10-09,县民政局`);
    const before = await dataVersion();
    expect(await refusal(approveImport(publisher, importId))).toMatchObject({ status: 403, code: 'missing_permission' });
    expect(await approveImport(reviewer, importId)).toEqual({ version: before + 1, records: 1 });
    expect(await refusal(approveImport(reviewer, importId))).toMatchObject({ status: 409, code: 'import_already_reviewed' });
    const changes = await changesSince(before);
    expect(changes).toHaveLength(1);
    const change = changes[0];
    expect(change?.op === 'upsert' && change.record).toMatchObject({ id: 'ok-1', amountFen: 60000, sourceImportId: `import-${importId}`, maskedId: expect.stringContaining('****') });
    expect(JSON.stringify(changes)).not.toContain(goodId);
    expect(await central.db.selectFrom('import_rows').selectAll().where('import_id', '=', importId).execute()).toEqual([]);
  });

  it('lets a reviewer reject a staged import with a reason the department reads, which then cannot be approved', async () => {
    const { importId } = await uploadFile(publisher, { type: 'payments' }, `${HEADER}\nrej-1,dibao,张三,${goodId},${village},60000,2026-09,2026-10-09,县民政局`);
    const reject = (reason: string) => reviewer.call(importsApi.reject, { params: { id: importId }, body: { reason } });
    expect(await refusal(reject('  '))).toMatchObject({ status: 400, code: 'bad_request' });
    await reject('发放日期与银行回单不符');
    expect(await refusal(approveImport(reviewer, importId))).toMatchObject({ status: 409, code: 'import_already_reviewed' });
    expect(await refusal(reject('再驳回一次'))).toMatchObject({ status: 409, code: 'import_already_reviewed' });
    expect(await importReport(publisher, importId)).toMatchObject({ status: 'rejected', reviewedBy: 'shenhe', reviewReason: '发放日期与银行回单不符' });
  });

  it("stages a department's correction of its own record, published only when a reviewer approves it, with the old values in history", async () => {
    const before = await dataVersion();
    const correct = (staff: ApiClient, id: string, changes: Record<string, string | number>, reason = '录错了', table = 'payments') =>
      staff.call(importsApi.correctRecord, { params: { table, id }, body: { changes, reason } });
    expect(await refusal(correct(otherPublisher, 'ok-1', { amountFen: 1 }, '试图改别人的'))).toMatchObject({ status: 403, code: 'not_own_department' });
    expect(await refusal(correct(publisher, 'ok-1', { amountFen: -100 }))).toMatchObject({ status: 400, code: 'invalid_field_value', message: 'amountFen: 金额不能为负数' });
    expect(await refusal(correct(publisher, 'ok-1', { colour: 'red' }))).toMatchObject({ status: 400, code: 'unknown_field' });
    expect(await refusal(correct(publisher, 'ok-1', { idHash: 'x' }))).toMatchObject({ status: 400, code: 'field_not_correctable' });
    expect(await refusal(correct(publisher, 'ok-1', { amountFen: 1 }, '录错了', 'people'))).toMatchObject({ status: 404, code: 'unknown_table' });

    const report = await correct(publisher, 'ok-1', { amountFen: 65000 }, '金额录错，应为650元');
    expect(report).toMatchObject({ status: 'staged', mode: 'correction', contentType: 'payments', department: '县民政局', createdBy: 'minzheng', reason: '金额录错，应为650元', rows: 1, validRows: 1 });
    expect(report.record).toEqual({ table: 'payments', id: 'ok-1', changes: { amountFen: 65000 } });
    expect(await dataVersion()).toBe(before);

    expect(await approveImport(reviewer, report.importId)).toEqual({ version: before + 1, records: 1 });
    const history = await publisher.call(importsApi.recordHistory, { params: { table: 'payments', id: 'ok-1' } });
    expect(history.map((h) => [h.action, h.data?.amountFen, h.changedBy, h.importId])).toEqual([
      ['correct', 65000, 'shenhe', report.importId],
      ['import', 60000, 'shenhe', expect.any(Number)],
    ]);
    expect(await refusal(correct(publisher, 'no-such', { amountFen: 1 }))).toMatchObject({ status: 404, code: 'unknown_record' });
  });

  it('stages a withdrawal of a department\'s own record: approved, a tombstone that syncs as a delete', async () => {
    const before = await dataVersion();
    const withdraw = (reason: string) => publisher.call(importsApi.withdrawRecord, { params: { table: 'payments', id: 'ok-1' }, body: { reason } });
    const report = await withdraw('重复发放，撤回');
    expect(report).toMatchObject({ mode: 'withdrawal', reason: '重复发放，撤回', record: { table: 'payments', id: 'ok-1', changes: null } });
    expect(await dataVersion()).toBe(before);
    await approveImport(reviewer, report.importId);
    expect(await changesSince(before)).toEqual([{ op: 'delete', table: 'payments', id: 'ok-1' }]);
    expect(await refusal(withdraw('再撤'))).toMatchObject({ status: 404, code: 'unknown_record' });
  });

  it('reads an XLSX upload like a CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('notices');
    sheet.addRow(['id', 'title', 'body', 'category', 'scopeCode', 'publishDate', 'expiryDate']);
    sheet.addRow(['nx-1', '低保名单公示', '公示7天', 'village', village, '2026-10-01', '']);
    sheet.addRow(['nx-2', '坏的公示', '正文', 'village', village, '1999-01-01', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await uploadFile(publisher, { type: 'notices' }, bytes, XLSX_TYPE);
    expect(report).toMatchObject({ rows: 2, validRows: 1 });
    expect(report.problems).toEqual([{ row: 3, column: 'publishDate', value: '1999-01-01', reason: expect.stringMatching(/日期超出范围/) }]);
  });

  it('lists imports newest first, each as its own report reads but with its first 20 problems; a publisher sees only their own', async () => {
    const negative = Array.from({ length: 25 }, (_, i) => `neg-${i},dibao,张三,${goodId},${village},-${i + 1},2026-10,2026-10-09,县民政局`);
    const { importId } = await uploadFile(publisher, { type: 'payments' }, [HEADER, ...negative].join('\n'));
    const listed = await reviewer.call(importsApi.list, { query: {} });
    expect(listed[0]?.importId).toBe(importId);
    expect(listed.map((r) => r.importId)).toEqual(listed.map((r) => r.importId).sort((a, b) => b - a));
    const reports = await Promise.all(listed.map((r) => importReport(reviewer, r.importId)));
    expect(listed).toEqual(reports.map((r) => ({ ...r, problems: r.problems.slice(0, 20) })));
    expect([listed[0]?.problems.length, reports[0]?.problems.length]).toEqual([20, 25]);
    expect(await reviewer.call(importsApi.list, { query: { limit: 2, offset: 1 } })).toEqual(listed.slice(1, 3));
    expect(await otherPublisher.call(importsApi.list, { query: {} })).toEqual([]);
    expect(await refusal(importReport(otherPublisher, importId))).toMatchObject({ status: 404, code: 'unknown_import' });
  });

  it("answers an import's problems as a CSV the department fixes its file from", async () => {
    const { importId } = await uploadFile(publisher, { type: 'payments' }, `${HEADER}\ncsv-1,dibao,张三,${goodId},${village},60000,2026-10,2035-01-01,县民政局`);
    const res = await publisher.call(importsApi.reportCsv, { params: { id: importId }, query: { format: 'csv' } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="import-${importId}-problems.csv"`);
    const [header, ...rows] = parse(await res.text(), { bom: true });
    expect(header).toEqual(['row', 'column', 'value', 'reason']);
    expect(rows).toEqual([['2', 'paidDate', '2035-01-01', expect.stringMatching(/日期超出范围/)]]);
  });

  it('keeps every import step in the audit log', async () => {
    const actions = (await readAuditLog(central, 200)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['import.upload', 'import.approve', 'record.correct', 'record.withdraw']));
  });
});

describe('project imports', () => {
  let central: TestCentral;
  let publisher: ApiClient;
  let admin: ApiClient;
  let village: string;
  const upload = (type: 'projects' | 'projectFunds' | 'projectSpending', text: string) => uploadFile(publisher, { type }, text);
  const history = () => admin.call(importsApi.recordHistory, { params: { table: 'projects', id: 'prj-new' } });

  beforeAll(async () => {
    central = await startTestCentral();
    await createStaffAccount(central, { username: 'shuili', displayName: '水利发布员', role: 'publisher', department: '县水利局', password: 'publisher-password' });
    admin = await adminApiClient(central.url);
    publisher = apiClient(central.url, { cookie: await loginAs(central.url, 'shuili', 'publisher-password') });
    village = fs.readFileSync(path.join(central.dir, 'county', 'villages.csv'), 'utf8').split('\n')[1]?.split(',')[0] ?? '';
  });
  afterAll(() => central.close());

  it('publishes a project, then its fund sources and spending lines into the same record', async () => {
    const projects = `id,name,kind,scopeCode,budgetFen,contractor,status,progress,outcome,startDate,endDate,department\nprj-new,村道硬化,livelihood,${village},500000,某公司,in_progress,40,施工中,2026-08-01,,县水利局`;
    await approveImport(admin, (await upload('projects', projects)).importId);
    const funds = await upload('projectFunds', 'projectId,source,amountFen\nprj-new,县级财政,300000\nprj-new,村集体,200000\nprj-none,县级财政,1');
    expect(funds.problems).toEqual([{ row: 4, column: 'projectId', value: 'prj-none', reason: '项目编号不存在，或不是本部门发布的项目' }]);
    expect(await approveImport(admin, funds.importId)).toMatchObject({ records: 1 });
    const spending = await upload('projectSpending', 'projectId,item,amountFen,date\nprj-new,水泥,120000,2026-09-01');
    expect(await approveImport(admin, spending.importId)).toMatchObject({ records: 1 });
    expect((await history())[0]?.data).toMatchObject({
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
    const { importId } = await uploadFile(publisher, { type: 'projects', mode: 'correction', reason: '进度更新' }, corrected);
    await approveImport(admin, importId);
    const [latest] = await history();
    expect(latest).toMatchObject({ action: 'correct', reason: '进度更新', data: { progress: 80, fundSources: [{ source: '县级财政', amountFen: 300000 }, { source: '村集体', amountFen: 200000 }], spending: [{ item: '水泥' }] } });
  });
});
