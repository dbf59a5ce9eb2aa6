/**
 * A fixed-window counter per key (a kiosk, a username): at most `limit` hits per
 * `windowMs`. Kept in memory: a restart forgives everyone, which is the safe direction.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; hits: number }>();
  return {
    /** Counts a hit; `allowed` false with the seconds to wait once the key is over its limit. */
    take(key: string): { allowed: boolean; retryAfterSeconds: number } {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= options.windowMs) {
        w = { start: t, hits: 0 };
        windows.set(key, w);
        if (windows.size > 10_000) pruneOld(windows, t, options.windowMs);
      }
      w.hits++;
      const retryAfterSeconds = Math.max(1, Math.ceil((w.start + options.windowMs - t) / 1000));
      return { allowed: w.hits <= options.limit, retryAfterSeconds };
    },
    reset(key: string): void {
      windows.delete(key);
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;

function pruneOld(windows: Map<string, { start: number }>, t: number, windowMs: number): void {
  for (const [key, w] of windows) if (t - w.start >= windowMs) windows.delete(key);
}
