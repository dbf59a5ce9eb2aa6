import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { type ApiClient, healthApi, importsApi, makeIdNumber, syncApi, SyncChange } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, loginAs, refusal } from './factories';
import { createStaffAccount, startTestCentral, type TestCentral } from './harness';
import { approveImport, uploadFile, type UploadQuery } from './import-support';

const HEADER = 'id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department';

describe('a correction import (更正 in bulk)', () => {
  let central: TestCentral;
  let publisher: ApiClient;
  let reviewer: ApiClient;
  let kiosk: ApiClient;
  let village: string;
  const idNumber = makeIdNumber('452123', '1958-03-02', 7);
  const upload = (query: Omit<UploadQuery, 'type'>, rows: string[]) => uploadFile(publisher, { type: 'payments', ...query }, [HEADER, ...rows].join('\n'));
  const row = (id: string, amountFen: number) => `${id},dibao,张三,${idNumber},${village},${amountFen},2026-10,2026-10-09,县民政局`;

  beforeAll(async () => {
    central = await startTestCentral();
    await createStaffAccount(central, { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局', password: 'publisher-password' });
    await createStaffAccount(central, { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' });
    publisher = apiClient(central.url, { cookie: await loginAs(central.url, 'minzheng', 'publisher-password') });
    reviewer = apiClient(central.url, { cookie: await loginAs(central.url, 'shenhe', 'reviewer-password') });
    kiosk = apiClient(central.url, { token: (await central.enrol()).token });
    village = fs.readFileSync(path.join(central.dir, 'county', 'villages.csv'), 'utf8').split('\n')[1]?.split(',')[0] ?? '';
    await approveImport(reviewer, (await upload({}, [row('c-1', 60000), row('c-2', 60000).replace('2026-10,', '2026-09,')])).importId);
  });
  afterAll(() => central.close());

  it('needs a reason', async () => {
    expect(await refusal(upload({ mode: 'correction' }, [row('c-1', 65000)]))).toMatchObject({ status: 400, code: 'reason_required' });
  });

  it('replaces only live records of the department, keeps the old states in history, and reaches kiosks as upserts', async () => {
    const payments = fs.readFileSync(path.join(central.dir, 'county', 'payments.csv'), 'utf8').trim().split('\n');
    const othersId = payments.slice(1).find((line) => !line.endsWith(',县民政局'))?.split(',')[0] ?? '';
    const report = await upload({ mode: 'correction', reason: '金额录错，应为650元' }, [row('c-1', 65000), row('no-such', 1), row(othersId, 1).replace('2026-10,', '2026-08,')]);
    expect(report).toMatchObject({ mode: 'correction', reason: '金额录错，应为650元', rows: 3, validRows: 1 });
    expect(report.problems.map((p) => [p.row, p.reason])).toEqual([
      [3, '没有这个编号的已发布记录，无法更正'],
      [4, '只能更正本部门发布的数据'],
    ]);

    const before = (await kiosk.call(healthApi.health)).dataVersion;
    expect(await approveImport(reviewer, report.importId)).toEqual({ version: before + 1, records: 1 });
    const history = await reviewer.call(importsApi.recordHistory, { params: { table: 'payments', id: 'c-1' } });
    expect(history.map((h) => [h.action, h.data?.amountFen, h.reason])).toEqual([
      ['correct', 65000, '金额录错，应为650元'],
      ['import', 60000, null],
    ]);
    const body = await (await kiosk.call(syncApi.changes, { query: { since: before } })).arrayBuffer();
    const changes = zlib.gunzipSync(Buffer.from(body)).toString('utf8').trim().split('\n').map((line) => SyncChange.parse(JSON.parse(line)));
    expect(changes).toEqual([{ op: 'upsert', table: 'payments', record: expect.objectContaining({ id: 'c-1', amountFen: 65000, version: before + 1 }) }]);
  });

  it('is refused for fund and spending lines, which replace their lists anyway', async () => {
    const funds = uploadFile(publisher, { type: 'projectFunds', mode: 'correction', reason: 'x' }, 'projectId,source,amountFen\np-1,县级财政,1');
    expect(await refusal(funds)).toMatchObject({ status: 400, code: 'correction_not_supported' });
  });
});
