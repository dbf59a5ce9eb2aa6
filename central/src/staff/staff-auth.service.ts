import crypto from 'node:crypto';
import { AppError, type LoginRequest, type StaffSession } from '@sunshine/contracts';
import type { LoginThrottle } from './login-throttle';
import { hashPassword, newPassword, verifyPassword } from './passwords';
import type { AuditedStaffAction, StaffAccountReader, StaffAccountWriter, StaffRecord } from './staff.ports';

export const SESSION_HOURS = 8;

export interface StaffAuthDeps {
  staff: StaffAccountReader;
  /** Failed logins per account and per client address (`login-throttle`). */
  loginThrottle: Pick<LoginThrottle, 'guard'>;
  audited: AuditedStaffAction;
  now: () => Date;
}

/** Session tokens are kept as their sha256 only: a copy of the store opens no session. */
export const hashSessionToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

// Verifying against a real hash when the user is unknown keeps the answer time the same,
// so response times do not reveal which usernames exist.
const DUMMY_HASH = hashPassword('not-a-real-password');

/**
 * Checks the password and opens a session, audited with it; the token goes to the cookie, only
 * its hash is kept. Only failures count toward the login limits (the right password of a
 * disabled account is one); a locked account or address is refused before its password is
 * checked. A wrong password and an unknown username get the same answer.
 */
export async function login(deps: StaffAuthDeps, request: LoginRequest, clientAddress: string): Promise<{ token: string; session: StaffSession }> {
  // Set by the attempt: the right password of a disabled account fails like a wrong one, and says why.
  const verdict = { isDisabled: false };
  const staff = await deps.loginThrottle.guard(request.username, clientAddress, async () => {
    const found = await deps.staff.find(request.username);
    const isRight = await verifyPassword(request.password, found?.passwordHash ?? (await DUMMY_HASH));
    if (!found || !isRight) return null;
    verdict.isDisabled = found.disabledAt !== null;
    return verdict.isDisabled ? null : found;
  });
  if (verdict.isDisabled) throw new AppError('account_disabled', '这个账号已停用，请联系管理员');
  if (!staff) throw new AppError('wrong_password', '用户名或密码不正确');
  const token = crypto.randomBytes(32).toString('base64url');
  const now = deps.now();
  const session = { tokenHash: hashSessionToken(token), username: staff.username, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString() };
  await deps.audited((tx) => tx.staff.createSession(session), () => ({ actor: staff.username, action: 'auth.login', target: staff.username }));
  return { token, session: toSession(staff) };
}

/** Ends the session of `token` (if the cookie still carries one), audited. */
export async function logout(deps: Pick<StaffAuthDeps, 'audited'>, token: string | undefined, username: string): Promise<void> {
  await deps.audited(
    async (tx) => {
      if (token) await tx.staff.deleteSession(hashSessionToken(token));
    },
    () => ({ actor: username, action: 'auth.logout', target: username }),
  );
}

/** The staff member of a live session: 401 `unauthorized` without a token, `session_expired` when its session has ended. */
export async function authenticateStaff(deps: { staff: Pick<StaffAccountReader, 'findSession'>; now: () => Date }, token: string | undefined): Promise<StaffSession> {
  if (!token) throw new AppError('unauthorized', '请先登录');
  const staff = await deps.staff.findSession(hashSessionToken(token), deps.now().toISOString());
  if (!staff) throw new AppError('session_expired', '登录已过期，请重新登录');
  return toSession(staff);
}

export const toSession = (s: StaffRecord): StaffSession => ({ username: s.username, displayName: s.displayName, role: s.role, department: s.department });

/**
 * Makes sure the demo admin exists. With a configured password it is set on every start;
 * without one, a random password is made on first start only and returned to be printed once.
 */
export async function ensureAdmin(deps: { staff: Pick<StaffAccountReader, 'find'> & StaffAccountWriter; now: () => Date }, configured: string | undefined): Promise<string | null> {
  const existing = await deps.staff.find('admin');
  const admin = { username: 'admin', displayName: '系统管理员', role: 'admin', department: null, createdAt: deps.now().toISOString() } as const;
  if (configured) {
    const hash = await hashPassword(configured);
    if (existing) {
      // The configured demo admin always works after a restart, even if it was disabled.
      await deps.staff.setPassword('admin', hash);
      await deps.staff.setDisabled('admin', null);
    } else await deps.staff.create({ ...admin, passwordHash: hash });
    return null;
  }
  if (existing) return null;
  const password = newPassword();
  await deps.staff.create({ ...admin, passwordHash: await hashPassword(password) });
  return password;
}
