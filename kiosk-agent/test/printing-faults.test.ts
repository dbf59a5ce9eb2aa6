import { agentPrintingApi as api } from '@sunshine/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/database';
import { createPrintJobsRepository } from '../src/printing/print-jobs.repository';
import { INTERRUPTED_REASON } from '../src/printing/print-queue';
import { ID_NUMBER, STATUS_TIMEOUT_MS, TICKET, closedPort, settledJob, startAgent, startPrinter, type AgentHarness } from './printing-fixtures';
import { refusal } from './support';

// Printer faults through the real stack: the virtual printer is told to fail, the agent
// must notice through DLE EOT, fail the job in plain Chinese, and print a retry once.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const printer = await startPrinter();
  cleanups.push(printer.close);
  const agent = await startAgent(`tcp://127.0.0.1:${printer.port}`);
  cleanups.push(agent.close);
  await agent.printing.probePrinter();
  return { vp: printer.printer, agent };
}

async function printStatement(agent: AgentHarness) {
  const { jobId } = await agent.client.call(api.printPaymentStatement, { body: { idNumber: ID_NUMBER } });
  return { jobId, job: await settledJob(agent.url, jobId) };
}

describe('printer faults', () => {
  it('fails a job whose paper runs out mid-way, and prints the retry exactly once after a refill', async () => {
    const { vp, agent } = await setup();
    vp.setState({ paperLeftBytes: 120 });
    const { jobId, job } = await printStatement(agent);
    expect(job.state).toBe('failed');
    expect(job.reason).toContain('纸用完');
    expect(agent.printing.printerState()).toBe('paper_out');
    expect(agent.states).toContain('paper_out');
    expect(vp.receipts.every((r) => !r.complete)).toBe(true);

    // Retrying while the paper is still out fails again without sending anything.
    const sentBefore = vp.receipts.length;
    expect(await agent.client.call(api.retryPrintJob, { params: { jobId } })).toEqual({ jobId });
    const again = await settledJob(agent.url, jobId);
    expect(again).toMatchObject({ state: 'failed' });
    expect(again.reason).toContain('没有纸');
    expect(vp.receipts.length).toBe(sentBefore);

    vp.setState({ paper: 'ok' });
    expect(await agent.client.call(api.retryPrintJob, { params: { jobId } })).toEqual({ jobId });
    expect(await settledJob(agent.url, jobId)).toMatchObject({ state: 'done', reason: null });
    const complete = vp.receipts.filter((r) => r.complete);
    expect(complete).toHaveLength(1);
    expect(complete[0]?.text).toContain('韦秀英');
    expect(agent.printing.printerState()).toBe('ready');

    // A printed job is not printed again.
    expect(await refusal(agent.client.call(api.retryPrintJob, { params: { jobId } }))).toBe('409 print_job_already_printed');
    await new Promise((r) => setTimeout(r, 50));
    expect(vp.receipts.filter((r) => r.complete)).toHaveLength(1);
  });

  it('refuses to print with the cover open and says so in plain words', async () => {
    const { vp, agent } = await setup();
    vp.setState({ coverOpen: true });
    const { job } = await printStatement(agent);
    expect(job.state).toBe('failed');
    expect(job.reason).toContain('盖子');
    expect(vp.receipts).toHaveLength(0);
    expect(agent.printing.printerState()).toBe('cover_open');
  });

  it('prints on paper near its end and reports paper_low', async () => {
    const { vp, agent } = await setup();
    vp.setState({ paper: 'near_end' });
    const { job } = await printStatement(agent);
    expect(job.state).toBe('done');
    expect(agent.printing.printerState()).toBe('paper_low');
    expect(agent.states.at(-1)).toBe('paper_low');
  });

  it('reports a silent printer offline within the status timeout', async () => {
    const { vp, agent } = await setup();
    vp.setState({ online: false });
    const started = Date.now();
    expect(await agent.printing.probePrinter()).toBe('offline');
    expect(Date.now() - started).toBeGreaterThanOrEqual(STATUS_TIMEOUT_MS - 50);
    expect(Date.now() - started).toBeLessThan(STATUS_TIMEOUT_MS + 1000);
    const { job } = await printStatement(agent);
    expect(job.state).toBe('failed');
    expect(job.reason).toContain('没有连接');
    expect(vp.receipts).toHaveLength(0);
  });

  it('reports an unreachable printer offline and fails its jobs', async () => {
    const agent = await startAgent(`tcp://127.0.0.1:${await closedPort()}`);
    cleanups.push(agent.close);
    const started = Date.now();
    expect(await agent.printing.probePrinter()).toBe('offline');
    expect(Date.now() - started).toBeLessThan(STATUS_TIMEOUT_MS);
    const { job } = await printStatement(agent);
    expect(job).toMatchObject({ state: 'failed' });
    expect(await agent.client.call(api.printerStatus)).toEqual({ state: 'offline' });
  });
});

describe('failed jobs', () => {
  it('drops the content of a failed job once the villager has surely gone, and says so on retry', async () => {
    const printer = await startPrinter();
    cleanups.push(printer.close);
    const agent = await startAgent(`tcp://127.0.0.1:${printer.port}`, { payloadTtlMs: 100 });
    cleanups.push(agent.close);
    printer.printer.setState({ paper: 'out' });
    const { jobId, job } = await printStatement(agent);
    expect(job.state).toBe('failed');
    await new Promise((r) => setTimeout(r, 150));
    printer.printer.setState({ paper: 'ok' });
    const retry = await agent.client.call(api.retryPrintJob, { params: { jobId } }).catch((error: unknown) => error);
    expect(retry).toMatchObject({ status: 409, code: 'print_job_expired', message: expect.stringContaining('过期') });
    expect(printer.printer.receipts).toHaveLength(0);
  });
});

describe('the print queue across a restart', () => {
  it('resumes queued jobs and fails a job that was printing when the agent stopped', async () => {
    const printer = await startPrinter();
    cleanups.push(printer.close);
    const first = await startAgent(`tcp://127.0.0.1:${printer.port}`);
    const dir = first.dir;
    await first.close();

    // What a crash leaves behind: one job mid-print, one waiting.
    const db = openDatabase(dir);
    const repo = createPrintJobsRepository(db);
    const stamp = { kiosk: { number: '0042', name: null }, printedAt: new Date().toISOString() };
    const receipt = { kind: 'complaint-receipt' as const, ...stamp, ticketNumber: TICKET, pin: '4821', categoryName: '其他', submittedAt: stamp.printedAt, expectedReplyBy: null, isPendingDelivery: true };
    repo.create('was-printing', receipt);
    repo.start('was-printing');
    repo.create('was-queued', receipt);
    db.close();

    const second = await startAgent(`tcp://127.0.0.1:${printer.port}`, { dir });
    cleanups.push(second.close);
    expect(await settledJob(second.url, 'was-queued')).toMatchObject({ state: 'done' });
    expect(await settledJob(second.url, 'was-printing')).toMatchObject({ state: 'failed', reason: INTERRUPTED_REASON });
    expect(printer.printer.receipts.filter((r) => r.complete)).toHaveLength(1);
    expect(printer.printer.receipts[0]?.qr).toEqual([TICKET]);
    expect(second.printing.printerState()).toBe('ready');
  });
});
