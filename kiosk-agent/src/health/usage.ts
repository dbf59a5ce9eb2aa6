/**
 * Anonymous screen-view counters (no who, no when beyond the heartbeat window). Counts are
 * taken for a heartbeat and given back if central did not get them.
 */
export function createUsageCounters(maxScreens = 100) {
  let counts = new Map<string, number>();
  return {
    count(screen: string): void {
      // A bounded set of screen ids: a stuck or hostile page cannot grow the heartbeat.
      if (!counts.has(screen) && counts.size >= maxScreens) return;
      counts.set(screen, (counts.get(screen) ?? 0) + 1);
    },
    take(): Record<string, number> {
      const taken = Object.fromEntries(counts);
      counts = new Map();
      return taken;
    },
    giveBack(taken: Record<string, number>): void {
      for (const [screen, n] of Object.entries(taken)) counts.set(screen, (counts.get(screen) ?? 0) + n);
    },
  };
}
export type UsageCounters = ReturnType<typeof createUsageCounters>;
