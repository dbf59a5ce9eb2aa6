import type { Kysely } from 'kysely';

/**
 * Correction imports (更正 in bulk): the mode of each upload and the reason a correction
 * gives; and each staged row's natural key, so a streamed upload finds its duplicates in
 * the store once the whole file is in, rather than in memory.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('mode', 'text', (c) => c.notNull().defaultTo('new')).execute();
  await db.schema.alterTable('imports').addColumn('reason', 'text').execute();
  await db.schema.alterTable('import_rows').addColumn('natural_key', 'text').execute();
}
