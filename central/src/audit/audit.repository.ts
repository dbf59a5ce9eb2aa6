import { GENESIS_HASH, hashAuditEntry, type ChainedAuditEntry } from './audit-chain';
import type { Db } from '../platform/database';

/** Owns the hash-chained audit log. Rows are only ever appended. */
export function createAuditRepository(db: Db) {
  const toEntry = (r: { id: number; at: string; actor: string; action: string; target: string | null; details: string; prev_hash: string; hash: string }): ChainedAuditEntry => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    target: r.target,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  });
  return {
    /**
     * Appends one entry linked to the last, inside the caller's transaction only (see
     * `createAudited`): an entry never commits apart from its action. The read of the last hash
     * and the insert share that transaction (SQLite serialises writers; on PostgreSQL the
     * primary key makes a racing append fail, and its action with it, rather than fork the chain).
     */
    async append(entry: { at: string; actor: string; action: string; target: string | null; details?: unknown }): Promise<void> {
      if (!db.isTransaction) throw new Error('an audit entry is appended in the transaction of its action');
      const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
      const row = { id: (last?.id ?? 0) + 1, at: entry.at, actor: entry.actor, action: entry.action, target: entry.target, details: JSON.stringify(entry.details ?? {}) };
      const prevHash = last?.hash ?? GENESIS_HASH;
      await db.insertInto('audit_log').values({ ...row, prev_hash: prevHash, hash: hashAuditEntry(prevHash, row) }).execute();
    },

    async list(page: { limit: number; offset: number }): Promise<{ items: ChainedAuditEntry[]; total: number }> {
      const count = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
      return { items: rows.map(toEntry), total: Number(count?.n ?? 0) };
    },

    async *streamAll(): AsyncGenerator<ChainedAuditEntry> {
      for await (const row of db.selectFrom('audit_log').selectAll().orderBy('id').stream(1000)) yield toEntry(row);
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
