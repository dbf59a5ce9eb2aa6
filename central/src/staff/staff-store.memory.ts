import type { AuditNote } from '../platform/audited-action';
import type { AuditedStaffAction, StaffRecord, StaffSessionRecord, StaffStore } from './staff.ports';

/**
 * The staff store in memory, for use-case tests: accounts and sessions in maps, and an
 * `audited` that applies a change and keeps its audit note only when the change succeeds
 * (a refused change throws before anything is kept, as in the one transaction of the real one).
 */
export function createMemoryStaffStore() {
  const accounts = new Map<string, StaffRecord>();
  const sessions = new Map<string, StaffSessionRecord>();
  const notes: AuditNote[] = [];
  const staff: StaffStore = {
    async find(username) {
      return accounts.get(username) ?? null;
    },
    async list() {
      return [...accounts.values()].sort((a, b) => a.username.localeCompare(b.username));
    },
    async findSession(tokenHash, now) {
      const session = sessions.get(tokenHash);
      const account = session ? accounts.get(session.username) : undefined;
      return session && account && session.expiresAt > now && account.disabledAt === null ? account : null;
    },
    async create(account) {
      if (accounts.has(account.username)) return false;
      accounts.set(account.username, { username: account.username, displayName: account.displayName, role: account.role, department: account.department, passwordHash: account.passwordHash, disabledAt: null });
      return true;
    },
    async setPassword(username, passwordHash) {
      const account = accounts.get(username);
      if (account) accounts.set(username, { ...account, passwordHash });
      endSessions(username);
    },
    async setDisabled(username, disabledAt) {
      const account = accounts.get(username);
      if (!account) return false;
      accounts.set(username, { ...account, disabledAt });
      if (disabledAt) endSessions(username);
      return true;
    },
    async createSession(session) {
      sessions.set(session.tokenHash, session);
    },
    async deleteSession(tokenHash) {
      sessions.delete(tokenHash);
    },
  };
  const endSessions = (username: string) => {
    for (const [hash, session] of sessions) if (session.username === username) sessions.delete(hash);
  };
  const audited: AuditedStaffAction = async (fn, note) => {
    const result = await fn({ staff });
    notes.push(note(result));
    return result;
  };
  return { staff, audited, notes, sessions };
}
