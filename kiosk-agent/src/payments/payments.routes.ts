import { agentVillagerApi } from '@sunshine/contracts';
import { Router } from 'express';
import { mount } from '../route-mount';
import type { PaymentsService } from './payments.service';

/** 查补贴: a person's payments by ID number; the number is hashed, never stored or logged. */
export function paymentsRoutes(payments: PaymentsService): Router {
  const router = Router();
  mount(router, agentVillagerApi.lookupPayments, ({ body }) => payments.lookup(body.idNumber));
  return router;
}
