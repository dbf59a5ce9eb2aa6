import type { StaffSession } from '@sunshine/contracts';
import type { RequestHandler, Response } from 'express';
import type { AuditRepository } from '../audit/audit.repository';
import type { StaffRepository } from './staff.repository';
import type { Audited } from '../platform/unit-of-work';
import { assertCan, type Permission } from './permissions';
import { authenticateStaff, SESSION_HOURS } from './staff-auth.service';
import type { StaffAccountReader } from './staff.ports';

export const SESSION_COOKIE = 'sunshine_session';

/** The value of one cookie from the `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** httpOnly (no script can read it) and SameSite=Strict (no other site can send it). */
export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_HOURS * 3_600_000 });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
}

export interface StaffHttpDeps {
  staff: StaffRepository;
  /** The audit log, for reading; entries are written by `audited`, with their action. */
  audit: AuditRepository;
  audited: Audited;
  now: () => Date;
}

/** Session cookie → `res.locals.staff`; with a permission, also checks the role. */
export function requireStaff(deps: { staff: Pick<StaffAccountReader, 'findSession'>; now: () => Date }, permission?: Permission): RequestHandler {
  return (req, res, next) => {
    authenticateStaff(deps, readCookie(req.get('cookie'), SESSION_COOKIE))
      .then((staff) => {
        if (permission) assertCan(staff, permission);
        res.locals.staff = staff;
      })
      .then(() => next(), next);
  };
}

export function currentStaff(res: Response): StaffSession {
  const staff: StaffSession = res.locals.staff;
  return staff;
}
