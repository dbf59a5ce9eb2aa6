import { type ApiClient, healthApi, type ImportReport, makeIdNumber } from '@sunshine/contracts';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, countyRows, loginAs, refusal } from './factories';
import { createStaffAccount, startTestCentral, type TestCentral } from './harness';
import { approveImport, uploadFile, XLSX_TYPE } from './import-support';

const HEADER = 'id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department';
// 徐 is in GB2312; 喆, 堃, 昇 and 珺 only in GBK; 𠮷 only in GB18030 (four bytes).
const GBK_NAMES = ['张喆', '李堃', '王昇', '赵珺', '徐丽'];
const GB18030_NAMES = [...GBK_NAMES, '吉𠮷'];

describe('a CSV saved by Excel in any of the accepted encodings', () => {
  let central: TestCentral;
  let publisher: ApiClient;
  let reviewer: ApiClient;
  let village: string;
  let rowCount = 0;

  /** One payment row of 县民政局 per name; every id and ID number is new. */
  const csv = (names: readonly string[]) =>
    [
      HEADER,
      ...names.map((name) => {
        const n = rowCount++;
        const birth = new Date(Date.UTC(1950, 0, 1 + Math.floor(n / 1000))).toISOString().slice(0, 10);
        return `enc-${n},dibao,${name},${makeIdNumber('452123', birth, n % 1000)},${village},60000,2026-10,2026-10-09,县民政局`;
      }),
    ].join('\r\n') + '\r\n';

  const upload = (body: Uint8Array | ReadableStream<Uint8Array>, contentType = 'text/csv') => uploadFile(publisher, { type: 'payments' }, body, contentType);

  const stagedNames = async (importId: number) => {
    const rows = await central.db.selectFrom('import_rows').select('data').where('import_id', '=', importId).orderBy('row_number').execute();
    return rows.map((r) => (JSON.parse(r.data) as { recipientName: string }).recipientName);
  };

  const staged = async (report: ImportReport) => {
    expect(report.problems).toEqual([]);
    return { report, names: await stagedNames(report.importId) };
  };

  beforeAll(async () => {
    central = await startTestCentral();
    const accounts = [
      { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局', password: 'publisher-password' },
      { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' },
    ] as const;
    for (const a of accounts) await createStaffAccount(central, a);
    publisher = apiClient(central.url, { cookie: await loginAs(central.url, 'minzheng', 'publisher-password') });
    reviewer = apiClient(central.url, { cookie: await loginAs(central.url, 'shenhe', 'reviewer-password') });
    village = countyRows(`${central.dir}/county`, 'villages')[0]?.code ?? '';
  });
  afterAll(() => central.close());

  it.each([
    ['GB18030', GB18030_NAMES, (text: string) => iconv.encode(text, 'gb18030')],
    ['GBK', GBK_NAMES, (text: string) => iconv.encode(text, 'gbk')],
    ['UTF-8', GB18030_NAMES, (text: string) => Buffer.from(text)],
    ['UTF-8 with BOM', GB18030_NAMES, (text: string) => iconv.encode(text, 'utf8', { addBOM: true })],
    ['GBK, one row', ['李堃'], (text: string) => iconv.encode(text, 'gbk')],
  ])('stages every name of a %s file exactly as written', async (_encoding, names, encode) => {
    expect((await staged(await upload(encode(csv(names))))).names).toEqual(names);
  });

  it('reads characters split between the chunks of a streamed GBK upload, across its first 64 KB', async () => {
    const names = Array.from({ length: 1200 }, (_, i) => GBK_NAMES[i % GBK_NAMES.length] ?? '');
    const bytes = iconv.encode(csv(names), 'gbk');
    expect(bytes.length).toBeGreaterThan(100_000);
    expect((await staged(await upload(chunked(bytes, 4099)))).names).toEqual(names);
  });

  it('detects GBK that starts after 64 KB of plain ASCII', async () => {
    const names = [...Array.from({ length: 900 }, () => 'Zhang San'), ...GBK_NAMES];
    const bytes = iconv.encode(csv(names), 'gbk');
    expect(bytes.indexOf(iconv.encode('张喆', 'gbk'))).toBeGreaterThan(65_536);
    expect((await staged(await upload(chunked(bytes, 8192)))).names).toEqual(names);
  });

  it('publishes the names of a GBK file exactly as written', async () => {
    const { report } = await staged(await upload(iconv.encode(csv(GBK_NAMES), 'gbk')));
    const { version, records } = await approveImport(reviewer, report.importId);
    expect(records).toBe(GBK_NAMES.length);
    const published = await central.db.selectFrom('content_records').select('data').where('table_name', '=', 'payments').where('version', '=', version).orderBy('id').execute();
    expect(published.map((r) => (JSON.parse(r.data) as { recipientName: string }).recipientName)).toEqual(GBK_NAMES);
  });

  it('reads an XLSX as before: its text has no encoding to guess', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('payments');
    for (const line of csv(GB18030_NAMES).trim().split('\r\n')) sheet.addRow(line.split(','));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await staged(await upload(bytes, XLSX_TYPE))).names).toEqual(GB18030_NAMES);
  });

  describe('refuses, changing nothing,', () => {
    const utf8ThenGbk = () => {
      const names = Array.from({ length: 1000 }, (_, i) => GBK_NAMES[i % GBK_NAMES.length] ?? '');
      return Buffer.concat([Buffer.from(csv(names)), iconv.encode(csv(['李堃']).split('\r\n').slice(1).join('\r\n'), 'gbk')]);
    };
    it.each([
      ['a Big5 file', () => iconv.encode(csv(['陳建國', '黃志明', '劉桂英']).replaceAll('县民政局', '縣民政局'), 'big5'), '看起来是繁体中文 Big5 编码'],
      ['a Shift-JIS file', () => iconv.encode(csv(['山田太郎', '鈴木花子', '佐藤健']).replaceAll('县民政局', '東京都港区'), 'shift_jis'), '看起来是日文 Shift-JIS 编码'],
      ['a UTF-16 text file', () => iconv.encode(csv(GBK_NAMES).replaceAll(',', '\t'), 'utf16le', { addBOM: true }), '文件不是文本格式的 CSV'],
      ['a binary file', () => Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), '文件不是文本格式的 CSV'],
      ['a UTF-8 file with GBK bytes after its first 64 KB', utf8ThenGbk, '文件第 1002 行有无法按 UTF-8 识别的字符'],
      ['a file with replacement characters', () => Buffer.from(csv(['张\uFFFD'])), '无法按 UTF-8 识别的字符'],
    ])('%s', async (_name, body, says) => {
      const before = await state();
      const error = await refusal(upload(chunked(body(), 16_384)));
      expect([error.status, error.code]).toEqual([415, 'unknown_encoding']);
      expect(error.message).toContain(says);
      expect(error.message).toContain('系统只接受 UTF-8 或 GBK（GB18030）编码的 CSV 文件');
      expect(await state()).toEqual(before);
    });

    /** What an upload could change: the imports, their staged rows and problems, the published version. */
    const state = async () => ({
      imports: (await central.db.selectFrom('imports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      rows: (await central.db.selectFrom('import_rows').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      problems: (await central.db.selectFrom('import_problems').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      version: (await apiClient(central.url).call(healthApi.health)).dataVersion,
    });
  });
});

/** A body sent in chunks of `size` bytes without a Content-Length, as a browser streams a file. */
function chunked(bytes: Buffer, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + size));
      offset += size;
    },
  });
}
