import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('rate limiter', () => {
  it('allows the limit in a window, refuses the next, and forgives in the next window', () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => t });
    expect(limiter.take('0001').allowed).toBe(true);
    expect(limiter.take('0001').allowed).toBe(true);
    expect(limiter.take('0001')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('0002').allowed).toBe(true);
    t = 60_000;
    expect(limiter.take('0001').allowed).toBe(true);
  });
});
