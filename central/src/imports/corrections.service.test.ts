import { createHash } from 'node:crypto';
import { makeIdNumber, maskIdNumber, type StaffSession } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { correctRecord, recordHistory, withdrawRecord } from './corrections.service';
import { approveImport } from './imports.service';
import { createMemoryStores } from './in-memory-stores';
import { createPublisher } from './publisher.service';

const NOW = new Date('2026-11-30T02:00:00.000Z');
const MINZHENG: StaffSession = { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局' };
const NONGYE: StaffSession = { username: 'nongye', displayName: '农业发布员', role: 'publisher', department: '县农业农村局' };
const REVIEWER: StaffSession = { username: 'shenhe', displayName: '审核员', role: 'reviewer', department: null };
const ID_NUMBER = makeIdNumber('452123', '1960-05-01', 11);

/** A payment of 县民政局 as the county load published it. */
const payment = (id: string) => ({
  id,
  updatedAt: '2026-11-02T02:00:00.000Z',
  sourceImportId: 'county-1',
  programCode: 'dibao',
  recipientName: '张三',
  maskedId: maskIdNumber(ID_NUMBER),
  idHash: 'a'.repeat(64),
  villageCode: '452123100001',
  amountFen: 60000,
  period: '2026-10',
  paidDate: '2026-10-09',
  department: '县民政局',
});

async function setup() {
  const stores = createMemoryStores();
  await stores.seed('payments', payment('p-1'));
  const publisher = createPublisher({ audited: stores.audited, notifyPublished: () => undefined, now: () => NOW });
  const deps = { imports: stores.imports, records: stores.records, publisher, audited: stores.audited, hashId: (id: string) => createHash('sha256').update(id).digest('hex'), now: () => NOW };
  return { stores, deps };
}

describe('a single-record correction or withdrawal', () => {
  it('is staged as a one-row import for review, publishing nothing, with its audit entry', async () => {
    const { stores, deps } = await setup();
    const report = await correctRecord(deps, MINZHENG, 'payments', 'p-1', { changes: { amountFen: 65000 }, reason: '金额录错' });
    expect(report).toMatchObject({ status: 'staged', mode: 'correction', department: '县民政局', createdBy: 'minzheng', rows: 1, validRows: 1, record: { table: 'payments', id: 'p-1', changes: { amountFen: 65000 } } });
    expect(stores.state.versions).toHaveLength(1);
    expect(stores.state.audit).toEqual([expect.objectContaining({ actor: 'minzheng', action: 'record.correct', target: 'payments/p-1', details: { importId: report.importId, reason: '金额录错', changes: { amountFen: 65000 } } })]);
    const withdrawal = await withdrawRecord(deps, MINZHENG, 'payments', 'p-1', '重复发放');
    expect(withdrawal).toMatchObject({ mode: 'withdrawal', reason: '重复发放', record: { table: 'payments', id: 'p-1', changes: null } });
  });

  it('names why it is refused, and stages nothing', async () => {
    const { stores, deps } = await setup();
    const correct = (staff: StaffSession, table: string, id: string, changes: Record<string, string | number>) => correctRecord(deps, staff, table, id, { changes, reason: '录错了' });
    await expect(correct(NONGYE, 'payments', 'p-1', { amountFen: 1 })).rejects.toMatchObject({ code: 'not_own_department' });
    await expect(correct(MINZHENG, 'people', 'p-1', { amountFen: 1 })).rejects.toMatchObject({ code: 'unknown_table' });
    await expect(correct(MINZHENG, 'payments', 'no-such', { amountFen: 1 })).rejects.toMatchObject({ code: 'unknown_record' });
    await expect(correct(MINZHENG, 'payments', 'p-1', { idHash: 'b'.repeat(64) })).rejects.toMatchObject({ code: 'field_not_correctable', message: 'idHash: 这一项不能更正' });
    await expect(correct(MINZHENG, 'payments', 'p-1', { colour: 'red' })).rejects.toMatchObject({ code: 'unknown_field', message: 'colour: 没有这一项' });
    await expect(correct(MINZHENG, 'payments', 'p-1', { amountFen: -1 })).rejects.toMatchObject({ code: 'invalid_field_value', message: 'amountFen: 金额不能为负数' });
    await expect(correct(MINZHENG, 'payments', 'p-1', { idNumber: '452123196005011234' })).rejects.toMatchObject({ code: 'invalid_field_value' });
    await expect(withdrawRecord(deps, NONGYE, 'payments', 'p-1', '不是我们的')).rejects.toMatchObject({ code: 'not_own_department' });
    expect([stores.state.imports.size, stores.state.audit]).toEqual([0, []]);
  });

  it("shows reviewers a corrected ID number masked; only the staged row holds it until it is published", async () => {
    const { stores, deps } = await setup();
    const newId = makeIdNumber('452123', '1949-10-01', 77);
    const report = await correctRecord(deps, MINZHENG, 'payments', 'p-1', { changes: { idNumber: newId }, reason: '身份证号录错' });
    expect(report.record?.changes).toEqual({ idNumber: maskIdNumber(newId) });
    expect(JSON.stringify(stores.state.audit)).not.toContain(newId);
    expect(stores.state.rows.get(report.importId)?.[0]?.data).toMatchObject({ idNumber: newId, idHash: deps.hashId(newId) });
    await approveImport(deps, REVIEWER, report.importId);
    expect([stores.state.identities.get('p-1'), stores.state.rows.has(report.importId)]).toEqual([newId, false]);
  });

  it('is refused on approval once its record changed since it was staged (stale_record), the newer change standing', async () => {
    const { stores, deps } = await setup();
    const stale = await correctRecord(deps, MINZHENG, 'payments', 'p-1', { changes: { amountFen: 65000 }, reason: '金额录错' });
    const newer = await correctRecord(deps, MINZHENG, 'payments', 'p-1', { changes: { amountFen: 70000 }, reason: '金额录错' });
    await approveImport(deps, REVIEWER, newer.importId);
    await expect(approveImport(deps, REVIEWER, stale.importId)).rejects.toMatchObject({ code: 'stale_record' });
    expect(stores.state.records.get('payments/p-1')?.data.amountFen).toBe(70000);
  });

  it('cannot reach a withdrawn record (unknown_record), whose history still reads', async () => {
    const { deps } = await setup();
    const withdrawal = await withdrawRecord(deps, MINZHENG, 'payments', 'p-1', '重复发放');
    await approveImport(deps, REVIEWER, withdrawal.importId);
    await expect(withdrawRecord(deps, MINZHENG, 'payments', 'p-1', '再撤')).rejects.toMatchObject({ code: 'unknown_record' });
    expect((await recordHistory(deps, 'payments', 'p-1')).map((h) => [h.action, h.data])).toEqual([['withdraw', null]]);
    await expect(recordHistory(deps, 'people', 'p-1')).rejects.toMatchObject({ code: 'unknown_table' });
  });
});
