import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { agentPrintingApi, agentVillagerApi } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledJob, startPrinter } from './printing-fixtures';
import { agentClient, enrolKiosk, freePort, startAgent, tempDir, type RunningAgent } from './support';

// A villager's complaint receipt from a real agent: complaint into the outbox, delivered to a
// real central, receipt printed through node-thermal-printer to the virtual printer, and
// the paper read back. The reply-by date is central's, the one 查进度 shows.

let central: TestCentral;
let printer: Awaited<ReturnType<typeof startPrinter>>;
let agent: RunningAgent | undefined;
let dataDir = '';

const restartAgent = async (env: Record<string, string> = {}) => {
  await agent?.close();
  agent = await startAgent(dataDir, { PRINTER_INTERFACE: `tcp://127.0.0.1:${printer.port}`, HEARTBEAT_SECONDS: '3600', ...env });
  return agent;
};

async function complain(url: string, text: string) {
  return agentClient(url).call(agentVillagerApi.createComplaint, { body: { category: 'subsidy', text } });
}

/** Prints the receipt of `ticketNumber` and returns what the paper says. */
async function printReceipt(url: string, ticketNumber: string): Promise<string> {
  const before = printer.printer.receipts.length;
  const { jobId } = await agentClient(url).call(agentPrintingApi.printComplaintReceipt, { body: { ticketNumber } });
  expect(await settledJob(url, jobId)).toMatchObject({ state: 'done' });
  const receipt = (await printer.printer.waitForReceipts(before + 1))[before];
  if (!receipt?.complete) throw new Error('the receipt did not print whole');
  return receipt.text;
}

beforeAll(async () => {
  central = await startTestCentral();
  printer = await startPrinter();
  dataDir = tempDir('reply-by');
  await enrolKiosk(central.url, central.enrolmentCode, dataDir);
});
afterAll(async () => {
  await agent?.close();
  await printer?.close();
  await central?.close();
});

describe('the complaint receipt', () => {
  it('gives the reply-by date central set, the one 查进度 shows', async () => {
    const { url, agent: running } = await restartAgent();
    const created = await complain(url, '补贴少发了两个月');
    await running.forwardNow();

    const text = await printReceipt(url, created.ticketNumber);

    // Asked after printing, so the receipt could not have borrowed the date from this lookup.
    const followed = await agentClient(url).call(agentVillagerApi.getTicket, { params: { ticketNumber: created.ticketNumber }, query: {} });
    expect(followed).toMatchObject({ source: 'central', pendingDelivery: false });
    expect(followed.expectedReplyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text.replace(/\s+/g, '')).toContain(`最迟在${followed.expectedReplyBy ?? ''}前给您答复`);
    const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((followed.expectedReplyBy ?? '') > chinaToday).toBe(true);
  });

  it('still prints offline, saying the date is set when the county receives the complaint', async () => {
    const { url } = await restartAgent({ CENTRAL_URL: `http://127.0.0.1:${await freePort()}` });
    const created = await complain(url, '项目没有公示');

    const started = Date.now();
    const text = (await printReceipt(url, created.ticketNumber)).replace(/\s+/g, '');

    expect(text).toContain('反映问题回执');
    expect(text).toContain(`查询密码：${created.pin}`);
    expect(text).toContain('网络恢复后会自动上报');
    expect(text).toContain('县里收到后，办理单位会在规定的工作日内给您答复');
    expect(text).not.toContain('最迟在');
    // Nothing to ask central about a complaint it has not got: the receipt does not wait.
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
