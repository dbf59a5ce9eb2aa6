import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiClient, CountyFile, type ImportContentType, importsApi, staffApi } from '@sunshine/contracts';
import { generateCounty } from '@sunshine/synthetic-county';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentRepository } from '../src/sync/content.repository';
import { openDatabase } from '../src/platform/database';
import { loadCounty } from '../src/imports/county-loader';
import { apiClient, countyRows, loginAs, refusal } from './factories';
import { adminCookie, startTestCentral, type TestCentral } from './harness';
import { approveImport, uploadFile, type UploadQuery } from './import-support';

const LINES = 'id,villageCode,period,date,direction,category,summary,amountFen,voucherNo';
const PERIODS = 'id,villageCode,period,openingFen,closingFen';
// Outside the generated county's twelve months, so only this test's lines count.
const PERIOD = '2024-06';

describe('a village finance period whose books do not add up', () => {
  let central: TestCentral;
  let adminSession: string;
  let admin: ApiClient;
  let reviewer: ApiClient;
  let villages: Record<string, string>[];
  let department: string;

  const upload = (type: ImportContentType, lines: string[], query: Omit<UploadQuery, 'type' | 'department'> = {}) => uploadFile(admin, { type, department, ...query }, lines.join('\n'));
  const approve = (importId: number) => approveImport(reviewer, importId);
  const stagedIds = async (importId: number) => (await central.db.selectFrom('import_rows').select('record_id').where('import_id', '=', importId).execute()).map((r) => r.record_id);
  const village = (i: number) => villages[i] ?? {};

  beforeAll(async () => {
    central = await startTestCentral();
    adminSession = await adminCookie(central.url);
    admin = apiClient(central.url, { cookie: adminSession });
    await admin.call(staffApi.createAccount, { body: { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' } });
    reviewer = apiClient(central.url, { cookie: await loginAs(central.url, 'shenhe', 'reviewer-password') });
    villages = countyRows(path.join(central.dir, 'county'), 'villages');
    department = `${countyRows(path.join(central.dir, 'county'), 'towns')[0]?.name ?? ''}人民政府`;
    // Each of the first two villages takes in ¥500.00 and pays out ¥300.00 in June 2024.
    const lines = [0, 1].flatMap((i) => [
      `bal-${i}-1,${village(i).code},${PERIOD},${PERIOD}-03,income,上级补助,收到镇财政拨付村级运转经费,50000,记-${PERIOD}-001`,
      `bal-${i}-2,${village(i).code},${PERIOD},${PERIOD}-12,expense,办公费,购买办公用品,30000,记-${PERIOD}-002`,
    ]);
    const report = await upload('financeLines', [LINES, ...lines]);
    expect(report.problems).toEqual([]);
    await approve(report.importId);
  });
  afterAll(() => central.close());

  it('is a problem of its row naming the village, the period and the sums in yuan, and is not staged', async () => {
    const report = await upload('financePeriods', [
      PERIODS,
      `fp-bal-0,${village(0).code},${PERIOD},100000,120000`,
      `fp-bal-1,${village(1).code},${PERIOD},100000,125000`,
    ]);
    expect(report).toMatchObject({ status: 'staged', rows: 2, validRows: 1 });
    expect(report.problems).toEqual([
      {
        row: 3,
        column: 'closingFen',
        value: '125000',
        reason: `${village(1).name}（${village(1).code}） ${PERIOD}：期初余额 ¥1,000.00 + 收入 ¥500.00 − 支出 ¥300.00 = ¥1,200.00，与期末余额 ¥1,250.00 不符（收入、支出为这一期已发布的收支明细合计）`,
      },
    ]);
    expect(await stagedIds(report.importId)).toEqual(['fp-bal-0']);
    expect((await approve(report.importId)).records).toBe(1);
    const live = await central.db.selectFrom('content_records').select('id').where('table_name', '=', 'financePeriods').where('id', 'in', ['fp-bal-0', 'fp-bal-1']).execute();
    expect(live.map((r) => r.id)).toEqual(['fp-bal-0']);
  });

  it('leaves nothing to publish when it is the only row', async () => {
    const report = await upload('financePeriods', [PERIODS, `fp-bal-1,${village(1).code},${PERIOD},100000,99999`]);
    expect(report).toMatchObject({ validRows: 0, problems: [expect.objectContaining({ row: 2, column: 'closingFen' })] });
    expect(await stagedIds(report.importId)).toEqual([]);
    expect(await refusal(approve(report.importId))).toMatchObject({ status: 409, code: 'nothing_to_publish' });
  });

  it('must keep its balance when it has no published lines, and says to import the lines first', async () => {
    const report = await upload('financePeriods', [PERIODS, `fp-bal-2,${village(2).code},${PERIOD},100000,100000`, `fp-bal-3,${village(3).code},${PERIOD},100000,100100`]);
    expect(report.validRows).toBe(1);
    expect(report.problems.map((p) => [p.row, p.reason])).toEqual([
      [3, `${village(3).name}（${village(3).code}） ${PERIOD}：期初余额 ¥1,000.00 + 收入 ¥0.00 − 支出 ¥0.00 = ¥1,000.00，与期末余额 ¥1,001.00 不符（这一期还没有已发布的收支明细：请先导入收支明细，再导入期初、期末余额）`],
    ]);
  });

  it('is refused in a correction of a published period too', async () => {
    // fp-bal-0 was published balanced by the first test: 1,000.00 + 500.00 − 300.00 = 1,200.00.
    const correction = { mode: 'correction', reason: '期末余额录错' } as const;
    const report = await upload('financePeriods', [PERIODS, `fp-bal-0,${village(0).code},${PERIOD},100000,120100`], correction);
    expect(report).toMatchObject({ validRows: 0, problems: [expect.objectContaining({ row: 2, column: 'closingFen', reason: expect.stringContaining('= ¥1,200.00，与期末余额 ¥1,201.00 不符') })] });
  });

  it('is refused as a single-record correction, while a correction that keeps the books balanced is staged', async () => {
    const correct = (changes: Record<string, number>, reason: string) => admin.call(importsApi.correctRecord, { params: { table: 'financePeriods', id: 'fp-bal-0' }, body: { changes, reason } });
    expect(await refusal(correct({ closingFen: 120100 }, '期末余额录错'))).toMatchObject({
      status: 400,
      code: 'finance_unbalanced',
      message: `${village(0).name}（${village(0).code}） ${PERIOD}：期初余额 ¥1,000.00 + 收入 ¥500.00 − 支出 ¥300.00 = ¥1,200.00，与期末余额 ¥1,201.00 不符（收入、支出为这一期已发布的收支明细合计）`,
    });
    expect(await correct({ openingFen: 100100, closingFen: 120100 }, '期初余额录错')).toMatchObject({ status: 'staged', mode: 'correction' });
  });
});

describe('the county loader', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-county-balance-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a county whose finance period does not add up with its lines, and publishes nothing', async () => {
    const countyDir = path.join(dir, 'county');
    await generateCounty({ scale: 'tiny', seed: 1, outDir: countyDir });
    const file = path.join(countyDir, CountyFile.financePeriods);
    const [header = '', first = '', ...rest] = fs.readFileSync(file, 'utf8').trim().split('\n');
    const cells = first.split(',');
    cells[4] = String(Number(cells[4]) + 100);
    fs.writeFileSync(file, [header, cells.join(','), ...rest].join('\n') + '\n');
    const db = await openDatabase(path.join(dir, 'central'));
    try {
      const content = createContentRepository(db);
      const load = loadCounty(countyDir, { content, hashId: (id) => `hash-${id}`, now: () => new Date() });
      await expect(load).rejects.toThrow(/finance-periods\.csv: 1 bad rows\n {2}row 2 closingFen=.*与期末余额 .* 不符/);
      expect(await content.latestVersion()).toBeNull();
    } finally {
      await db.destroy();
    }
  });
});
