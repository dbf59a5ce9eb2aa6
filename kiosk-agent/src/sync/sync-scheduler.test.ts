import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '@sunshine/service-kit';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullResult } from './sync-client';
import { startSyncScheduler } from './sync-scheduler';

const logger = createLogger('sync-scheduler-test', 'silent');
const upToDate: PullResult = { kind: 'up_to_date', version: 1 };

/** A pull that fails `failures` times with `central unreachable`, then answers `result`; it records when it ran. */
function pullThat(failures: number, result: PullResult = upToDate, takesMs = 0) {
  const at: number[] = [];
  const pull = async (): Promise<PullResult> => {
    at.push(performance.now());
    if (takesMs > 0) await sleep(takesMs);
    if (at.length <= failures) throw new Error('central unreachable');
    return result;
  };
  return { pull, at };
}

describe('sync scheduler', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });
  const start = (options: Parameters<typeof startSyncScheduler>[0]) => {
    const scheduler = startSyncScheduler(options);
    stops.push(scheduler.stop);
    return scheduler;
  };

  it('pulls at start, retries failures with waits that double from the base, and says the last error until a pull works', async () => {
    const { pull, at } = pullThat(3);
    const scheduler = start({ pull, pollMs: 60_000, logger, retryBaseMs: 20 });
    await expect.poll(() => scheduler.lastError()).toBe('central unreachable');
    await expect.poll(() => at.length, { timeout: 3_000 }).toBe(4);
    await expect.poll(() => scheduler.lastError()).toBeNull();
    const waits = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    // The n-th wait is at most base × 2^n (and the poll interval), jitter included; timers may run late by a few ms.
    waits.forEach((wait, i) => expect(wait).toBeLessThan(20 * 2 ** (i + 1) + 50));
    await sleep(300);
    expect(at).toHaveLength(4);
  });

  it('retries whatever a pull throws, a programming error as much as a network one', async () => {
    let calls = 0;
    const pull = async (): Promise<PullResult> => {
      calls++;
      if (calls === 1) throw new TypeError("Cannot read properties of undefined (reading 'version')");
      return upToDate;
    };
    const scheduler = start({ pull, pollMs: 60_000, logger, retryBaseMs: 10 });
    await expect.poll(() => calls).toBe(2);
    await expect.poll(() => scheduler.lastError()).toBeNull();
  });

  it('pulls at once when triggered while it waits after a failure (central pushed: it is back)', async () => {
    const { pull, at } = pullThat(1);
    const scheduler = start({ pull, pollMs: 60_000, logger, retryBaseMs: 30_000 });
    await expect.poll(() => scheduler.lastError()).toBe('central unreachable');
    const triggered = performance.now();
    await scheduler.trigger();
    expect(at).toHaveLength(2);
    expect((at[1] ?? Infinity) - triggered).toBeLessThan(500);
    expect(scheduler.lastError()).toBeNull();
  });

  it('pulls once more after the pull in flight when triggered during it, and hands applied changes on', async () => {
    const applied: PullResult = { kind: 'applied', from: 1, to: 2, changes: 5 };
    const { pull, at } = pullThat(0, applied, 100);
    const seen: PullResult[] = [];
    const scheduler = start({ pull, pollMs: 60_000, logger, onApplied: (r) => seen.push(r) });
    await sleep(20);
    void scheduler.trigger();
    void scheduler.trigger();
    await expect.poll(() => seen.length).toBe(2);
    await sleep(150);
    expect(at).toHaveLength(2);
    expect(seen).toEqual([applied, applied]);
  });

  it('pulls again every poll interval after a pull works', async () => {
    const { pull, at } = pullThat(0);
    start({ pull, pollMs: 100, logger });
    await sleep(350);
    expect(at.length).toBeGreaterThanOrEqual(3);
    expect(at.length).toBeLessThanOrEqual(4);
  });

  it('stops retrying and polling once stopped', async () => {
    const { pull, at } = pullThat(Infinity);
    const scheduler = start({ pull, pollMs: 100, logger, retryBaseMs: 10 });
    await expect.poll(() => at.length).toBeGreaterThanOrEqual(2);
    scheduler.stop();
    const pulls = at.length;
    await sleep(300);
    expect(at.length).toBeLessThanOrEqual(pulls + 1);
    const settled = at.length;
    await sleep(200);
    expect(at).toHaveLength(settled);
  });
});
