import { agentPrintingApi as api } from '@sunshine/contracts';
import { Router } from 'express';
import { mount } from '../route-mount';
import type { PrintingService } from './printing.service';

/** `agentPrintingApi`: a print request answers 202 with its job at once. */
export function printRoutes(printing: PrintingService): Router {
  const router = Router();
  mount(router, api.printPaymentStatement, ({ body }) => printing.printPaymentStatement(body.idNumber));
  mount(router, api.printComplaintReceipt, ({ body }) => printing.printComplaintReceipt(body.ticketNumber));
  mount(router, api.printProjectSummary, ({ body }) => printing.printProjectSummary(body.projectId));
  mount(router, api.printTestPage, () => printing.printTestPage());
  mount(router, api.getPrintJob, ({ params }) => printing.job(params.jobId));
  mount(router, api.retryPrintJob, ({ params }) => printing.retry(params.jobId));
  mount(router, api.printerStatus, () => printing.printer());
  return router;
}
