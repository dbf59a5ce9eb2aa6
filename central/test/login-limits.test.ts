import { ApiCallError, staffApi } from '@sunshine/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, refusal } from './factories';
import { createStaffAccount, staffClient, startTestCentral, TEST_ADMIN_PASSWORD, type TestCentral } from './harness';

const login = (central: TestCentral, username: string, password: string) => apiClient(central.url).call(staffApi.login, { body: { username, password } });
/** `[200, 'ok']` for a login that succeeded, else the refusal's status and code. */
const answer = (call: Promise<unknown>) =>
  call.then(
    () => [200, 'ok'],
    (err: unknown) => (err instanceof ApiCallError ? [err.status, err.code] : Promise.reject(err)),
  );

// Every login here comes from 127.0.0.1: one address, as a township office behind one router.
describe('login limits', () => {
  let central: TestCentral;
  beforeEach(async () => {
    central = await startTestCentral();
    for (const username of ['clerk1', 'clerk2']) await createStaffAccount(central, { username, displayName: '乡镇办事员', role: 'viewer', password: `${username}-password` });
  });
  afterEach(() => central.close());

  it('lets 30 successful logins in a row from one address all succeed', async () => {
    for (let i = 0; i < 30; i++) expect(await answer(login(central, i % 2 ? 'clerk1' : 'clerk2', i % 2 ? 'clerk1-password' : 'clerk2-password'))).toEqual([200, 'ok']);
  });

  it('locks an account after 5 wrong passwords with 429 login_locked and Retry-After, but not another account at the same address', async () => {
    for (let i = 0; i < 5; i++) expect(await answer(login(central, 'clerk1', `guess-${i}`))).toEqual([401, 'wrong_password']);
    const sixth = await refusal(login(central, 'clerk1', 'guess-5'));
    expect([sixth.status, sixth.code, sixth.message]).toEqual([429, 'login_locked', '这个账号密码错误次数太多，已暂时锁定，请15分钟后再试']);
    expect(sixth.retryAfterMs).toBeGreaterThan(800_000);
    expect(await answer(login(central, 'clerk1', 'clerk1-password'))).toEqual([429, 'login_locked']);
    expect(await answer(login(central, 'clerk2', 'clerk2-password'))).toEqual([200, 'ok']);
    expect(await answer(login(central, 'admin', TEST_ADMIN_PASSWORD))).toEqual([200, 'ok']);
  });

  it("clears an account's wrong passwords when it logs in", async () => {
    for (let i = 0; i < 4; i++) expect(await answer(login(central, 'clerk1', `guess-${i}`))).toEqual([401, 'wrong_password']);
    expect(await answer(login(central, 'clerk1', 'clerk1-password'))).toEqual([200, 'ok']);
    for (let i = 0; i < 4; i++) expect(await answer(login(central, 'clerk1', `again-${i}`))).toEqual([401, 'wrong_password']);
    expect(await answer(login(central, 'clerk1', 'clerk1-password'))).toEqual([200, 'ok']);
  });

  it("counts the right password of a disabled account as a failed login, refused with account_disabled", async () => {
    const admin = await staffClient(central, 'admin', TEST_ADMIN_PASSWORD);
    await admin.call(staffApi.updateAccount, { params: { username: 'clerk1' }, body: { disabled: true } });
    for (let i = 0; i < 5; i++) expect(await answer(login(central, 'clerk1', 'clerk1-password'))).toEqual([403, 'account_disabled']);
    await admin.call(staffApi.updateAccount, { params: { username: 'clerk1' }, body: { disabled: false } });
    expect(await answer(login(central, 'clerk1', 'clerk1-password'))).toEqual([429, 'login_locked']);
  });

  it('lets no more than 5 guesses through when they arrive all at once', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, async (_, i) => (await answer(login(central, 'clerk1', `guess-${i}`)))[0]));
    expect(answers.filter((s) => s === 401)).toHaveLength(5);
    expect(answers.filter((s) => s === 429)).toHaveLength(7);
  });

  it('locks the address after 20 failures spread over accounts; successes in between do not count', async () => {
    const names = ['a1', 'a2', 'a3', 'a4', 'a5'];
    for (let i = 0; i < 20; i++) {
      expect(await answer(login(central, names[i % 5] ?? 'a1', `guess-${i}`))).toEqual([401, 'wrong_password']);
      if (i % 4 === 0) expect(await answer(login(central, 'clerk2', 'clerk2-password'))).toEqual([200, 'ok']);
    }
    const locked = await refusal(login(central, 'clerk2', 'clerk2-password'));
    expect([locked.status, locked.code, locked.message]).toEqual([429, 'login_locked', '从这个网络地址登录失败的次数太多，请15分钟后再试']);
    expect(locked.retryAfterMs).toBeGreaterThan(0);
    expect(locked.details).toMatchObject({ scope: 'address' });
  });
});
