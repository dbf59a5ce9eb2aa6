import type { Logger } from '@sunshine/service-kit';
import pRetry from 'p-retry';
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
 * A failed pull, whatever it threw: p-retry gives up at once on a TypeError that is not a
 * network error, but a kiosk keeps trying to sync whatever went wrong.
 */
class PullFailed extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/**
 * Pulls at start, every `pollMs`, and whenever `trigger()` is called (central's push).
 * Failures retry with p-retry's exponential backoff, randomised (×1–2) at every step, so a
 * county's kiosks coming back after an outage do not all hit central in the same second;
 * a trigger cuts a failure's wait short, since a push means central is back.
 */
export function startSyncScheduler(options: SyncSchedulerOptions) {
  const base = options.retryBaseMs ?? 2_000;
  const stopping = new AbortController();
  // Aborted by a trigger to end a failure's wait; the pull then starts again at once.
  let wake = new AbortController();
  let waiting = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let lastError: string | null = null;

  const pullUntilItWorks = () =>
    pRetry(
      async () => {
        waiting = false;
        return options.pull().catch((err: unknown) => {
          throw new PullFailed(err);
        });
      },
      {
        retries: Infinity,
        minTimeout: base,
        maxTimeout: options.pollMs,
        randomize: true,
        unref: true,
        signal: AbortSignal.any([stopping.signal, wake.signal]),
        onFailedAttempt: ({ error, attemptNumber }) => {
          waiting = true;
          lastError = error.message;
          const err = error instanceof PullFailed ? error.reason : error;
          options.logger.warn({ err: String(err), failures: attemptNumber }, 'sync failed');
        },
      },
    );

  async function run(): Promise<void> {
    clearTimeout(timer);
    while (!stopping.signal.aborted) {
      try {
        const result = await pullUntilItWorks();
        lastError = null;
        if (result.kind === 'applied') options.onApplied?.(result);
        if (!stopping.signal.aborted) timer = setTimeout(() => void trigger(), options.pollMs).unref();
        return;
      } catch {
        // Every failure is retried, so only an abort gets here: stop(), or a trigger's wake.
        wake = new AbortController();
      }
    }
  }

  function trigger(): Promise<void> {
    if (running) {
      if (waiting) wake.abort();
      else again = true;
      return running;
    }
    running = run().finally(() => {
      running = undefined;
      if (again && !stopping.signal.aborted) {
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
      stopping.abort();
      clearTimeout(timer);
    },
  };
}
