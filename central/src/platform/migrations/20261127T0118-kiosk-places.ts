import type { Kysely } from 'kysely';

/**
 * Where each kiosk stands (its village), and what an enrolment code is for: a new kiosk in
 * a village, or a re-enrolment that keeps an existing kiosk's number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('kiosks').addColumn('village_code', 'text').execute();
  await db.schema.alterTable('enrolment_codes').addColumn('village_code', 'text').execute();
  await db.schema.alterTable('enrolment_codes').addColumn('kiosk_number', 'text').execute();
}
