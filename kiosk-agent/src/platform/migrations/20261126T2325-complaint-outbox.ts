/**
 * Kiosk content queries, the complaint outbox and tickets seen:
 * - notices get an indexed `scope_code`, so "this village, its town and the county" is an
 *   index range, not a scan of every notice's JSON;
 * - `complaints` is the outbox: a row is written in the same transaction that takes the
 *   ticket sequence, so a number given to a villager always has its complaint. `payload`
 *   (text, recording, contact) is kept until central acknowledges it, then cleared: after
 *   delivery the kiosk keeps only what a receipt and an offline follow-up need.
 * - `tickets_seen` is the last public state of a ticket fetched from central, for
 *   follow-up while offline.
 */
export const sql = `
  ALTER TABLE notices ADD COLUMN scope_code TEXT NOT NULL DEFAULT '';
  UPDATE notices SET scope_code = json_extract(data, '$.scopeCode');
  CREATE INDEX notices_scope ON notices (scope_code, category, publish_date);
  CREATE TABLE complaints (
    ticket_number TEXT PRIMARY KEY,
    sequence INTEGER NOT NULL UNIQUE,
    pin TEXT NOT NULL,
    category TEXT NOT NULL,
    subject_kind TEXT,
    subject_id TEXT,
    submitted_at TEXT NOT NULL,
    payload TEXT,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    delivered_at TEXT
  );
  CREATE INDEX complaints_state ON complaints (state, sequence);
  CREATE INDEX complaints_subject ON complaints (subject_kind, subject_id);
  CREATE TABLE tickets_seen (
    ticket_number TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  );
`;
