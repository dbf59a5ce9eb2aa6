import type { Logger } from '@sunshine/service-kit';
import type { PullResult } from './sync-client';

export interface SyncSchedulerOptions {
  pull: () => Promise<PullResult>;
  pollMs: number;
  logger: Logger;
  onApplied?: (result: PullResult) => void;
  /** First retry delay after a failure; doubles up to `pollMs`. */
  retryBaseMs?: number;
}

/**
 * Pulls at start, every `pollMs`, and whenever `trigger()` is called (central's push).
 * Failures retry with exponential backoff and full jitter, so a county's kiosks coming
 * back after an outage do not all hit central in the same second.
 */
export function startSyncScheduler(options: SyncSchedulerOptions) {
  const base = options.retryBaseMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let stopped = false;
  let lastError: string | null = null;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(trigger, ms).unref();
  };

  async function run(): Promise<void> {
    try {
      const result = await options.pull();
      failures = 0;
      lastError = null;
      if (result.kind === 'applied') options.onApplied?.(result);
      schedule(options.pollMs);
    } catch (err) {
      failures++;
      lastError = err instanceof Error ? err.message : String(err);
      const delay = Math.random() * Math.min(options.pollMs, base * 2 ** failures);
      options.logger.warn({ err: String(err), failures, retryInMs: Math.round(delay) }, 'sync failed');
      schedule(delay);
    }
  }

  function trigger(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = undefined;
      if (again && !stopped) {
        again = false;
        void trigger();
      }
    });
    return running;
  }

  void trigger();
  return {
    trigger,
    /** The last failure in words for staff; null once a pull has worked. */
    lastError: () => lastError,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
