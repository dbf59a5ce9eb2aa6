import type { StaffSession } from '@sunshine/contracts';
import { describe, expect, it, vi } from 'vitest';
import { approveImport, getImport, listImports, rejectImport } from './imports.service';
import { createMemoryStores } from './in-memory-stores';
import { createPublisher } from './publisher.service';

const NOW = new Date('2026-11-30T02:00:00.000Z');
const REVIEWER: StaffSession = { username: 'shenhe', displayName: '审核员', role: 'reviewer', department: null };
const MINZHENG: StaffSession = { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局' };
const NONGYE: StaffSession = { username: 'nongye', displayName: '农业发布员', role: 'publisher', department: '县农业农村局' };
const VILLAGE = '452123100001';

const notice = (id: string) => ({ id, title: '停水通知', body: '明天停水', category: 'village', scopeCode: VILLAGE, publishDate: '2026-11-01', expiryDate: null });

function setup() {
  const stores = createMemoryStores();
  const notified: number[] = [];
  const publisher = createPublisher({ audited: stores.audited, notifyPublished: (version) => notified.push(version), now: () => NOW });
  const deps = { imports: stores.imports, publisher, audited: stores.audited, hashId: (id: string) => `hash-${id}`, now: () => NOW };
  /** An upload of `by`'s department (a new file), its rows staged and the file finished unless `receiving`. */
  const stage = async (by: StaffSession, data: Record<string, unknown>[], options: { contentType?: 'notices' | 'projectFunds'; receiving?: boolean; problems?: number } = {}) => {
    const meta = { contentType: options.contentType ?? 'notices', mode: 'new', reason: null, department: by.department ?? '', fileName: null, createdBy: by.username, createdAt: NOW.toISOString() } as const;
    const importId = await stores.imports.begin(meta);
    const problems = Array.from({ length: options.problems ?? 0 }, (_, i) => ({ row: data.length + i + 2, column: 'publishDate', value: '1999-01-01', reason: '日期超出范围' }));
    // Fund and spending lines have no id of their own: validation names them `projectId#row`.
    const rows = data.map((d, i) => ({ row: i + 2, id: String(d.id ?? `${String(d.projectId)}#${i + 2}`), key: null, data: d }));
    await stores.imports.stage(importId, rows, problems);
    if (!options.receiving) await stores.imports.finish(importId, { rows: data.length + problems.length, validRows: data.length });
    return importId;
  };
  return { stores, deps, notified, stage };
}

describe('reviewing an import', () => {
  it('publishes a staged upload as the next version, with owners, history and its audit entry, and drops its staged rows', async () => {
    const { stores, deps, notified, stage } = setup();
    const importId = await stage(MINZHENG, [notice('n-1'), notice('n-2')]);
    expect(await approveImport(deps, REVIEWER, importId)).toEqual({ version: 1, records: 2 });
    const published = stores.state.records.get('notices/n-1');
    expect(published).toMatchObject({ version: 1, deleted: false, owner: '县民政局', data: { title: '停水通知', version: 1, sourceImportId: `import-${importId}` } });
    expect(await stores.records.history('notices', 'n-2')).toEqual([expect.objectContaining({ action: 'import', changedBy: 'shenhe', importId })]);
    expect(stores.state.audit).toEqual([expect.objectContaining({ actor: 'shenhe', action: 'import.approve', target: String(importId), details: { version: 1, records: 2 } })]);
    expect(stores.state.rows.has(importId)).toBe(false);
    expect(await getImport(deps, REVIEWER, importId)).toMatchObject({ status: 'approved', version: 1, reviewedBy: 'shenhe' });
    expect(notified).toEqual([1]);
  });

  it('refuses to review an import whose file is still arriving (import_still_receiving), changing nothing', async () => {
    const { stores, deps, stage } = setup();
    const importId = await stage(MINZHENG, [notice('n-1')], { receiving: true });
    const before = structuredClone(stores.state);
    await expect(approveImport(deps, REVIEWER, importId)).rejects.toMatchObject({ code: 'import_still_receiving' });
    await expect(rejectImport(deps, REVIEWER, importId, { reason: '文件不全' })).rejects.toMatchObject({ code: 'import_still_receiving' });
    expect(stores.state).toEqual(before);
  });

  it('refuses a second review of one import, approving or rejecting (import_already_reviewed)', async () => {
    const { deps, stage } = setup();
    const approved = await stage(MINZHENG, [notice('n-1')]);
    await approveImport(deps, REVIEWER, approved);
    await expect(approveImport(deps, REVIEWER, approved)).rejects.toMatchObject({ code: 'import_already_reviewed' });
    await expect(rejectImport(deps, REVIEWER, approved, { reason: '重复' })).rejects.toMatchObject({ code: 'import_already_reviewed' });
    const rejected = await stage(MINZHENG, [notice('n-2')]);
    await rejectImport(deps, REVIEWER, rejected, { reason: '标题有误' });
    await expect(approveImport(deps, REVIEWER, rejected)).rejects.toMatchObject({ code: 'import_already_reviewed' });
  });

  it('rejects a staged import with a reason the department reads, publishing nothing, audited as import.reject', async () => {
    const { stores, deps, stage } = setup();
    const importId = await stage(MINZHENG, [notice('n-1')]);
    await rejectImport(deps, REVIEWER, importId, { reason: '标题有误' });
    expect(await getImport(deps, MINZHENG, importId)).toMatchObject({ status: 'rejected', reviewedBy: 'shenhe', reviewReason: '标题有误', version: null });
    expect([stores.state.versions, stores.state.rows.has(importId)]).toEqual([[], false]);
    expect(stores.state.audit.at(-1)).toMatchObject({ action: 'import.reject', target: String(importId), details: { reason: '标题有误' } });
  });

  it('refuses to publish an import with no valid rows (nothing_to_publish)', async () => {
    const { deps, stage } = setup();
    const importId = await stage(MINZHENG, [], { problems: 1 });
    await expect(approveImport(deps, REVIEWER, importId)).rejects.toMatchObject({ code: 'nothing_to_publish' });
  });

  it('refuses, changing nothing, an approval whose new ids another department published meanwhile (stale_record)', async () => {
    const { stores, deps, stage } = setup();
    const importId = await stage(MINZHENG, [notice('n-1'), notice('n-2')]);
    await stores.seed('notices', notice('n-2'), '县农业农村局');
    const before = structuredClone(stores.state);
    await expect(approveImport(deps, REVIEWER, importId)).rejects.toMatchObject({ code: 'stale_record', message: expect.stringMatching(/^有 1 条记录（编号 n-2）在上传后已被发布/) });
    expect(stores.state).toEqual(before);
    expect((await getImport(deps, REVIEWER, importId)).status).toBe('staged');
  });

  it('reads every project that an upload of fund lines names in one lookup, not one per project', async () => {
    const { stores, deps, stage } = setup();
    const project = (id: string) => ({ id, name: '村道硬化', department: '县水利局', fundSources: [], spending: [] });
    for (const id of ['prj-1', 'prj-2', 'prj-3']) await stores.seed('projects', project(id), '县水利局');
    const shuili: StaffSession = { username: 'shuili', displayName: '水利发布员', role: 'publisher', department: '县水利局' };
    const lines = ['prj-1', 'prj-2', 'prj-3', 'prj-1'].map((projectId, i) => ({ projectId, source: '县级财政', amountFen: 1000 * (i + 1) }));
    const importId = await stage(shuili, lines, { contentType: 'projectFunds' });
    const find = vi.spyOn(stores.records, 'find');
    const findMany = vi.spyOn(stores.records, 'findMany');
    expect(await approveImport(deps, REVIEWER, importId)).toMatchObject({ records: 3 });
    expect([find.mock.calls.length, findMany.mock.calls]).toEqual([0, [['projects', ['prj-1', 'prj-2', 'prj-3']]]]);
    expect(stores.state.records.get('projects/prj-1')?.data.fundSources).toEqual([
      { source: '县级财政', amountFen: 1000 },
      { source: '县级财政', amountFen: 4000 },
    ]);
  });
});

describe('reading imports', () => {
  it("lets a publisher read and list only their own department's imports (unknown_import otherwise)", async () => {
    const { deps, stage } = setup();
    const own = await stage(MINZHENG, [notice('n-1')]);
    const other = await stage(NONGYE, [notice('n-2')]);
    expect((await listImports(deps, MINZHENG, { limit: 50, offset: 0 })).map((r) => r.importId)).toEqual([own]);
    expect((await listImports(deps, REVIEWER, { limit: 50, offset: 0 })).map((r) => r.importId)).toEqual([other, own]);
    await expect(getImport(deps, MINZHENG, other)).rejects.toMatchObject({ code: 'unknown_import' });
    await expect(getImport(deps, REVIEWER, 999)).rejects.toMatchObject({ code: 'unknown_import' });
  });

  it('lists each import with its first 20 problems; its own report has all of them', async () => {
    const { deps, stage } = setup();
    const importId = await stage(MINZHENG, [notice('n-1')], { problems: 25 });
    const [listed] = await listImports(deps, REVIEWER, { limit: 50, offset: 0 });
    const report = await getImport(deps, REVIEWER, importId);
    expect([listed?.problems.length, report.problems.length]).toEqual([20, 25]);
    expect(listed).toEqual({ ...report, problems: report.problems.slice(0, 20) });
  });
});
