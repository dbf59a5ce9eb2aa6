import type { Db } from './database';

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one: repositories
 * built on a transaction (see `createAudited` in unit-of-work.ts) then join it instead of nesting.
 */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
