import type { PrintJob, PrintJobKind, PrintJobState } from '@sunshine/contracts';
import type { Database } from 'better-sqlite3';
import type { ReceiptModel } from './receipt-model';

// Owns the SQL of the print_jobs table (kiosk-agent migration 1).

interface PrintJobRow {
  job_id: string;
  kind: PrintJobKind;
  payload: string | null;
  state: PrintJobState;
  reason: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
}

export interface StoredPrintJob extends PrintJob {
  attempts: number;
  /** Null once printed (or expired): the content is not kept longer than needed. */
  model: ReceiptModel | null;
}

function toJob(row: PrintJobRow): StoredPrintJob {
  return {
    jobId: row.job_id,
    kind: row.kind,
    state: row.state,
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    attempts: row.attempts,
    model: row.payload === null ? null : (JSON.parse(row.payload) as ReceiptModel),
  };
}

export type PrintJobsRepository = ReturnType<typeof createPrintJobsRepository>;

export function createPrintJobsRepository(db: Database, now: () => string = () => new Date().toISOString()) {
  const get = db.prepare<[string], PrintJobRow>('SELECT * FROM print_jobs WHERE job_id = ?');
  const insert = db.prepare(
    `INSERT INTO print_jobs (job_id, kind, payload, state, attempts, created_at, updated_at)
     VALUES (@jobId, @kind, @payload, 'queued', 0, @now, @now)`,
  );
  const next = db.prepare<[], PrintJobRow>(
    "SELECT * FROM print_jobs WHERE state = 'queued' ORDER BY created_at, rowid LIMIT 1",
  );
  const setState = db.prepare(
    'UPDATE print_jobs SET state = @state, reason = @reason, updated_at = @now WHERE job_id = @jobId',
  );
  const start = db.prepare(
    "UPDATE print_jobs SET state = 'printing', reason = NULL, attempts = attempts + 1, updated_at = @now WHERE job_id = @jobId AND state = 'queued'",
  );
  const done = db.prepare(
    "UPDATE print_jobs SET state = 'done', reason = NULL, payload = NULL, updated_at = @now WHERE job_id = @jobId",
  );
  const requeue = db.prepare(
    "UPDATE print_jobs SET state = 'queued', reason = NULL, updated_at = @now WHERE job_id = @jobId AND state = 'failed' AND payload IS NOT NULL",
  );
  const interrupt = db.prepare(
    "UPDATE print_jobs SET state = 'failed', reason = @reason, updated_at = @now WHERE state = 'printing'",
  );
  const expire = db.prepare(
    "UPDATE print_jobs SET payload = NULL, updated_at = @now WHERE payload IS NOT NULL AND state IN ('failed', 'queued') AND created_at < @before",
  );
  const expireQueued = db.prepare(
    "UPDATE print_jobs SET state = 'failed', reason = @reason, updated_at = @now WHERE state = 'queued' AND payload IS NULL",
  );

  return {
    get(jobId: string): StoredPrintJob | null {
      const row = get.get(jobId);
      return row ? toJob(row) : null;
    },
    create(jobId: string, model: ReceiptModel): void {
      insert.run({ jobId, kind: model.kind, payload: JSON.stringify(model), now: now() });
    },
    /** The oldest queued job, or null. */
    next(): StoredPrintJob | null {
      const row = next.get();
      return row ? toJob(row) : null;
    },
    /** queued → printing; false when the job was not queued any more. */
    start(jobId: string): boolean {
      return start.run({ jobId, now: now() }).changes === 1;
    },
    done(jobId: string): void {
      done.run({ jobId, now: now() });
    },
    fail(jobId: string, reason: string): void {
      setState.run({ jobId, state: 'failed', reason, now: now() });
    },
    /** failed → queued, only while the content is still kept. */
    requeue(jobId: string): boolean {
      return requeue.run({ jobId, now: now() }).changes === 1;
    },
    /** At start-up: a job left 'printing' may be half on paper; fail it rather than print it twice. */
    failInterrupted(reason: string): number {
      return interrupt.run({ reason, now: now() }).changes;
    },
    /** Drops the content of jobs older than `before` that never printed; queued ones fail with `reason`. */
    expire(before: string, reason: string): void {
      db.transaction(() => {
        expire.run({ before, now: now() });
        expireQueued.run({ reason, now: now() });
      })();
    },
  };
}
