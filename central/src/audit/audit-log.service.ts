import type { AuditLogEntry, AuditLogPage, AuditVerification } from '@sunshine/contracts';
import { verifyAuditChain, type ChainedAuditEntry } from './audit-chain';

/** Reads of the hash-chained audit log (entries are written with their actions, by `audited`). */
export interface AuditLogReader {
  /** One page, newest first, and the count of all entries. */
  list(page: { limit: number; offset: number }): Promise<{ items: ChainedAuditEntry[]; total: number }>;
  /** Every entry in id order, a batch at a time. */
  streamAll(): AsyncIterable<ChainedAuditEntry>;
}

/** An entry as staff read it: its details parsed back from the stored JSON. */
export function toAuditLogEntry(e: ChainedAuditEntry): AuditLogEntry {
  return { id: e.id, at: e.at, actor: e.actor, action: e.action, target: e.target, details: JSON.parse(e.details), hash: e.hash };
}

/** One page of the log, newest first, and the count of all entries. */
export async function listAuditLog(deps: { audit: AuditLogReader }, page: { limit: number; offset: number }): Promise<AuditLogPage> {
  const { items, total } = await deps.audit.list(page);
  return { items: items.map(toAuditLogEntry), total };
}

/** Walks the whole chain from the store: the first entry edited or removed, if any. */
export function verifyAuditLog(deps: { audit: AuditLogReader }): Promise<AuditVerification> {
  return verifyAuditChain(deps.audit.streamAll());
}
