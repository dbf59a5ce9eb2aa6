import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CentralHealth, ImportReport, makeIdNumber, PublishResult, RecordHistoryEntry, SyncChange } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, loginAs } from './factories';
import { adminClient, startTestCentral, type TestCentral } from './harness';

const HEADER = 'id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department';

describe('a correction import (更正 in bulk)', () => {
  let central: TestCentral;
  let cookie: string;
  let reviewer: ReturnType<typeof client>;
  let kiosk: ReturnType<typeof client>;
  let village: string;
  const idNumber = makeIdNumber('452123', '1958-03-02', 7);
  const upload = (query: string, rows: string[]) =>
    fetch(`${central.url}/api/imports?type=payments&${query}`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: [HEADER, ...rows].join('\n') });
  const row = (id: string, amountFen: number) => `${id},dibao,张三,${idNumber},${village},${amountFen},2026-10,2026-10-09,县民政局`;
  const approve = async (res: Response) => reviewer.post(`/api/imports/${ImportReport.parse(await res.json()).importId}/approve`, {});

  beforeAll(async () => {
    central = await startTestCentral();
    const admin = await adminClient(central.url);
    await admin.post('/api/staff', { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局', password: 'publisher-password' });
    await admin.post('/api/staff', { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' });
    cookie = await loginAs(central.url, 'minzheng', 'publisher-password');
    reviewer = client(central.url, { cookie: await loginAs(central.url, 'shenhe', 'reviewer-password') });
    kiosk = client(central.url, { token: (await central.enrol()).token });
    village = fs.readFileSync(path.join(central.dir, 'county', 'villages.csv'), 'utf8').split('\n')[1]?.split(',')[0] ?? '';
    expect((await approve(await upload('', [row('c-1', 60000), row('c-2', 60000).replace('2026-10,', '2026-09,')]))).status).toBe(200);
  });
  afterAll(() => central.close());

  it('needs a reason', async () => {
    const res = await upload('mode=correction', [row('c-1', 65000)]);
    expect(res.status).toBe(400);
  });

  it('replaces only live records of the department, keeps the old states in history, and reaches kiosks as upserts', async () => {
    const payments = fs.readFileSync(path.join(central.dir, 'county', 'payments.csv'), 'utf8').trim().split('\n');
    const othersId = payments.slice(1).find((line) => !line.endsWith(',县民政局'))?.split(',')[0] ?? '';
    const res = await upload(`mode=correction&reason=${encodeURIComponent('金额录错，应为650元')}`, [row('c-1', 65000), row('no-such', 1), row(othersId, 1).replace('2026-10,', '2026-08,')]);
    const report = ImportReport.parse(await res.clone().json());
    expect(report).toMatchObject({ mode: 'correction', reason: '金额录错，应为650元', rows: 3, validRows: 1 });
    expect(report.problems.map((p) => [p.row, p.reason])).toEqual([
      [3, '没有这个编号的已发布记录，无法更正'],
      [4, '只能更正本部门发布的数据'],
    ]);

    const before = CentralHealth.parse(await (await fetch(`${central.url}/api/health`)).json()).dataVersion;
    expect(PublishResult.parse(await (await approve(res)).json())).toEqual({ version: before + 1, records: 1 });
    const history = RecordHistoryEntry.array().parse(await (await reviewer.get('/api/records/payments/c-1/history')).json());
    expect(history.map((h) => [h.action, h.data?.amountFen, h.reason])).toEqual([
      ['correct', 65000, '金额录错，应为650元'],
      ['import', 60000, null],
    ]);
    const body = await (await kiosk.get(`/api/sync/changes?since=${before}`)).arrayBuffer();
    const changes = zlib.gunzipSync(Buffer.from(body)).toString('utf8').trim().split('\n').map((line) => SyncChange.parse(JSON.parse(line)));
    expect(changes).toEqual([{ op: 'upsert', table: 'payments', record: expect.objectContaining({ id: 'c-1', amountFen: 65000, version: before + 1 }) }]);
  });

  it('is refused for fund and spending lines, which replace their lists anyway', async () => {
    const res = await fetch(`${central.url}/api/imports?type=projectFunds&mode=correction&reason=x`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: 'projectId,source,amountFen\np-1,县级财政,1' });
    expect(res.status).toBe(400);
  });
});
