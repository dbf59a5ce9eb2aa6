import { setTimeout as sleep } from 'node:timers/promises';
import type { ComplaintIntake } from '@sunshine/contracts';
import type { Logger } from '@sunshine/service-kit';
import pRetry from 'p-retry';
import { CentralRateLimited, type DeliveryResult } from './central-api';

export interface ForwarderDeps {
  due(limit: number): ComplaintIntake[];
  deliver(intake: ComplaintIntake): Promise<DeliveryResult>;
  markDelivered(ticketNumber: string, at: Date): void;
  markFailed(ticketNumber: string, reason: string): void;
  noteAttempt(ticketNumber: string, error: string): void;
  logger: Logger;
  onChange(): void;
  /**
   * Backoff after real failures (network down, 5xx): doubles from min to max, randomised
   * (×1–2). Max also caps how long central's `Retry-After` is honoured.
   */
  minRetryMs?: number;
  maxRetryMs?: number;
}

/** Central's limiter speaks in whole seconds; a 429 never brings the next try sooner than this. */
const SHORTEST_RATE_LIMIT_WAIT_MS = 1_000;

/** Central's 429 with a wait it named: not a failure, so it neither grows nor restarts the backoff. */
const centralSaysWait = (error: unknown): error is CentralRateLimited & { retryAfterMs: number } =>
  error instanceof CentralRateLimited && error.retryAfterMs !== undefined;

/**
 * Delivers the outbox to central, oldest first. A complaint is marked delivered only after
 * central's 200/201, so a crash between send and mark re-sends it — and central accepts
 * each ticket number once, so that never duplicates. A 4xx is final for that complaint and
 * kept for staff.
 *
 * Waits, so a backlog drains at the rate central allows (docs/design.md §5): on a 429 the
 * forwarder waits what central's `Retry-After` says, no more; real failures back off
 * exponentially, and each complaint starts with a fresh backoff, so one delivery resets it.
 */
export function startComplaintForwarder(deps: ForwarderDeps) {
  const minRetryMs = deps.minRetryMs ?? 1_000;
  const maxRetryMs = deps.maxRetryMs ?? 5 * 60_000;
  const stopping = new AbortController();
  // Aborted by a kick to cut a failure's backoff short (central is back); never a Retry-After wait.
  let wake = new AbortController();
  let inBackoff = false;
  let running: Promise<void> | undefined;
  let again = false;

  function settle(intake: ComplaintIntake, result: DeliveryResult): void {
    if (result.kind === 'accepted') deps.markDelivered(intake.ticketNumber, new Date());
    else {
      deps.logger.error({ ticketNumber: intake.ticketNumber, status: result.status, reason: result.message }, 'central refused a complaint');
      deps.markFailed(intake.ticketNumber, `${result.status} ${result.message}`);
    }
    deps.onChange();
  }

  function deliverOne(intake: ComplaintIntake): Promise<void> {
    return pRetry(
      async () => {
        inBackoff = false;
        settle(intake, await deps.deliver(intake));
      },
      {
        retries: Infinity,
        minTimeout: minRetryMs,
        maxTimeout: maxRetryMs,
        randomize: true,
        signal: AbortSignal.any([stopping.signal, wake.signal]),
        shouldConsumeRetry: ({ error }) => !centralSaysWait(error),
        onFailedAttempt: async ({ error, attemptNumber }) => {
          deps.noteAttempt(intake.ticketNumber, String(error));
          if (centralSaysWait(error)) {
            const waitMs = Math.min(maxRetryMs, Math.max(SHORTEST_RATE_LIMIT_WAIT_MS, error.retryAfterMs));
            deps.logger.info({ waitMs }, 'central limits this kiosk’s complaints; waiting as it asks');
            await sleep(waitMs, undefined, { signal: stopping.signal });
            return;
          }
          inBackoff = true;
          deps.logger.warn({ err: error.message, attemptNumber }, 'complaint delivery failed; will retry');
        },
      },
    );
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (let batch = deps.due(20); batch.length > 0; batch = deps.due(20)) {
        for (const intake of batch) await deliverOne(intake);
      }
    } while (again);
  }

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      try {
        await drain();
        return;
      } catch (err) {
        if (stopping.signal.aborted) return;
        if (!wake.signal.aborted) {
          deps.logger.error({ err: String(err) }, 'complaint forwarder stopped a pass');
          return;
        }
        wake = new AbortController();
      }
    }
  }

  /** Starts a pass now (a new complaint, central came back); cuts short a failure's backoff. */
  function kick(): Promise<void> {
    if (stopping.signal.aborted) return Promise.resolve();
    if (running) {
      again = true;
      if (inBackoff) wake.abort();
      return running;
    }
    running = loop().finally(() => {
      running = undefined;
      inBackoff = false;
    });
    return running;
  }

  return {
    kick,
    /** Resolves once the outbox holds nothing deliverable right now (for tests and shutdown). */
    idle: () => running ?? Promise.resolve(),
    stop: () => stopping.abort(),
  };
}
export type ComplaintForwarder = ReturnType<typeof startComplaintForwarder>;
