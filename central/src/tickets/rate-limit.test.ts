import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimit } from './rate-limit';

describe('rate limit', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-30T08:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('allows the limit in a window, refuses the next with the seconds left, and forgives in the next window', async () => {
    const limit = createRateLimit({ keyPrefix: 'test', points: 2, durationSeconds: 60 });
    expect(await limit.take('0001')).toEqual({ allowed: true });
    vi.advanceTimersByTime(20_000);
    expect(await limit.take('0001')).toEqual({ allowed: true });
    expect(await limit.take('0001')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(await limit.take('0002')).toEqual({ allowed: true });
    vi.advanceTimersByTime(40_000);
    expect(await limit.take('0001')).toEqual({ allowed: true });
  });

  it('says a key is past its limit without counting a hit, and never asks for a wait of 0 s', async () => {
    const limit = createRateLimit({ keyPrefix: 'test', points: 1, durationSeconds: 60 });
    expect(await limit.check('ticket')).toEqual({ allowed: true });
    await limit.take('ticket');
    expect(await limit.check('ticket')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    vi.advanceTimersByTime(59_900);
    expect(await limit.check('ticket')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    vi.advanceTimersByTime(100);
    expect(await limit.check('ticket')).toEqual({ allowed: true });
  });
});
