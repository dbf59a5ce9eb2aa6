import type { Kysely } from 'kysely';

/** Tickets, their event log (deadlines are computed from it), and kiosk heartbeats. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .addColumn('ticket_number', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_number', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('audio_sha256', 'text')
    .addColumn('audio_mime', 'text')
    .addColumn('audio_seconds', 'real')
    // AES-256-GCM of the contact JSON, bound to the ticket number; null when anonymous.
    .addColumn('contact_sealed', 'text')
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('subject_title', 'text')
    .addColumn('related_ticket_number', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // The status of the latest status event, kept beside the log for listing and filtering.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handling_unit', 'text')
    .execute();
  await db.schema.createIndex('tickets_subject').on('tickets').columns(['subject_kind', 'subject_id']).execute();
  await db.schema.createIndex('tickets_received_at').on('tickets').column('received_at').execute();
  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_number', 'text', (c) => c.notNull().references('tickets.ticket_number'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    // status | note | assign | reply | pause | resume
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('public_note', 'text')
    .addColumn('internal_note', 'text')
    .addColumn('handling_unit', 'text')
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_number', 'id']).execute();
  await db.schema
    .createTable('heartbeats')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kiosk_number', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('data_version', 'integer', (c) => c.notNull())
    .addColumn('outbox_pending', 'integer', (c) => c.notNull())
    .addColumn('printer_state', 'text', (c) => c.notNull())
    .addColumn('uptime_seconds', 'real', (c) => c.notNull())
    .addColumn('disk_free_bytes', 'real')
    .addColumn('last_sync_error', 'text')
    .addColumn('usage', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('heartbeats_kiosk').on('heartbeats').columns(['kiosk_number', 'id']).execute();
}
