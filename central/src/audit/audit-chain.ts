import crypto from 'node:crypto';

/** One staff action as the audit log keeps it. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: string;
}

export interface ChainedAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** sha256 over the previous hash and the entry's fields, in a fixed order (ids included, so a deleted row shows). */
export function hashAuditEntry(prevHash: string, e: AuditEntry): string {
  const text = JSON.stringify([prevHash, e.id, e.at, e.actor, e.action, e.target, e.details]);
  return crypto.createHash('sha256').update(text).digest('hex');
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Walks the chain in id order: every entry must point at the previous entry's hash, its own
 * hash must match its content, and ids must follow each other (no deleted rows). Takes a
 * stream, so a long log is checked without holding it in memory.
 */
export async function verifyAuditChain(entries: Iterable<ChainedAuditEntry> | AsyncIterable<ChainedAuditEntry>): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for await (const e of entries) {
    count++;
    if (e.id !== lastId + 1) return { ok: false, entries: count, brokenAt: e.id, reason: `entry ${lastId + 1} is missing` };
    if (e.prevHash !== prev) return { ok: false, entries: count, brokenAt: e.id, reason: 'does not follow the previous entry' };
    if (hashAuditEntry(prev, e) !== e.hash) return { ok: false, entries: count, brokenAt: e.id, reason: 'content was changed after it was written' };
    prev = e.hash;
    lastId = e.id;
  }
  return { ok: true, entries: count };
}
