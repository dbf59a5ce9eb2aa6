import type { Generated } from 'kysely';

/**
 * Published content, one row per (table, id) holding its latest state. `version` is the
 * content version of its last change, so "changes since M" is `version > M`, already
 * compacted to the latest state per key. A withdrawn record stays as a tombstone.
 */
export interface ContentRecordTable {
  table_name: string;
  id: string;
  version: number;
  deleted: number;
  data: string;
}

export interface ContentVersionTable {
  version: number;
  published_at: string;
  published_by: string;
  summary: string;
}

/** Central-only facts about a payment that never go to kiosks. */
export interface PaymentIdentityTable {
  payment_id: string;
  id_number: string;
}

export interface KioskTable {
  kiosk_number: string;
  name: string;
  token_hash: string;
  enrolled_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  village_code: string | null;
}

export interface EnrolmentCodeTable {
  code_hash: string;
  kiosk_name: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  village_code: string | null;
  /** Set for a re-enrolment code: the kiosk keeps this number and gets a new token. */
  kiosk_number: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface ImportTable {
  id: Generated<number>;
  /** `upload` (a file) or `record` (a single-record change staged by `importsApi.correctRecord` or `withdrawRecord`). */
  source: string;
  created_at: string;
  created_by: string;
  rows: number;
  content_type: string | null;
  /** `new` or `correction`; defaults to `new`. */
  mode: Generated<string>;
  reason: string | null;
  department: string | null;
  file_name: string | null;
  status: string | null;
  valid_rows: number | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  version: number | null;
  /** A single-record change's record id (its table is `content_type`); null for an upload. */
  record_id: string | null;
  /** A single-record correction's requested fields (JSON, an ID number masked). */
  changes: string | null;
  /** Why it was rejected, or why an admin approved their own change alone. */
  review_reason: string | null;
}

export interface Database {
  content_records: ContentRecordTable;
  content_versions: ContentVersionTable;
  payment_identities: PaymentIdentityTable;
  kiosks: KioskTable;
  enrolment_codes: EnrolmentCodeTable;
  settings: SettingTable;
  imports: ImportTable;
  tickets: TicketTable;
  ticket_events: TicketEventTable;
  heartbeats: HeartbeatTable;
  staff: StaffTable;
  staff_sessions: StaffSessionTable;
  audit_log: AuditLogTable;
  import_rows: ImportRowTable;
  import_problems: ImportProblemTable;
  record_owners: RecordOwnerTable;
  record_history: RecordHistoryTable;
}

export interface TicketTable {
  ticket_number: string;
  kiosk_number: string;
  category: string;
  text: string | null;
  audio_sha256: string | null;
  audio_mime: string | null;
  audio_seconds: number | null;
  contact_sealed: string | null;
  pin_hash: string;
  subject_kind: string | null;
  subject_id: string | null;
  subject_title: string | null;
  related_ticket_number: string | null;
  submitted_at: string;
  received_at: string;
  status: string;
  handling_unit: string | null;
  /** Where the complaint was made, fixed at intake: a village code, or a town's for a town-wide subject. */
  place_code: string | null;
}

export interface TicketEventTable {
  id: Generated<number>;
  ticket_number: string;
  at: string;
  actor: string;
  kind: string;
  status: string | null;
  public_note: string | null;
  internal_note: string | null;
  handling_unit: string | null;
}

export interface HeartbeatTable {
  id: Generated<number>;
  kiosk_number: string;
  received_at: string;
  sent_at: string;
  data_version: number;
  outbox_pending: number;
  printer_state: string;
  uptime_seconds: number;
  disk_free_bytes: number | null;
  last_sync_error: string | null;
  usage: string;
}

export interface StaffTable {
  username: string;
  display_name: string;
  role: string;
  department: string | null;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

export interface StaffSessionTable {
  token_hash: string;
  username: string;
  created_at: string;
  expires_at: string;
}

/** Each row's `hash` covers its content and the previous row's hash: an edit breaks the chain. */
export interface AuditLogTable {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface ImportRowTable {
  import_id: number;
  row_number: number;
  record_id: string;
  /** The row's second identity (`ImportSpec.naturalKey`), when its type has one. */
  natural_key: string | null;
  data: string;
  /** For a single-record change: the record's version it was computed from, re-checked on approval. */
  base_version: number | null;
}

export interface ImportProblemTable {
  import_id: number;
  row_number: number;
  column_name: string;
  value: string;
  reason: string;
}

/** Which department owns a published record, and the import and staff member behind its state. */
export interface RecordOwnerTable {
  table_name: string;
  id: string;
  department: string;
  import_id: number | null;
  updated_by: string;
}

export interface RecordHistoryTable {
  id: Generated<number>;
  table_name: string;
  record_id: string;
  version: number;
  action: string;
  changed_at: string;
  changed_by: string;
  import_id: number | null;
  reason: string | null;
  data: string | null;
}
