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
}

export interface EnrolmentCodeTable {
  code_hash: string;
  kiosk_name: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface ImportTable {
  id: Generated<number>;
  source: string;
  created_at: string;
  created_by: string;
  rows: number;
}

export interface Database {
  content_records: ContentRecordTable;
  content_versions: ContentVersionTable;
  payment_identities: PaymentIdentityTable;
  kiosks: KioskTable;
  enrolment_codes: EnrolmentCodeTable;
  settings: SettingTable;
  imports: ImportTable;
}
