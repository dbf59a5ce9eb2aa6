import fs from 'node:fs';
import path from 'node:path';
import { makeIdNumber, type ApiClient } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from './factories';
import { adminApiClient, reviewerApiClient, startTestCentral, type TestCentral } from './harness';
import { approveImport, uploadFile } from './import-support';

const HEADER = 'id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department';

/** `count` valid new payments of 县民政局 as CSV text (about 90 bytes a row). */
function paymentsCsv(central: TestCentral, count: number): string {
  const village = fs.readFileSync(path.join(central.dir, 'county', 'villages.csv'), 'utf8').split('\n')[1]?.split(',')[0] ?? '';
  const lines = [HEADER];
  for (let i = 0; i < count; i++) {
    const birth = new Date(Date.UTC(1950, 0, 1 + Math.floor(i / 1000))).toISOString().slice(0, 10);
    lines.push(`big-${i},dibao,张三,${makeIdNumber('452123', birth, i % 1000)},${village},60000,2026-10,2026-10-09,县民政局`);
  }
  return lines.join('\n');
}

/** A body sent in 64 KB chunks without a Content-Length, as a browser streams a large file. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 65536));
      offset += 65536;
    },
  });
}

const upload = (admin: ApiClient, body: string | ReadableStream<Uint8Array>) => uploadFile(admin, { type: 'payments', department: '县民政局' }, body);

describe('a large upload', () => {
  let central: TestCentral;
  let admin: ApiClient;
  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminApiClient(central.url);
  });
  afterAll(() => central.close());

  it('is streamed into staging batch by batch, finds duplicates across batches, and publishes every valid row', async () => {
    const text = paymentsCsv(central, 40_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(3_500_000);
    const first = text.split('\n')[1] ?? '';
    const sameIdAgain = first.replace(',2026-10,', ',2026-09,');
    const samePaymentAgain = first.replace('big-0,', 'big-again,');
    const report = await upload(admin, chunked([text, sameIdAgain, samePaymentAgain].join('\n')));
    expect(report).toMatchObject({ status: 'staged', rows: 40_002, validRows: 40_000 });
    expect(report.problems.map((p) => [p.row, p.reason])).toEqual([
      [40_002, '编号与本文件第2行重复'],
      [40_003, '同一人、同一资金项目、同一期间重复发放（与本文件第2行）'],
    ]);
    expect((await approveImport(await reviewerApiClient(central.url), report.importId)).records).toBe(40_000);
  });
});

describe('an upload above the configured limit', () => {
  let central: TestCentral;
  let admin: ApiClient;
  beforeAll(async () => {
    central = await startTestCentral({ env: { CENTRAL_UPLOAD_MAX_MB: '1' } });
    admin = await adminApiClient(central.url);
  });
  afterAll(() => central.close());

  const expectTooLarge = async (call: Promise<unknown>) => {
    expect(await refusal(call)).toMatchObject({ status: 413, code: 'payload_too_large', message: expect.stringMatching(/文件太大.*1 MB/) });
  };

  it('is refused with 413 from its declared length', async () => {
    await expectTooLarge(upload(admin, paymentsCsv(central, 20_000)));
  });

  it('is refused with 413 once too much has arrived, and leaves nothing staged', async () => {
    await expectTooLarge(upload(admin, chunked(paymentsCsv(central, 20_000))));
    expect(await central.db.selectFrom('imports').select('id').where('status', '=', 'receiving').execute()).toEqual([]);
    expect(await central.db.selectFrom('import_rows').select('record_id').execute()).toEqual([]);
  });

  it('refuses a CSV it cannot parse, and leaves nothing staged', async () => {
    const unclosed = upload(admin, `${paymentsCsv(central, 6000)}\n"an unclosed quote,1,2`);
    expect(await refusal(unclosed)).toMatchObject({ status: 400, code: 'unreadable_file', message: expect.stringMatching(/文件无法读取/) });
    expect(await central.db.selectFrom('import_rows').select('record_id').execute()).toEqual([]);
  });

  it('still takes a file under the limit', async () => {
    expect(await upload(admin, paymentsCsv(central, 100))).toMatchObject({ rows: 100, validRows: 100 });
  });
});
