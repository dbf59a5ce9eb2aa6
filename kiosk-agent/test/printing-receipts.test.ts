import fs from 'node:fs';
import path from 'node:path';
import { agentPrintingApi as api, idCheckDigit, makeTicketNumber, type PrintJobAccepted } from '@sunshine/contracts';
import SQLite from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_NUMBER, TICKET, settledJob, startAgent, startPrinter, type AgentHarness } from './printing-fixtures';
import { refusal } from './support';

// Each receipt goes through the real node-thermal-printer to the virtual printer over
// TCP; the virtual printer decodes the GB18030 and we read what the paper says.

let printer: Awaited<ReturnType<typeof startPrinter>>;
let agent: AgentHarness;

beforeAll(async () => {
  printer = await startPrinter();
  agent = await startAgent(`tcp://127.0.0.1:${printer.port}`, { paperMm: 80 });
});
afterAll(async () => {
  await agent.close();
  await printer.close();
});

async function printAndRead(print: Promise<PrintJobAccepted>) {
  const before = printer.printer.receipts.length;
  const { jobId } = await print;
  const job = await settledJob(agent.url, jobId);
  expect(job).toMatchObject({ state: 'done', reason: null });
  const receipts = await printer.printer.waitForReceipts(before + 1);
  expect(receipts).toHaveLength(before + 1);
  const receipt = receipts[before];
  if (!receipt) throw new Error('no receipt');
  return receipt;
}

describe('receipts printed through node-thermal-printer to the virtual printer', () => {
  it('prints a payment statement with names and amounts byte-exact in GB18030', async () => {
    const receipt = await printAndRead(agent.client.call(api.printPaymentStatement, { body: { idNumber: ID_NUMBER } }));
    expect(receipt.complete).toBe(true);
    expect(receipt.text).toContain('补贴发放明细');
    expect(receipt.text).toContain('姓名：韦秀英');
    expect(receipt.text).toContain(`身份证号：${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(14)}`);
    expect(receipt.text).not.toContain(ID_NUMBER);
    expect(receipt.text).toMatch(/2026-10-15 城乡居民基本养老保险 +￥1,234\.50/);
    expect(receipt.text).toMatch(/总计（2笔） +￥1,322\.55/);
    expect(receipt.text).toContain('数据版本：第17版，更新于2026-11-20 10:00');
    expect(receipt.text).toContain('一体机：0042号 那坡村便民服务点');
    for (const exact of ['韦秀英', '￥1,234.50', '耕地地力保护补贴', '￥88.05']) {
      expect(receipt.bytes.includes(iconv.encode(exact, 'gb18030'))).toBe(true);
    }
    // 80 mm paper: no printed line is wider than 48 columns.
    for (const line of receipt.text.split('\n')) expect(iconv.encode(line, 'gb18030').length).toBeLessThanOrEqual(48);
  });

  it('prints a complaint receipt with the grouped number, its QR code and the PIN', async () => {
    const receipt = await printAndRead(agent.client.call(api.printComplaintReceipt, { body: { ticketNumber: '0042 0000123 1' } }));
    expect(receipt.text).toContain('反映问题回执');
    expect(receipt.text).toContain('0042 0000123 1');
    expect(receipt.qr).toEqual([TICKET]);
    expect(receipt.text).toContain('查询密码：4821');
    expect(receipt.text).toContain('最迟在2026-12-10前给您答复');
    expect(receipt.text).toContain('查进度');
    const big = receipt.document.lines.find((l) => l.kind === 'text' && l.runs.some((r) => r.text === '0042 0000123 1'));
    expect(big?.kind === 'text' && big.runs[0]?.width).toBe(2);
  });

  it('prints a project summary with where the money came from and went', async () => {
    const receipt = await printAndRead(agent.client.call(api.printProjectSummary, { body: { projectId: 'prj-1' } }));
    expect(receipt.text).toContain('那坡村饮水安全巩固提升工程');
    expect(receipt.text).toMatch(/项目预算 +￥450,000\.00/);
    expect(receipt.text).toMatch(/中央财政衔接资金 +￥300,000\.00/);
    expect(receipt.text).toMatch(/已支出合计 +￥308,765\.43/);
    expect(receipt.text).toContain('状态：实施中（进度60%）');
  });

  it('prints a test page and reports the printer ready', async () => {
    const receipt = await printAndRead(agent.client.call(api.printTestPage, { body: {} }));
    expect(receipt.text).toContain('打印测试页');
    expect(receipt.qr).toEqual(['TEST']);
    expect(await agent.client.call(api.printerStatus)).toEqual({ state: 'ready' });
  });

  it('refuses a bad ID number, an unknown ticket, a bad ticket number, a person without payments and an unknown job, naming why', async () => {
    const statement = (idNumber: string) => agent.client.call(api.printPaymentStatement, { body: { idNumber } });
    const receipt = (ticketNumber: string) => agent.client.call(api.printComplaintReceipt, { body: { ticketNumber } });
    expect(await refusal(statement(ID_NUMBER.slice(0, 17) + (ID_NUMBER.endsWith('1') ? '2' : '1')))).toBe('400 invalid_id_number');
    expect(await refusal(receipt(makeTicketNumber(42, 124)))).toBe('404 unknown_ticket');
    expect(await refusal(receipt('004200001232'))).toBe('400 invalid_ticket_number');
    const nobody = await statement(`45212319900101123${idCheckDigit('45212319900101123')}`).catch((error: unknown) => error);
    expect(nobody).toMatchObject({ status: 404, code: 'no_payments', message: expect.stringContaining('没有查到') });
    expect(await refusal(agent.client.call(api.printProjectSummary, { body: { projectId: 'prj-none' } }))).toBe('404 unknown_project');
    expect(await refusal(agent.client.call(api.getPrintJob, { params: { jobId: 'nope' } }))).toBe('404 unknown_print_job');
  });

  it('keeps no receipt content once a job is done, and never the plaintext ID', () => {
    const db = fs.readFileSync(path.join(agent.dir, 'kiosk.sqlite'));
    const wal = fs.existsSync(path.join(agent.dir, 'kiosk.sqlite-wal')) ? fs.readFileSync(path.join(agent.dir, 'kiosk.sqlite-wal')) : Buffer.alloc(0);
    expect(db.includes(ID_NUMBER)).toBe(false);
    expect(wal.includes(ID_NUMBER)).toBe(false);
    const reader = new SQLite(path.join(agent.dir, 'kiosk.sqlite'), { readonly: true });
    const rows = reader.prepare("SELECT state, payload FROM print_jobs WHERE state = 'done'").all() as { payload: string | null }[];
    reader.close();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.payload === null)).toBe(true);
  });
});
