import { AppError } from '@sunshine/contracts';
import type { RequestHandler, Response } from 'express';
import type { KioskCredentials, KioskRecord } from './fleet.ports';
import { sha256 } from './enrolment.service';

/** Finds the kiosk that owns a bearer token; a revoked or unknown token is refused. */
export async function authenticateKiosk(kiosks: KioskCredentials, token: string | undefined): Promise<KioskRecord> {
  if (!token) throw new AppError('unauthorized', '这台一体机没有凭证，请先开通（this kiosk has no credential: enrol it first）。');
  const kiosk = await kiosks.findByTokenHash(sha256(token));
  if (!kiosk) throw new AppError('unauthorized', '中心不认识这台一体机的凭证（this kiosk credential is not known）。');
  if (kiosk.revokedAt) throw new AppError('kiosk_revoked', `${kiosk.kioskNumber} 号一体机已被停用，需要重新开通（this kiosk has been revoked）。`);
  return kiosk;
}

/** Express middleware: `Authorization: Bearer <token>` → `res.locals.kiosk`. */
export function requireKiosk(kiosks: KioskCredentials): RequestHandler {
  return (req, res, next) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    authenticateKiosk(kiosks, token).then((kiosk) => {
      res.locals.kiosk = kiosk;
      next();
    }, next);
  };
}

/** The kiosk `requireKiosk` authenticated for this request. */
export function currentKiosk(res: Response): KioskRecord {
  const kiosk: KioskRecord = res.locals.kiosk;
  return kiosk;
}
