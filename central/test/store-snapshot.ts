import { sql } from 'kysely';
import type { Db } from '../src/platform/database';

const TABLES = ['content_versions', 'content_records', 'record_owners', 'record_history', 'payment_identities', 'imports', 'import_rows', 'import_problems', 'staff', 'staff_sessions', 'tickets', 'ticket_events', 'kiosks', 'enrolment_codes', 'settings', 'audit_log'];

/** Every row of every table central writes on a staff action: "nothing changed" is this, equal. */
export async function storeSnapshot(db: Db): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of TABLES) snapshot[table] = (await sql`select * from ${sql.table(table)}`.execute(db)).rows;
  return snapshot;
}
