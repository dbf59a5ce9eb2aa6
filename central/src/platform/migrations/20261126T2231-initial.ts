import type { Kysely } from 'kysely';

/**
 * The published content (one row per table and id, with the version of its last change),
 * the versions themselves, the ID numbers behind payments (never synced), enrolled kiosks
 * and their one-time codes, settings, and the first shape of an import.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('content_records')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_records_pk', ['table_name', 'id'])
    .execute();
  await db.schema.createIndex('content_records_version').on('content_records').column('version').execute();
  await db.schema
    .createTable('content_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('payment_identities')
    .addColumn('payment_id', 'text', (c) => c.primaryKey())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payment_identities_id_number').on('payment_identities').column('id_number').execute();
  await db.schema
    .createTable('kiosks')
    .addColumn('kiosk_number', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .execute();
  await db.schema
    .createTable('enrolment_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('imports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .execute();
}
