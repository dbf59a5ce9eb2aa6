import { sql, type Kysely } from 'kysely';

// As of this migration, frozen: where each kind of complaint subject is published.
const SUBJECT_TABLES: Record<string, string> = { payment: 'payments', project: 'projects', finance_line: 'financeLines', notice: 'notices' };
// SQLite allows 32766 bound parameters; 500 ids a query stays far below.
const BATCH = 500;

/**
 * Where each ticket was made (`tickets.place_code`), kept from intake on so that moving a
 * kiosk does not move its older complaints to another town. Existing tickets get the rule
 * statistics used until now: their subject's village (or town-wide scope), else their kiosk's
 * village as it stands today, else nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('place_code', 'text').execute();
  await sql`update tickets set place_code = (select village_code from kiosks where kiosks.kiosk_number = tickets.kiosk_number)`.execute(db);
  const subjects = await sql<{ subject_kind: string; subject_id: string }>`select distinct subject_kind, subject_id from tickets where subject_kind is not null and subject_id is not null`.execute(db);
  for (const [kind, table] of Object.entries(SUBJECT_TABLES)) {
    const ids = subjects.rows.filter((s) => s.subject_kind === kind).map((s) => s.subject_id);
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = sql.join(ids.slice(i, i + BATCH));
      const records = await sql<{ id: string; data: string }>`select id, data from content_records where table_name = ${table} and id in (${batch})`.execute(db);
      for (const r of records.rows) {
        const data: { villageCode?: unknown; scopeCode?: unknown } = JSON.parse(r.data);
        const place = data.villageCode ?? data.scopeCode;
        // A county-wide subject (6 digits) says no town: such tickets keep their kiosk's village.
        if (typeof place !== 'string' || place.length < 9) continue;
        await sql`update tickets set place_code = ${place} where subject_kind = ${kind} and subject_id = ${r.id}`.execute(db);
      }
    }
  }
}
