import { auditApi, staffApi, ticketsApi, urlOf, type ApiClient } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, refusal } from './factories';
import { adminApiClient, createStaffAccount, loginAs, staffClient, startTestCentral, TEST_ADMIN_PASSWORD, type TestCentral } from './harness';

const codeOf = async (call: Promise<unknown>) => {
  const { status, code } = await refusal(call);
  return [status, code];
};

describe('staff login and accounts', () => {
  let central: TestCentral;
  let admin: ApiClient;
  const anonymous = () => apiClient(central.url);
  const login = (username: string, password: string) => anonymous().call(staffApi.login, { body: { username, password } });
  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminApiClient(central.url);
  });
  afterAll(() => central.close());

  it('logs the admin in with an httpOnly SameSite=Strict session cookie', async () => {
    const res = await fetch(central.url + staffApi.login.path, {
      method: staffApi.login.method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(staffApi.login.response.parse(await res.json())).toMatchObject({ username: 'admin', role: 'admin' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sunshine_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('refuses a wrong password and an unknown username alike with 401 wrong_password and no cookie, and bad input with 400', async () => {
    const wrong = await fetch(central.url + staffApi.login.path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'nope-nope' }) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const unknown = await refusal(login('nobody', 'nope-nope'));
    const wrongAgain = await refusal(login('admin', 'nope-nope'));
    expect([unknown.status, unknown.code, unknown.message]).toEqual([401, 'wrong_password', '用户名或密码不正确']);
    expect([wrongAgain.status, wrongAgain.code, wrongAgain.message]).toEqual([401, 'wrong_password', '用户名或密码不正确']);
    // A body the route's schema refuses never reaches the password check.
    const missing = await fetch(central.url + staffApi.login.path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin' }) });
    expect(missing.status).toBe(400);
    expect(await codeOf(login('admin', 'x'.repeat(2 * 1024 * 1024)))).toEqual([413, 'payload_too_large']);
  });

  it('answers 401 unauthorized to the ticket queue without a session, and 401 session_expired to the cookie of a logged-out session', async () => {
    expect(await codeOf(anonymous().call(ticketsApi.list, { query: {} }))).toEqual([401, 'unauthorized']);
    const session = await staffClient(central, 'admin', TEST_ADMIN_PASSWORD);
    expect(await session.call(staffApi.me)).toMatchObject({ username: 'admin' });
    await session.call(staffApi.logout);
    const expired = await refusal(session.call(ticketsApi.list, { query: {} }));
    expect([expired.status, expired.code, expired.message]).toEqual([401, 'session_expired', '登录已过期，请重新登录']);
  });

  it('lets the admin create accounts, which then log in with their role; other roles get missing_permission and change nothing', async () => {
    expect(await admin.call(staffApi.createAccount, { body: { username: 'viewer1', displayName: '查看员', role: 'viewer', password: 'viewer-password' } })).toEqual({
      username: 'viewer1',
      displayName: '查看员',
      role: 'viewer',
      department: null,
    });
    const viewer = await staffClient(central, 'viewer1', 'viewer-password');
    expect(await viewer.call(staffApi.me)).toMatchObject({ username: 'viewer1', role: 'viewer', department: null });
    const sneaky = viewer.call(staffApi.createAccount, { body: { username: 'sneaky', displayName: 'x', role: 'admin', password: 'sneaky-password' } });
    expect(await codeOf(sneaky)).toEqual([403, 'missing_permission']);
    expect(await central.db.selectFrom('staff').select('username').where('username', '=', 'sneaky').executeTakeFirst()).toBeUndefined();
    expect((await admin.call(staffApi.listAccounts)).map((a) => a.username)).toEqual(['admin', 'viewer1']);
  });

  it('lets the admin disable an account, which ends its session, and reset a password', async () => {
    await createStaffAccount(central, { username: 'handler1', displayName: '办理员', role: 'handler', password: 'handler-password' });
    const handler = await staffClient(central, 'handler1', 'handler-password');
    expect(await handler.call(ticketsApi.list, { query: {} })).toMatchObject({ total: 0 });
    const update = (username: string, body: { password?: string; disabled?: boolean }) => admin.call(staffApi.updateAccount, { params: { username }, body });

    await update('handler1', { disabled: true });
    expect(await codeOf(handler.call(ticketsApi.list, { query: {} }))).toEqual([401, 'session_expired']);
    const disabled = await refusal(login('handler1', 'handler-password'));
    expect([disabled.status, disabled.code, disabled.message]).toEqual([403, 'account_disabled', '这个账号已停用，请联系管理员']);
    // A disabled account's wrong password says nothing about the account.
    expect(await codeOf(login('handler1', 'not-the-password'))).toEqual([401, 'wrong_password']);

    await update('handler1', { password: 'a-new-password' });
    expect(await codeOf(login('handler1', 'a-new-password'))).toEqual([403, 'account_disabled']);
    await update('handler1', { disabled: false });
    expect(await login('handler1', 'a-new-password')).toMatchObject({ username: 'handler1' });
    expect(await codeOf(login('handler1', 'handler-password'))).toEqual([401, 'wrong_password']);
  });

  it('refuses an update of an unknown account, disabling oneself and an empty update, changing nothing', async () => {
    const update = (username: string, body: { password?: string; disabled?: boolean }) => admin.call(staffApi.updateAccount, { params: { username }, body });
    const before = await central.db.selectFrom('staff').selectAll().orderBy('username').execute();
    const unknown = await refusal(update('nobody', { disabled: true }));
    expect([unknown.status, unknown.code, unknown.message]).toEqual([404, 'unknown_account', '没有用户 nobody']);
    const self = await refusal(update('admin', { disabled: true }));
    expect([self.status, self.code, self.message]).toEqual([409, 'cannot_disable_self', '不能停用自己的账号']);
    expect(await codeOf(update('handler1', {}))).toEqual([400, 'bad_request']);
    expect(await central.db.selectFrom('staff').selectAll().orderBy('username').execute()).toEqual(before);
    expect(await admin.call(staffApi.me)).toMatchObject({ username: 'admin' });
  });

  it('refuses a duplicate username with 409 username_taken and a publisher without a department with 400', async () => {
    const again = await refusal(admin.call(staffApi.createAccount, { body: { username: 'viewer1', displayName: '又一个', role: 'viewer', password: 'another-password' } }));
    expect([again.status, again.code, again.message]).toEqual([409, 'username_taken', '用户名 viewer1 已存在']);
    expect(await central.db.selectFrom('staff').select('display_name').where('username', '=', 'viewer1').executeTakeFirst()).toEqual({ display_name: '查看员' });
    const noDept = admin.call(staffApi.createAccount, { body: { username: 'pub1', displayName: '发布员', role: 'publisher', password: 'publisher-password' } });
    expect(await codeOf(noDept)).toEqual([400, 'bad_request']);
  });

  it('keeps a hash-chained audit log that verifies, and detects an edited row', async () => {
    const verdict = await admin.call(auditApi.verify);
    expect(verdict.ok).toBe(true);
    expect(verdict.entries).toBeGreaterThan(2);
    const log = await admin.call(auditApi.list, { query: { limit: 100 } });
    expect(log.items.map((e) => e.action)).toEqual(expect.arrayContaining(['staff.create', 'staff.update', 'auth.login', 'auth.logout']));
    expect(log.items.find((e) => e.action === 'staff.create' && e.target === 'viewer1')).toMatchObject({ actor: 'admin', details: { role: 'viewer', department: null } });

    await central.db.updateTable('audit_log').set({ actor: 'someone-else' }).where('id', '=', 2).execute();
    expect(await admin.call(auditApi.verify)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('exports a page of the audit log as CSV, details as their JSON text', async () => {
    const csv = await fetch(central.url + urlOf(auditApi.list, { query: { format: 'csv', limit: 500 } }), { headers: { cookie: await loginAs(central.url, 'admin', TEST_ADMIN_PASSWORD) } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    // Decoded keeping the BOM, which Excel needs to read the file as UTF-8.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFFid,at,actor,action,target,details,hash\r\n')).toBe(true);
    expect(text).toContain(',admin,staff.create,viewer1,"{""role"":""viewer"",""department"":null}",');
  });
});
