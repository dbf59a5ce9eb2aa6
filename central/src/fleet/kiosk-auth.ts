import { AppError } from '@sunshine/contracts';
import type { RequestHandler } from 'express';
import type { KioskRecord, KioskRepository } from './kiosks.repository';
import { sha256 } from './enrolment.service';

/** Finds the kiosk that owns a bearer token; a revoked or unknown token is refused. */
export async function authenticateKiosk(kiosks: KioskRepository, token: string | undefined): Promise<KioskRecord> {
  if (!token) throw new AppError('unauthorized', 'This kiosk has no credential. Enrol it first.');
  const kiosk = await kiosks.findByTokenHash(sha256(token));
  if (!kiosk) throw new AppError('unauthorized', 'This kiosk credential is not known.');
  if (kiosk.revokedAt) throw new AppError('forbidden', 'This kiosk has been revoked.');
  return kiosk;
}

/** Express middleware: `Authorization: Bearer <token>` → `res.locals.kiosk`. */
export function requireKiosk(kiosks: KioskRepository): RequestHandler {
  return (req, res, next) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    authenticateKiosk(kiosks, token).then((kiosk) => {
      res.locals.kiosk = kiosk;
      next();
    }, next);
  };
}
