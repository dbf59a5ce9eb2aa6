export type SyncPlan = { kind: 'up_to_date'; version: number } | { kind: 'body'; from: number; to: number };

/**
 * Decides what a kiosk at version `since` gets: nothing, a delta (since, latest], or a
 * snapshot (from 0) when its version is unknown here or older than the retained history.
 */
export function planSync(since: number, latest: number, oldestDeltaBase: number): SyncPlan {
  if (since === latest) return { kind: 'up_to_date', version: latest };
  if (since === 0 || since > latest || since < oldestDeltaBase) return { kind: 'body', from: 0, to: latest };
  return { kind: 'body', from: since, to: latest };
}
