/** What the audit log keeps of one action; its time is taken as it is written. */
export interface AuditNote {
  actor: string;
  action: string;
  target: string | null;
  details?: unknown;
}

/**
 * Runs `fn` on stores bound to one transaction and appends `note(result)` last in it: the
 * action and its audit entry commit together or not at all, and a refused action (it throws)
 * changes nothing. `fn` reaches the store only through its `tx`. A service declares the `Tx`
 * slice it uses; the unit of work (`platform/unit-of-work.ts`) is one for any slice it holds.
 */
export type AuditedWith<Tx> = <T>(fn: (tx: Tx) => Promise<T>, note: (result: T) => AuditNote) => Promise<T>;
