import { describe, expect, it } from 'vitest';
import { columnsFor, leftRight, padStart, textWidth, wrap } from './columns';

describe('printer column math', () => {
  it('counts a hanzi and a full-width ￥ as two columns, ASCII as one', () => {
    expect(textWidth('张三')).toBe(4);
    expect(textWidth('￥1.00')).toBe(6);
    expect(textWidth('abc')).toBe(3);
  });

  it('has 32 columns on 58 mm paper and 48 on 80 mm', () => {
    expect(columnsFor(58)).toBe(32);
    expect(columnsFor(80)).toBe(48);
  });

  it('puts an amount flush right on the same line when it fits', () => {
    const [line] = leftRight('养老保险', '￥1,234.50', 32);
    expect(line).toBe(`养老保险${' '.repeat(32 - 8 - 10)}￥1,234.50`);
    expect(textWidth(line ?? '')).toBe(32);
  });

  it('wraps a long name and keeps the amount flush right below it', () => {
    const lines = leftRight('2026-10-15 城乡居民基本养老保险', '￥1,234.50', 32);
    expect(lines).toEqual(['2026-10-15 城乡居民基本养老保险', padStart('￥1,234.50', 32)]);
  });

  it('never splits a hanzi and keeps ASCII words whole', () => {
    const lines = wrap('数据版本：第17版，更新于2026-11-20 10:00', 24);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(24);
    expect(lines.join('')).toContain('2026-11-20');
    expect(lines).toContain('2026-11-20 10:00');
  });

  it('breaks a word longer than the line', () => {
    expect(wrap('x'.repeat(40), 32)).toEqual(['x'.repeat(32), 'x'.repeat(8)]);
  });
});
