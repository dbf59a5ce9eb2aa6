import type { ComplaintIntake } from '@sunshine/contracts';
import type { Logger } from '@sunshine/service-kit';
import pRetry from 'p-retry';
import type { DeliveryResult } from './central-api';

export interface ForwarderDeps {
  due(limit: number): ComplaintIntake[];
  deliver(intake: ComplaintIntake): Promise<DeliveryResult>;
  markDelivered(ticketNumber: string, at: Date): void;
  markFailed(ticketNumber: string, reason: string): void;
  noteAttempt(ticketNumber: string, error: string): void;
  logger: Logger;
  onChange(): void;
  /** Backoff between failed passes: doubles from min to max, randomised (×1–2). */
  minRetryMs?: number;
  maxRetryMs?: number;
}

/**
 * Delivers the outbox to central, oldest first. A complaint is marked delivered only after
 * central's 200/201, so a crash between send and mark re-sends it — and central accepts
 * each ticket number once, so that never duplicates. Transient failures (network, 5xx,
 * 429) back off and retry the pass; a 4xx is final for that complaint and kept for staff.
 */
export function startComplaintForwarder(deps: ForwarderDeps) {
  let running: Promise<void> | undefined;
  let controller = new AbortController();
  let waiting = false;
  let again = false;
  let stopped = false;

  async function drainOnce(): Promise<void> {
    for (let batch = deps.due(20); batch.length > 0; batch = deps.due(20)) {
      for (const intake of batch) {
        let result: DeliveryResult;
        try {
          result = await deps.deliver(intake);
        } catch (err) {
          deps.noteAttempt(intake.ticketNumber, String(err));
          throw err;
        }
        if (result.kind === 'accepted') deps.markDelivered(intake.ticketNumber, new Date());
        else {
          deps.logger.error({ ticketNumber: intake.ticketNumber, status: result.status, reason: result.message }, 'central refused a complaint');
          deps.markFailed(intake.ticketNumber, `${result.status} ${result.message}`);
        }
        deps.onChange();
      }
    }
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      controller = new AbortController();
      try {
        await pRetry(
          async () => {
            waiting = false;
            try {
              await drainOnce();
            } finally {
              waiting = true;
            }
          },
          {
            retries: Infinity,
            minTimeout: deps.minRetryMs ?? 1_000,
            maxTimeout: deps.maxRetryMs ?? 5 * 60_000,
            randomize: true,
            signal: controller.signal,
            onFailedAttempt: ({ error, attemptNumber }) =>
              deps.logger.warn({ err: error.message, attemptNumber }, 'complaint delivery failed; will retry'),
          },
        );
      } catch (err) {
        if (!controller.signal.aborted) deps.logger.error({ err: String(err) }, 'complaint forwarder stopped a pass');
      }
    } while (again && !stopped);
  }

  /** Starts a pass now (a new complaint, central came back); cuts short a backoff wait. */
  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      if (waiting) controller.abort();
      return running;
    }
    running = loop().finally(() => {
      running = undefined;
      waiting = false;
    });
    return running;
  }

  return {
    kick,
    /** Resolves once the outbox holds nothing deliverable right now (for tests and shutdown). */
    idle: () => running ?? Promise.resolve(),
    stop() {
      stopped = true;
      controller.abort();
    },
  };
}
export type ComplaintForwarder = ReturnType<typeof startComplaintForwarder>;
