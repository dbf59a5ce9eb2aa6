import crypto from 'node:crypto';
import { AppError, type LoginRequest, type StaffSession } from '@sunshine/contracts';
import type { StaffRecord, StaffRepository } from './staff.repository';
import type { Audited } from '../platform/unit-of-work';
import { sha256 } from '../fleet/enrolment.service';
import { hashPassword, newPassword, verifyPassword } from './passwords';
import type { LoginThrottle } from './login-throttle';

export const SESSION_HOURS = 8;

export interface StaffAuthDeps {
  staff: StaffRepository;
  /** Failed logins per account and per client address (`login-throttle`). */
  loginThrottle: LoginThrottle;
  audited: Audited;
  now: () => Date;
}

// Verifying against a real hash when the user is unknown keeps the answer time the same,
// so response times do not reveal which usernames exist.
const DUMMY_HASH = hashPassword('not-a-real-password');

/**
 * Checks the password and opens a session, audited with it; the token goes to the cookie, only
 * its hash is kept. Only failures count toward the login limits; a locked account or address
 * is refused before its password is checked.
 */
export async function login(deps: StaffAuthDeps, request: LoginRequest, clientAddress: string): Promise<{ token: string; session: StaffSession }> {
  const staff = await deps.loginThrottle.guard(request.username, clientAddress, async () => {
    const found = await deps.staff.find(request.username);
    const isRight = await verifyPassword(request.password, found?.passwordHash ?? (await DUMMY_HASH));
    return found && isRight && !found.disabledAt ? found : null;
  });
  if (!staff) throw new AppError('unauthorized', '用户名或密码不正确');
  const token = crypto.randomBytes(32).toString('base64url');
  const now = deps.now();
  const session = { tokenHash: sha256(token), username: staff.username, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString() };
  await deps.audited((tx) => tx.staff.createSession(session), () => ({ actor: staff.username, action: 'auth.login', target: staff.username }));
  return { token, session: toSession(staff) };
}

export async function authenticateStaff(deps: Pick<StaffAuthDeps, 'staff' | 'now'>, token: string | undefined): Promise<StaffSession> {
  const staff = token ? await deps.staff.findSession(sha256(token), deps.now().toISOString()) : null;
  if (!staff) throw new AppError('unauthorized', '请先登录');
  return toSession(staff);
}

export const toSession = (s: StaffRecord): StaffSession => ({ username: s.username, displayName: s.displayName, role: s.role, department: s.department });

/**
 * Makes sure the demo admin exists. With a configured password it is set on every start;
 * without one, a random password is made on first start only and returned to be printed once.
 */
export async function ensureAdmin(deps: Pick<StaffAuthDeps, 'staff' | 'now'>, configured: string | undefined): Promise<string | null> {
  const existing = await deps.staff.find('admin');
  if (configured) {
    const hash = await hashPassword(configured);
    if (existing) {
      // The configured demo admin always works after a restart, even if it was disabled.
      await deps.staff.setPassword('admin', hash);
      await deps.staff.setDisabled('admin', null);
    }
    else await deps.staff.create({ username: 'admin', displayName: '系统管理员', role: 'admin', department: null, passwordHash: hash, createdAt: deps.now().toISOString() });
    return null;
  }
  if (existing) return null;
  const password = newPassword();
  await deps.staff.create({ username: 'admin', displayName: '系统管理员', role: 'admin', department: null, passwordHash: await hashPassword(password), createdAt: deps.now().toISOString() });
  return password;
}
