import { staffApi } from '@sunshine/contracts';
import { Router } from 'express';
import type { CentralMount } from '../route-mount';
import { LoginLockedError } from './login-throttle';
import { login, logout, type StaffAuthDeps } from './staff-auth.service';
import { clearSessionCookie, currentStaff, readCookie, SESSION_COOKIE, setSessionCookie } from './staff-session';

/** Staff sessions: log in (sets the cookie), log out, who am I. */
export function authRoutes(mount: CentralMount, deps: StaffAuthDeps & { secureCookies: boolean }): Router {
  const router = Router();
  mount(router, staffApi.login, async ({ body }, req, res) => {
    const { token, session } = await login(deps, body, req.ip ?? 'unknown').catch((err: unknown) => {
      if (err instanceof LoginLockedError) res.set('retry-after', String(err.retryAfterSeconds));
      throw err;
    });
    setSessionCookie(res, token, deps.secureCookies);
    return session;
  });
  mount(router, staffApi.logout, async (_input, req, res) => {
    await logout(deps, readCookie(req.get('cookie'), SESSION_COOKIE), currentStaff(res).username);
    clearSessionCookie(res);
    return undefined;
  });
  mount(router, staffApi.me, (_input, _req, res) => currentStaff(res));
  return router;
}
