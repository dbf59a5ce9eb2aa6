import { AppError, PrintJob, PrintPaymentStatement, PrintProjectSummary, type PrinterState } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { PrintQueue } from './print-queue';
import type { ReceiptModel } from './receipt-model';

// Thin transport: parse, build the receipt model, queue it, answer 202 { jobId }.

const ComplaintBody = z.object({ ticketNumber: z.string().max(32) });
const EmptyBody = z.object({}).optional();

export interface PrintRoutesDeps {
  queue: PrintQueue;
  paymentStatement(idNumber: string): ReceiptModel;
  complaintReceipt(ticketNumber: string): Promise<ReceiptModel>;
  projectSummary(projectId: string): ReceiptModel;
  testPage(): ReceiptModel;
  printerState(): PrinterState;
}

function toPublic(job: PrintJob): PrintJob {
  return PrintJob.parse(job);
}

export function printRoutes(d: PrintRoutesDeps): Router {
  const accept = (res: Response, model: ReceiptModel) => {
    res.status(202).json({ jobId: d.queue.enqueue(model) });
  };
  const findJob = (jobId: string) => {
    const job = d.queue.get(jobId);
    if (!job) throw new AppError('not_found', '没有这个打印任务。');
    return job;
  };

  return Router()
    .post('/api/print/payment-statement', (req, res) => {
      const { idNumber } = parseInput(PrintPaymentStatement, req.body);
      accept(res, d.paymentStatement(idNumber));
    })
    .post('/api/print/complaint-receipt', async (req, res) => {
      const { ticketNumber } = parseInput(ComplaintBody, req.body);
      accept(res, await d.complaintReceipt(ticketNumber));
    })
    .post('/api/print/project-summary', (req, res) => {
      const { projectId } = parseInput(PrintProjectSummary, req.body);
      accept(res, d.projectSummary(projectId));
    })
    .post('/api/print/test-page', (req, res) => {
      parseInput(EmptyBody, req.body);
      accept(res, d.testPage());
    })
    .get('/api/print/jobs/:jobId', (req, res) => {
      res.json(toPublic(findJob(req.params.jobId)));
    })
    .post('/api/print/jobs/:jobId/retry', (req, res) => {
      const job = findJob(req.params.jobId);
      if (job.state === 'queued' || job.state === 'printing') {
        res.status(202).json({ jobId: job.jobId });
        return;
      }
      if (job.state === 'done') throw new AppError('conflict', '这张凭条已经打印好了。');
      if (!d.queue.retry(job.jobId)) throw new AppError('conflict', '打印内容已过期，请重新查询后再打印。');
      res.status(202).json({ jobId: job.jobId });
    })
    .get('/api/printer', (_req, res) => {
      res.json({ state: d.printerState() });
    });
}
