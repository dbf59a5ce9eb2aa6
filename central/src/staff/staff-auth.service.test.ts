import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle';
import { hashPassword } from './passwords';
import { authenticateStaff, hashSessionToken, login, logout } from './staff-auth.service';
import { createMemoryStaffStore } from './staff-store.memory';

let clock = new Date('2026-11-26T08:00:00.000Z');
const now = () => clock;

async function withClerk() {
  const store = createMemoryStaffStore();
  await store.staff.create({ username: 'clerk', displayName: '办事员', role: 'viewer', department: null, passwordHash: await hashPassword('clerk-password'), createdAt: now().toISOString() });
  return { ...store, deps: { ...store, loginThrottle: createLoginThrottle(), now } };
}

describe('staff sessions', () => {
  it('opens a session whose token only the cookie holds, audited as auth.login', async () => {
    const { sessions, notes, deps } = await withClerk();
    const { token, session } = await login(deps, { username: 'clerk', password: 'clerk-password' }, '10.0.0.1');
    expect(session).toEqual({ username: 'clerk', displayName: '办事员', role: 'viewer', department: null });
    expect([...sessions.keys()]).toEqual([hashSessionToken(token)]);
    expect(notes).toEqual([{ actor: 'clerk', action: 'auth.login', target: 'clerk' }]);
    expect(await authenticateStaff(deps, token)).toMatchObject({ username: 'clerk' });
  });

  it('answers a wrong password and an unknown username alike, and the right password of a disabled account with account_disabled', async () => {
    const { staff, notes, deps } = await withClerk();
    const wrong = { code: 'wrong_password', status: 401, message: '用户名或密码不正确' };
    await expect(login(deps, { username: 'clerk', password: 'guess' }, '10.0.0.1')).rejects.toMatchObject(wrong);
    await expect(login(deps, { username: 'nobody', password: 'guess' }, '10.0.0.1')).rejects.toMatchObject(wrong);
    await staff.setDisabled('clerk', now().toISOString());
    await expect(login(deps, { username: 'clerk', password: 'clerk-password' }, '10.0.0.1')).rejects.toMatchObject({ code: 'account_disabled', status: 403 });
    await expect(login(deps, { username: 'clerk', password: 'guess' }, '10.0.0.1')).rejects.toMatchObject(wrong);
    expect(notes).toEqual([]);
  });

  it('tells a missing token (unauthorized) from a session that has ended (session_expired): expired, or logged out', async () => {
    const { deps } = await withClerk();
    await expect(authenticateStaff(deps, undefined)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    const first = await login(deps, { username: 'clerk', password: 'clerk-password' }, '10.0.0.1');
    clock = new Date(clock.getTime() + 9 * 3_600_000);
    await expect(authenticateStaff(deps, first.token)).rejects.toMatchObject({ code: 'session_expired', status: 401 });
    const second = await login(deps, { username: 'clerk', password: 'clerk-password' }, '10.0.0.1');
    await logout(deps, second.token, 'clerk');
    await expect(authenticateStaff(deps, second.token)).rejects.toMatchObject({ code: 'session_expired', status: 401 });
  });
});
