import { describe, expect, it } from 'vitest';
import { verifyPassword } from './passwords';
import { createAccount, listAccounts, updateAccount } from './staff-accounts.service';
import { createMemoryStaffStore } from './staff-store.memory';

const admin = { username: 'admin', displayName: '系统管理员', role: 'admin', department: null } as const;
const now = () => new Date('2026-11-26T08:00:00.000Z');

async function withAccounts() {
  const store = createMemoryStaffStore();
  const deps = { ...store, now };
  await store.staff.create({ ...admin, passwordHash: 'x', createdAt: now().toISOString() });
  await createAccount(deps, admin, { username: 'banli', displayName: '办理员', role: 'handler', department: null, password: 'handler-password' });
  return { ...store, deps };
}

describe('staff accounts', () => {
  it('makes an account with a hashed password and audits it, naming role and department', async () => {
    const { staff, notes, deps } = await withAccounts();
    expect((await listAccounts(deps)).map((a) => a.username)).toEqual(['admin', 'banli']);
    expect(await verifyPassword('handler-password', (await staff.find('banli'))?.passwordHash ?? '')).toBe(true);
    expect(notes).toEqual([{ actor: 'admin', action: 'staff.create', target: 'banli', details: { role: 'handler', department: null } }]);
  });

  it('refuses a taken username with username_taken, auditing nothing', async () => {
    const { notes, deps } = await withAccounts();
    const again = createAccount(deps, admin, { username: 'banli', displayName: '又一个', role: 'viewer', department: null, password: 'viewer-password' });
    await expect(again).rejects.toMatchObject({ code: 'username_taken', status: 409, message: '用户名 banli 已存在' });
    expect(notes).toHaveLength(1);
  });

  it('refuses an unknown account and disabling oneself, changing and auditing nothing', async () => {
    const { staff, notes, deps } = await withAccounts();
    await expect(updateAccount(deps, admin, 'nobody', { disabled: true })).rejects.toMatchObject({ code: 'unknown_account', status: 404 });
    await expect(updateAccount(deps, admin, 'admin', { disabled: true })).rejects.toMatchObject({ code: 'cannot_disable_self', status: 409 });
    expect((await staff.find('admin'))?.disabledAt).toBeNull();
    expect(notes).toHaveLength(1);
  });

  it('disables an account and resets its password, ending its sessions, in one audited change', async () => {
    const { staff, sessions, notes, deps } = await withAccounts();
    await staff.createSession({ tokenHash: 'h', username: 'banli', createdAt: now().toISOString(), expiresAt: '2026-11-26T16:00:00.000Z' });
    await updateAccount(deps, admin, 'banli', { disabled: true, password: 'another-password' });
    const banli = await staff.find('banli');
    expect([banli?.disabledAt, await verifyPassword('another-password', banli?.passwordHash ?? ''), sessions.size]).toEqual([now().toISOString(), true, 0]);
    expect(notes.at(-1)).toEqual({ actor: 'admin', action: 'staff.update', target: 'banli', details: { passwordReset: true, disabled: true } });
  });
});
