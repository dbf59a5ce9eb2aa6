/**
 * The print queue: one job at a time; jobs survive a restart. `payload` holds the receipt's
 * content (never a plaintext ID number) and is cleared once the job is done.
 */
export const sql = `
  CREATE TABLE print_jobs (
    job_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT,
    state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed')),
    reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX print_jobs_state ON print_jobs (state, created_at);
`;
