import { AppError, kioskApi } from '@sunshine/contracts';
import { mountRoute } from '@sunshine/service-kit';
import express, { Router, type RequestHandler, type Response } from 'express';
import { intakeComplaint, type IntakeDeps } from './complaint-intake.service';
import type { RateLimit } from './tickets.ports';
import { requireKiosk } from '../fleet/kiosk-auth';

interface ComplaintIntakeRoutesDeps extends IntakeDeps {
  kiosks: Parameters<typeof requireKiosk>[0];
  /** Complaints per kiosk per window. */
  intakeLimit: RateLimit;
}

/** The kiosk `requireKiosk` authenticated for this request. */
const kioskOf = (res: Response): { kioskNumber: string; villageCode: string | null } => res.locals.kiosk;

/**
 * The one route with an 8 MB body (a voice recording in base64), mounted before central's
 * 1 MB JSON parser. It is mounted with its guards spelled out, not by `access` alone: the
 * kiosk is authenticated and rate-limited before its body is read.
 */
export function complaintIntakeRoutes(deps: ComplaintIntakeRoutesDeps): Router {
  const limit: RequestHandler = (_req, res, next) => {
    deps.intakeLimit.take(kioskOf(res).kioskNumber).then((verdict) => {
      if (verdict.allowed) return next();
      res.set('retry-after', String(verdict.retryAfterSeconds));
      next(new AppError('rate_limited', `这台一体机提交反映太频繁，请 ${verdict.retryAfterSeconds} 秒后再试`));
    }, next);
  };
  const router = Router();
  const guards = [requireKiosk(deps.kiosks), limit, express.json({ limit: '8mb' })];
  mountRoute(router, kioskApi.deliverComplaint, guards, async ({ body }, _req, res) => {
    const ack = await intakeComplaint(deps, kioskOf(res), body);
    // A replay is answered 200, not the route's 201: the kiosk already had its ticket made.
    if (ack.duplicate) res.status(200).json(ack);
    return ack;
  });
  return router;
}
