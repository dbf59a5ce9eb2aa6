import type { Kysely } from 'kysely';

/**
 * Uploads with their staged rows and problems; who owns each published record; and every
 * state a record has had (a correction or withdrawal never loses the old values).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type] of [
    ['content_type', 'text'],
    ['department', 'text'],
    ['file_name', 'text'],
    ['status', 'text'],
    ['valid_rows', 'integer'],
    ['reviewed_by', 'text'],
    ['reviewed_at', 'text'],
    ['version', 'integer'],
  ] as const) {
    await db.schema.alterTable('imports').addColumn(name, type).execute();
  }
  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'row_number'])
    .execute();
  await db.schema
    .createTable('import_problems')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_problems_import').on('import_problems').column('import_id').execute();
  await db.schema
    .createTable('record_owners')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_owners_pk', ['table_name', 'id'])
    .execute();
  await db.schema
    .createTable('record_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addColumn('reason', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('record_history_record').on('record_history').columns(['table_name', 'record_id', 'id']).execute();
}
