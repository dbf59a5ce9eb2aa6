import { StaffRole } from '@sunshine/contracts';
import type { Db } from '../platform/database';
import type { StaffTable } from '../platform/schema';
import type { NewStaffAccount, StaffRecord, StaffSessionRecord, StaffStore } from './staff.ports';

function toStaff(r: Omit<StaffTable, 'created_at'>): StaffRecord {
  return {
    username: r.username,
    displayName: r.display_name,
    role: StaffRole.parse(r.role),
    department: r.department,
    passwordHash: r.password_hash,
    disabledAt: r.disabled_at,
  };
}

/** Owns staff accounts and their sessions (only the session token's hash is stored). */
export function createStaffRepository(db: Db): StaffStore {
  return {
    async find(username: string): Promise<StaffRecord | null> {
      const row = await db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
      return row ? toStaff(row) : null;
    },

    async list(): Promise<StaffRecord[]> {
      return (await db.selectFrom('staff').selectAll().orderBy('username').execute()).map(toStaff);
    },

    /** Creates the account, or false when the username is taken. */
    async create(staff: NewStaffAccount): Promise<boolean> {
      const result = await db
        .insertInto('staff')
        .values({ username: staff.username, display_name: staff.displayName, role: staff.role, department: staff.department, password_hash: staff.passwordHash, created_at: staff.createdAt, disabled_at: null })
        .onConflict((oc) => oc.column('username').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    /** Sets a new password and ends the account's sessions (a reset logs everyone out). */
    async setPassword(username: string, passwordHash: string): Promise<void> {
      await db.updateTable('staff').set({ password_hash: passwordHash }).where('username', '=', username).execute();
      await db.deleteFrom('staff_sessions').where('username', '=', username).execute();
    },

    /** Disables (ending every session) or enables an account; false when it does not exist. */
    async setDisabled(username: string, disabledAt: string | null): Promise<boolean> {
      const result = await db.updateTable('staff').set({ disabled_at: disabledAt }).where('username', '=', username).executeTakeFirst();
      if (disabledAt) await db.deleteFrom('staff_sessions').where('username', '=', username).execute();
      return Number(result.numUpdatedRows) === 1;
    },

    async createSession(session: StaffSessionRecord): Promise<void> {
      await db.insertInto('staff_sessions').values({ token_hash: session.tokenHash, username: session.username, created_at: session.createdAt, expires_at: session.expiresAt }).execute();
    },

    /** The live session's staff member; expired sessions and disabled accounts find nothing. */
    async findSession(tokenHash: string, now: string): Promise<StaffRecord | null> {
      const row = await db
        .selectFrom('staff_sessions')
        .innerJoin('staff', 'staff.username', 'staff_sessions.username')
        .select(['staff.username', 'staff.display_name', 'staff.role', 'staff.department', 'staff.password_hash', 'staff.disabled_at'])
        .where('staff_sessions.token_hash', '=', tokenHash)
        .where('staff_sessions.expires_at', '>', now)
        .where('staff.disabled_at', 'is', null)
        .executeTakeFirst();
      return row ? toStaff(row) : null;
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
    },
  };
}
export type StaffRepository = StaffStore;
