import { ApiError } from '@sunshine/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client } from './factories';
import { adminClient, startTestCentral, TEST_ADMIN_PASSWORD, type TestCentral } from './harness';

const login = (central: TestCentral, username: string, password: string) => client(central.url).post('/api/auth/login', { username, password });
const answer = async (res: Response) => [res.status, res.status === 200 ? 'ok' : ApiError.parse(await res.json()).error.code];

// Every login here comes from 127.0.0.1: one address, as a township office behind one router.
describe('login limits', () => {
  let central: TestCentral;
  beforeEach(async () => {
    central = await startTestCentral();
    const admin = await adminClient(central.url);
    for (const username of ['clerk1', 'clerk2']) await admin.post('/api/staff', { username, displayName: '乡镇办事员', role: 'viewer', password: `${username}-password` });
  });
  afterEach(() => central.close());

  it('lets 30 successful logins in a row from one address all succeed', async () => {
    for (let i = 0; i < 30; i++) expect(await answer(await login(central, i % 2 ? 'clerk1' : 'clerk2', i % 2 ? 'clerk1-password' : 'clerk2-password'))).toEqual([200, 'ok']);
  });

  it('locks an account after 5 wrong passwords with 429 login_locked and Retry-After, but not another account at the same address', async () => {
    for (let i = 0; i < 5; i++) expect(await answer(await login(central, 'clerk1', `guess-${i}`))).toEqual([401, 'unauthorized']);
    const sixth = await login(central, 'clerk1', 'guess-5');
    const error = ApiError.parse(await sixth.json()).error;
    expect([sixth.status, error.code, error.message]).toEqual([429, 'login_locked', '这个账号密码错误次数太多，已暂时锁定，请15分钟后再试']);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await answer(await login(central, 'clerk1', 'clerk1-password'))).toEqual([429, 'login_locked']);
    expect(await answer(await login(central, 'clerk2', 'clerk2-password'))).toEqual([200, 'ok']);
    expect(await answer(await login(central, 'admin', TEST_ADMIN_PASSWORD))).toEqual([200, 'ok']);
  });

  it("clears an account's wrong passwords when it logs in", async () => {
    for (let i = 0; i < 4; i++) await login(central, 'clerk1', `guess-${i}`);
    expect(await answer(await login(central, 'clerk1', 'clerk1-password'))).toEqual([200, 'ok']);
    for (let i = 0; i < 4; i++) expect(await answer(await login(central, 'clerk1', `again-${i}`))).toEqual([401, 'unauthorized']);
    expect(await answer(await login(central, 'clerk1', 'clerk1-password'))).toEqual([200, 'ok']);
  });

  it('lets no more than 5 guesses through when they arrive all at once', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, async (_, i) => (await answer(await login(central, 'clerk1', `guess-${i}`)))[0]));
    expect(answers.filter((s) => s === 401)).toHaveLength(5);
    expect(answers.filter((s) => s === 429)).toHaveLength(7);
  });

  it('locks the address after 20 failures spread over accounts; successes in between do not count', async () => {
    const names = ['a1', 'a2', 'a3', 'a4', 'a5'];
    for (let i = 0; i < 20; i++) {
      expect(await answer(await login(central, names[i % 5] ?? 'a1', `guess-${i}`))).toEqual([401, 'unauthorized']);
      if (i % 4 === 0) expect(await answer(await login(central, 'clerk2', 'clerk2-password'))).toEqual([200, 'ok']);
    }
    const locked = await login(central, 'clerk2', 'clerk2-password');
    const error = ApiError.parse(await locked.json()).error;
    expect([locked.status, error.code, error.message]).toEqual([429, 'login_locked', '从这个网络地址登录失败的次数太多，请15分钟后再试']);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
