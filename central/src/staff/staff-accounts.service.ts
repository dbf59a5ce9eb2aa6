import { AppError, type CreateStaffRequest, type StaffSession, type UpdateStaffRequest } from '@sunshine/contracts';
import type { z } from 'zod';
import { hashPassword } from './passwords';
import { toSession } from './staff-auth.service';
import type { AuditedStaffAction, StaffAccountReader } from './staff.ports';

/** The accounts an admin keeps (docs/design.md §9): each change commits with its audit entry. */
export interface StaffAccountsDeps {
  staff: Pick<StaffAccountReader, 'find' | 'list'>;
  audited: AuditedStaffAction;
  now: () => Date;
}

export async function listAccounts(deps: Pick<StaffAccountsDeps, 'staff'>): Promise<StaffSession[]> {
  return (await deps.staff.list()).map(toSession);
}

/** Makes an account; 409 `username_taken` (and nothing audited) when the name is in use. */
export async function createAccount(deps: StaffAccountsDeps, actor: StaffSession, request: z.output<typeof CreateStaffRequest>): Promise<StaffSession> {
  const account: StaffSession = { username: request.username, displayName: request.displayName, role: request.role, department: request.department };
  const passwordHash = await hashPassword(request.password);
  await deps.audited(
    async (tx) => {
      const isCreated = await tx.staff.create({ ...account, passwordHash, createdAt: deps.now().toISOString() });
      if (!isCreated) throw new AppError('username_taken', `用户名 ${request.username} 已存在`);
    },
    () => ({ actor: actor.username, action: 'staff.create', target: request.username, details: { role: request.role, department: request.department } }),
  );
  return account;
}

/**
 * Resets a password and/or disables or enables an account; a reset or disabling ends the
 * account's sessions. An admin may not disable themselves: someone must be left to enable them.
 */
export async function updateAccount(deps: StaffAccountsDeps, actor: StaffSession, username: string, request: UpdateStaffRequest): Promise<void> {
  if (!(await deps.staff.find(username))) throw new AppError('unknown_account', `没有用户 ${username}`);
  if (request.disabled && username === actor.username) throw new AppError('cannot_disable_self', '不能停用自己的账号');
  const passwordHash = request.password ? await hashPassword(request.password) : null;
  await deps.audited(
    async (tx) => {
      if (passwordHash) await tx.staff.setPassword(username, passwordHash);
      if (request.disabled !== undefined) await tx.staff.setDisabled(username, request.disabled ? deps.now().toISOString() : null);
    },
    () => ({ actor: actor.username, action: 'staff.update', target: username, details: { passwordReset: passwordHash !== null, disabled: request.disabled } }),
  );
}
