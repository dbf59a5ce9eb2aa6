import type { ComplaintIntake } from '@sunshine/contracts';
import type { Database } from '../platform/database';
import type { Outbox, OutboxState, OwnComplaint } from './complaints.service';

interface Row {
  ticket_number: string;
  pin: string;
  category: string;
  submitted_at: string;
  state: OutboxState;
  last_error: string | null;
  payload: string | null;
}

const toOwn = (r: Row): OwnComplaint => ({
  ticketNumber: r.ticket_number,
  pin: r.pin,
  category: r.category,
  submittedAt: r.submitted_at,
  state: r.state,
  lastError: r.last_error,
});

/** The complaint outbox. Rows are never deleted: a refused complaint stays for staff. */
export function createOutboxRepository(db: Database) {
  const getSeq = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'ticket_sequence'");
  const setSeq = db.prepare<[string]>(
    "INSERT INTO meta (key, value) VALUES ('ticket_sequence', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  const insert = db.prepare(
    `INSERT INTO complaints (ticket_number, sequence, pin, category, subject_kind, subject_id, submitted_at, payload, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
  );
  const byNumber = db.prepare<[string], Row>('SELECT * FROM complaints WHERE ticket_number = ?');
  const due = db.prepare<[number], Row>("SELECT * FROM complaints WHERE state = 'pending' ORDER BY sequence LIMIT ?");
  const delivered = db.prepare<[string, string]>(
    "UPDATE complaints SET state = 'delivered', delivered_at = ?, payload = NULL, last_error = NULL WHERE ticket_number = ?",
  );
  const failed = db.prepare<[string, string]>("UPDATE complaints SET state = 'failed', last_error = ? WHERE ticket_number = ?");
  const attempt = db.prepare<[string, string]>('UPDATE complaints SET attempts = attempts + 1, last_error = ? WHERE ticket_number = ?');
  const about = db.prepare<[string, string], { ticket_number: string; submitted_at: string; state: OutboxState }>(
    'SELECT ticket_number, submitted_at, state FROM complaints WHERE subject_kind = ? AND subject_id = ? ORDER BY sequence DESC LIMIT 20',
  );
  const counts = db.prepare<[], { state: OutboxState; n: number }>('SELECT state, count(*) AS n FROM complaints GROUP BY state');

  const add: Outbox['add'] = (build) =>
    db.transaction(() => {
      const sequence = Number(getSeq.get()?.value ?? 0) + 1;
      const intake = build(sequence);
      insert.run(intake.ticketNumber, sequence, intake.pin, intake.category, intake.subject?.kind ?? null, intake.subject?.id ?? null, intake.submittedAt, JSON.stringify(intake));
      setSeq.run(String(sequence));
      return intake;
    }).immediate();

  const outbox = {
    add,
    get: (ticketNumber: string): OwnComplaint | null => {
      const row = byNumber.get(ticketNumber);
      return row ? toOwn(row) : null;
    },
    /** Pending complaints, oldest first, with what is to be sent. */
    due: (limit: number): ComplaintIntake[] =>
      due.all(limit).flatMap((r) => (r.payload ? [JSON.parse(r.payload) as ComplaintIntake] : [])),
    /** This kiosk's own complaints about one subject, newest first. */
    about: (kind: string, id: string) =>
      about.all(kind, id).map((r) => ({ ticketNumber: r.ticket_number, submittedAt: r.submitted_at, state: r.state })),
    markDelivered: (ticketNumber: string, at: Date) => void delivered.run(at.toISOString(), ticketNumber),
    /** Central refused it for good (a 4xx other than 429): kept, not retried, shown to staff. */
    markFailed: (ticketNumber: string, reason: string) => void failed.run(reason.slice(0, 500), ticketNumber),
    noteAttempt: (ticketNumber: string, error: string) => void attempt.run(error.slice(0, 500), ticketNumber),
    counts(): Record<OutboxState, number> {
      const out: Record<OutboxState, number> = { pending: 0, delivered: 0, failed: 0 };
      for (const r of counts.all()) out[r.state] = r.n;
      return out;
    },
  };
  return outbox satisfies Outbox;
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
