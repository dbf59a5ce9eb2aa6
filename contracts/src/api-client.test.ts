import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './api-client';

describe('Retry-After', () => {
  it('is read as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-26T08:00:00Z');
    expect(parseRetryAfter('60', now)).toBe(60_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 26 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 07:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('is no wait at all when it is neither, rather than a date in the year -5', () => {
    const now = Date.parse('2026-11-26T08:00:00Z');
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
