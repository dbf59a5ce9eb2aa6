import { ApiError, AuditLogEntry, AuditVerification, Page, StaffSession } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, loginAs } from './factories';
import { adminCookie, adminClient, startTestCentral, TEST_ADMIN_PASSWORD, type TestCentral } from './harness';

const errorCode = async (res: Response) => ApiError.parse(await res.json()).error.code;

describe('staff login and accounts', () => {
  let central: TestCentral;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminClient(central.url);
  });
  afterAll(() => central.close());

  it('logs the admin in with an httpOnly SameSite=Strict session cookie', async () => {
    const res = await client(central.url).post('/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(StaffSession.parse(await res.json())).toMatchObject({ username: 'admin', role: 'admin' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sunshine_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('refuses a wrong password with 401 and no cookie, and bad input with 400', async () => {
    const wrong = await client(central.url).post('/api/auth/login', { username: 'admin', password: 'nope-nope' });
    expect([wrong.status, await errorCode(wrong)]).toEqual([401, 'unauthorized']);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await client(central.url).post('/api/auth/login', { username: 'admin' })).status).toBe(400);
    const oversize = await client(central.url).post('/api/auth/login', { username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) });
    expect([oversize.status, await errorCode(oversize)]).toEqual([413, 'payload_too_large']);
  });

  it('answers 401 to the ticket queue without a session and 401 after logout', async () => {
    expect((await client(central.url).get('/api/tickets')).status).toBe(401);
    const cookie = await adminCookie(central.url);
    const session = client(central.url, { cookie });
    expect((await session.get('/api/auth/me')).status).toBe(200);
    expect((await session.post('/api/auth/logout', {})).status).toBe(204);
    expect((await session.get('/api/tickets')).status).toBe(401);
  });

  it('lets the admin create accounts, which then log in with their role', async () => {
    const res = await admin.post('/api/staff', { username: 'viewer1', displayName: '查看员', role: 'viewer', password: 'viewer-password' });
    expect(res.status).toBe(201);
    const viewer = client(central.url, { cookie: await loginAs(central.url, 'viewer1', 'viewer-password') });
    expect(await (await viewer.get('/api/auth/me')).json()).toMatchObject({ username: 'viewer1', role: 'viewer', department: null });
    const forbidden = await viewer.post('/api/staff', { username: 'sneaky', displayName: 'x', role: 'admin', password: 'sneaky-password' });
    expect([forbidden.status, await errorCode(forbidden)]).toEqual([403, 'forbidden']);
    expect(await central.db.selectFrom('staff').select('username').where('username', '=', 'sneaky').executeTakeFirst()).toBeUndefined();
  });

  it('lets the admin disable an account, which ends its session, and reset a password', async () => {
    await admin.post('/api/staff', { username: 'handler1', displayName: '办理员', role: 'handler', password: 'handler-password' });
    const handler = client(central.url, { cookie: await loginAs(central.url, 'handler1', 'handler-password') });
    expect((await handler.get('/api/tickets')).status).toBe(200);
    expect((await admin.patch('/api/staff/handler1', { disabled: true })).status).toBe(204);
    expect((await handler.get('/api/tickets')).status).toBe(401);
    expect((await client(central.url).post('/api/auth/login', { username: 'handler1', password: 'handler-password' })).status).toBe(401);
    expect((await admin.patch('/api/staff/handler1', { password: 'a-new-password' })).status).toBe(204);
    expect((await client(central.url).post('/api/auth/login', { username: 'handler1', password: 'a-new-password' })).status).toBe(401);
    expect((await admin.patch('/api/staff/handler1', { disabled: false })).status).toBe(204);
    expect((await client(central.url).post('/api/auth/login', { username: 'handler1', password: 'a-new-password' })).status).toBe(200);
    expect((await admin.patch('/api/staff/nobody', { disabled: true })).status).toBe(404);
    expect((await admin.patch('/api/staff/admin', { disabled: true })).status).toBe(409);
    expect((await admin.patch('/api/staff/handler1', {})).status).toBe(400);
  });

  it('refuses a duplicate username with 409 and a publisher without a department with 400', async () => {
    const again = await admin.post('/api/staff', { username: 'viewer1', displayName: '又一个', role: 'viewer', password: 'another-password' });
    expect(again.status).toBe(409);
    const noDept = await admin.post('/api/staff', { username: 'pub1', displayName: '发布员', role: 'publisher', password: 'publisher-password' });
    expect(noDept.status).toBe(400);
  });

  it('keeps a hash-chained audit log that verifies, and detects an edited row', async () => {
    const verdict = AuditVerification.parse(await (await admin.get('/api/audit/verify')).json());
    expect(verdict.ok).toBe(true);
    expect(verdict.entries).toBeGreaterThan(2);
    const log = Page(AuditLogEntry).parse(await (await admin.get('/api/audit?limit=100')).json());
    expect(log.items.map((e) => e.action)).toContain('staff.create');

    await central.db.updateTable('audit_log').set({ actor: 'someone-else' }).where('id', '=', 2).execute();
    const broken = AuditVerification.parse(await (await admin.get('/api/audit/verify')).json());
    expect(broken).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
