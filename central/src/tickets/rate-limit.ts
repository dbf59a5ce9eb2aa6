import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { LimitVerdict, RateLimit } from './tickets.ports';

/** Seconds to wait, as `Retry-After` says it: never 0, which would invite an immediate retry. */
const waitSeconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * At most `points` hits per key (a kiosk, a ticket) in a fixed window of `durationSeconds`
 * that starts at the key's first hit. Kept in memory: a restart forgives everyone, the safe
 * direction; rate-limiter-flexible has SQLite and PostgreSQL stores for several central nodes.
 */
export function createRateLimit(options: { keyPrefix: string; points: number; durationSeconds: number }): RateLimit {
  const { points } = options;
  const limiter = new RateLimiterMemory({ keyPrefix: options.keyPrefix, points, duration: options.durationSeconds });
  return {
    async take(key: string): Promise<LimitVerdict> {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (refused) {
        if (refused instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: waitSeconds(refused) };
        throw refused;
      }
    },
    async check(key: string): Promise<LimitVerdict> {
      const state = await limiter.get(key);
      // A window past its end may linger until its timer fires: it counts for nothing.
      if (state === null || state.consumedPoints < points || state.msBeforeNext <= 0) return { allowed: true };
      return { allowed: false, retryAfterSeconds: waitSeconds(state) };
    },
  };
}
