import { AppError, ComplaintIntake } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import express, { Router, type RequestHandler } from 'express';
import type { KioskRecord, KioskRepository } from '../fleet/kiosks.repository';
import { intakeComplaint, type IntakeDeps } from './complaint-intake.service';
import type { RateLimiter } from './rate-limit';
import type { StaffEvents } from '../staff/staff-socket';
import { requireKiosk } from '../fleet/kiosk-auth';

export const COMPLAINT_INTAKE_PATH = '/api/kiosk-api/complaints';

export interface ComplaintIntakeRoutesDeps extends IntakeDeps {
  kiosks: KioskRepository;
  /** Complaints per kiosk per window. */
  intakeLimiter: RateLimiter;
  staffEvents: StaffEvents;
}

/**
 * `POST /api/kiosk-api/complaints`: the one route with an 8 MB body (a voice recording in
 * base64). The kiosk is authenticated and rate-limited before its body is read.
 */
export function complaintIntakeRoutes(deps: ComplaintIntakeRoutesDeps): Router {
  const limit: RequestHandler = (_req, res, next) => {
    const kiosk: KioskRecord = res.locals.kiosk;
    const verdict = deps.intakeLimiter.take(kiosk.kioskNumber);
    if (verdict.allowed) return next();
    res.set('retry-after', String(verdict.retryAfterSeconds));
    next(new AppError('rate_limited', `Too many complaints from this kiosk; retry in ${verdict.retryAfterSeconds} s.`));
  };
  return Router().post(COMPLAINT_INTAKE_PATH, requireKiosk(deps.kiosks), limit, express.json({ limit: '8mb' }), async (req, res) => {
    const intake = parseInput(ComplaintIntake, req.body);
    const kiosk: KioskRecord = res.locals.kiosk;
    const ack = await intakeComplaint(deps, kiosk, intake);
    if (!ack.duplicate) deps.staffEvents['ticket:changed']({ ticketNumber: ack.ticketNumber, status: 'received' });
    res.status(ack.duplicate ? 200 : 201).json(ack);
  });
}
