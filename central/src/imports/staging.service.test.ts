import type { ImportUploadQuery, StaffSession } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { createMemoryStores } from './in-memory-stores';
import type { UploadRow } from './read-upload';
import { stageUpload } from './staging.service';

const NOW = new Date('2026-11-30T02:00:00.000Z');
const ADMIN: StaffSession = { username: 'admin', displayName: '管理员', role: 'admin', department: null };
const MINZHENG: StaffSession = { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局' };
const VILLAGE = '452123100001';
const HEADER = ['id', 'title', 'body', 'category', 'scopeCode', 'publishDate', 'expiryDate'] as const;

/** The rows of a notices file as `readUpload` yields them: numbered from 2 (the header is row 1). */
async function* rowsOf(lines: string[][]): AsyncGenerator<UploadRow> {
  for (const [i, values] of lines.entries()) yield { row: i + 2, cells: Object.fromEntries(HEADER.map((column, c) => [column, values[c] ?? ''])) };
}

async function setup() {
  const stores = createMemoryStores();
  await stores.seed('villages', { id: VILLAGE, name: '柳洞村' });
  const deps = { imports: stores.imports, records: stores.records, audited: stores.audited, now: () => NOW };
  const upload = (staff: StaffSession, query: Partial<ImportUploadQuery>, lines: string[][]) => stageUpload(deps, staff, { type: 'notices', mode: 'new', ...query, rows: rowsOf(lines) });
  return { stores, upload };
}

describe('staging an upload', () => {
  it('stages the valid rows, reports each bad one, and finds repeats once the whole file is in', async () => {
    const { stores, upload } = await setup();
    const report = await upload(MINZHENG, {}, [
      ['n-1', '停水通知', '明天停水', 'village', VILLAGE, '2026-11-01'],
      ['n-2', '停电通知', '明天停电', 'village', '999999999999', '2026-11-01'],
      ['n-1', '停水通知', '后天也停水', 'village', VILLAGE, '2026-11-02'],
      ['n-4', '', '正文', 'village', VILLAGE, '2026-11-01'],
    ]);
    expect(report).toMatchObject({ status: 'staged', department: '县民政局', createdBy: 'minzheng', rows: 4, validRows: 1 });
    expect(report.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [3, 'scopeCode', '公开范围代码不存在，请核对'],
      [4, 'id', '编号与本文件第2行重复'],
      [5, 'title', '必填项为空'],
    ]);
    expect(stores.state.rows.get(report.importId)?.map((r) => r.id)).toEqual(['n-1']);
    expect(stores.state.audit).toEqual([expect.objectContaining({ actor: 'minzheng', action: 'import.upload', target: String(report.importId) })]);
  });

  it('names why an upload is refused before its rows are read, and keeps nothing', async () => {
    const { stores, upload } = await setup();
    const line = [['n-1', '停水通知', '明天停水', 'village', VILLAGE, '2026-11-01']];
    await expect(upload(ADMIN, {}, line)).rejects.toMatchObject({ code: 'department_required' });
    await expect(upload(MINZHENG, { department: '县农业农村局' }, line)).rejects.toMatchObject({ code: 'not_own_department' });
    await expect(upload(MINZHENG, { type: 'projectFunds', mode: 'correction', reason: '更正' }, line)).rejects.toMatchObject({ code: 'correction_not_supported' });
    await expect(upload(MINZHENG, { mode: 'correction' }, line)).rejects.toMatchObject({ code: 'reason_required' });
    expect([stores.state.imports.size, stores.state.audit]).toEqual([0, []]);
  });

  it('forgets a file without data rows (empty_upload)', async () => {
    const { stores, upload } = await setup();
    await expect(upload(ADMIN, { department: '县民政局' }, [])).rejects.toMatchObject({ code: 'empty_upload', message: '文件里没有数据行（第1行应为列名）' });
    expect([stores.state.imports.size, stores.state.rows.size, stores.state.problems.size]).toEqual([0, 0, 0]);
  });
});
