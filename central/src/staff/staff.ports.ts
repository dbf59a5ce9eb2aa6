import type { StaffSession } from '@sunshine/contracts';
import type { AuditedWith } from '../platform/audited-action';

/** A staff account as the store keeps it: only the password's scrypt hash. */
export interface StaffRecord extends StaffSession {
  passwordHash: string;
  disabledAt: string | null;
}

export interface NewStaffAccount extends StaffSession {
  passwordHash: string;
  createdAt: string;
}

/** An open session; only the hash of its token is kept. */
export interface StaffSessionRecord {
  tokenHash: string;
  username: string;
  createdAt: string;
  expiresAt: string;
}

/** Reads of staff accounts and their sessions. */
export interface StaffAccountReader {
  find(username: string): Promise<StaffRecord | null>;
  list(): Promise<StaffRecord[]>;
  /** The live session's staff member; expired sessions and disabled accounts find nothing. */
  findSession(tokenHash: string, now: string): Promise<StaffRecord | null>;
}

/** Changes to accounts and sessions. */
export interface StaffAccountWriter {
  /** Creates the account, or false when the username is taken. */
  create(account: NewStaffAccount): Promise<boolean>;
  /** Sets a new password and ends the account's sessions. */
  setPassword(username: string, passwordHash: string): Promise<void>;
  /** Disables (ending every session) or enables an account; false when it does not exist. */
  setDisabled(username: string, disabledAt: string | null): Promise<boolean>;
  createSession(session: StaffSessionRecord): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
}

export type StaffStore = StaffAccountReader & StaffAccountWriter;

/** Account changes commit with their audit entry (the unit of work's `audited`). */
export type AuditedStaffAction = AuditedWith<{ staff: StaffAccountWriter }>;
