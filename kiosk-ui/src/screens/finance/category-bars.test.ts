import { describe, expect, it } from 'vitest';
import { topWithRest } from './CategoryBars';

const total = (category: string, totalFen: number) => ({ direction: 'expense' as const, category, count: 1, totalFen });

describe('topWithRest', () => {
  it('keeps the four largest and sums the rest as 其他', () => {
    const bars = topWithRest([total('a', 1), total('b', 5), total('c', 4), total('d', 3), total('e', 2), total('f', 10)]);
    expect(bars.map((b) => b.category)).toEqual(['f', 'b', 'c', 'd', '其他']);
    expect(bars.at(-1)?.totalFen).toBe(3);
  });
  it('leaves five or fewer categories as they are', () => {
    expect(topWithRest([total('a', 1), total('b', 2)]).map((b) => b.category)).toEqual(['b', 'a']);
  });
});
