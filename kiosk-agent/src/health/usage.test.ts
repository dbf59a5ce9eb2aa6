import { describe, expect, it } from 'vitest';
import { createUsageCounters } from './usage';

describe('usage counters', () => {
  it('counts views per screen, hands them to a heartbeat, and takes them back if it failed', () => {
    const usage = createUsageCounters();
    usage.count('payments');
    usage.count('payments');
    usage.count('home');
    const taken = usage.take();
    expect(taken).toEqual({ payments: 2, home: 1 });
    expect(usage.take()).toEqual({});
    usage.count('home');
    usage.giveBack(taken);
    expect(usage.take()).toEqual({ payments: 2, home: 2 });
  });

  it('keeps at most a bounded number of distinct screens', () => {
    const usage = createUsageCounters(2);
    for (const s of ['a', 'b', 'c', 'a']) usage.count(s);
    expect(usage.take()).toEqual({ a: 2, b: 1 });
  });
});
