import { LoginRequest } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { sha256 } from '../fleet/enrolment.service';
import { LoginLockedError } from './login-throttle';
import { login, type StaffAuthDeps } from './staff-auth.service';
import { clearSessionCookie, currentStaff, readCookie, requireStaff, SESSION_COOKIE, setSessionCookie, type StaffHttpDeps } from './staff-session';

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. */
export function authRoutes(deps: StaffAuthDeps & StaffHttpDeps & { secureCookies: boolean }): Router {
  const router = Router();
  router.post('/api/auth/login', async (req, res) => {
    const request = parseInput(LoginRequest, req.body);
    const { token, session } = await login(deps, request, req.ip ?? 'unknown').catch((err: unknown) => {
      if (err instanceof LoginLockedError) res.set('retry-after', String(err.retryAfterSeconds));
      throw err;
    });
    setSessionCookie(res, token, deps.secureCookies);
    res.json(session);
  });
  router.post('/api/auth/logout', requireStaff(deps), async (req, res) => {
    const token = readCookie(req.get('cookie'), SESSION_COOKIE);
    const { username } = currentStaff(res);
    await deps.audited(async (tx) => {
      if (token) await tx.staff.deleteSession(sha256(token));
    }, () => ({ actor: username, action: 'auth.logout', target: username }));
    clearSessionCookie(res);
    res.status(204).end();
  });
  router.get('/api/auth/me', requireStaff(deps), (_req, res) => {
    res.json(currentStaff(res));
  });
  return router;
}
