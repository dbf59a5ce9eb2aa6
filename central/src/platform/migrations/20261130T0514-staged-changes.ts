import { sql, type Kysely } from 'kysely';

/**
 * Two people publish (docs/decisions.md, "Two people publish"): a single-record correction or
 * withdrawal is staged as a one-row import (`source = 'record'`, its record in `record_id`, the
 * requested fields in `changes`, the version it was computed from in `import_rows.base_version`)
 * and reviewed like an upload; `review_reason` keeps why an import was rejected, or why an admin
 * approved their own change alone.
 *
 * And every record's history starts with its first published state: records the county loader
 * published (with no history row until now) get an `import` row of their current state, which
 * is that first state, since any later change would have written history. A record corrected
 * before this migration has lost the state before its first correction; it is not invented here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('record_id', 'text').execute();
  await db.schema.alterTable('imports').addColumn('changes', 'text').execute();
  await db.schema.alterTable('imports').addColumn('review_reason', 'text').execute();
  await db.schema.alterTable('import_rows').addColumn('base_version', 'integer').execute();
  await sql`
    insert into record_history (table_name, record_id, version, action, changed_at, changed_by, import_id, reason, data)
    select r.table_name, r.id, r.version, 'import', v.published_at, v.published_by, null, null, r.data
    from content_records r join content_versions v on v.version = r.version
    where not exists (select 1 from record_history h where h.table_name = r.table_name and h.record_id = r.id)
    order by r.version, r.table_name, r.id`.execute(db);
}
