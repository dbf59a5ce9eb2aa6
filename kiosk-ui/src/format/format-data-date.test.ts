import { describe, expect, it } from 'vitest';
import { describeDataDate, formatChineseDate, formatIsoDate } from './format-data-date';

describe('formatChineseDate', () => {
  it('writes the day in Chinese without leading zeros', () => {
    expect(formatChineseDate('2026-03-05T02:00:00.000Z')).toBe('2026年3月5日');
  });

  it('uses the calendar day in China, not the device clock', () => {
    expect(formatChineseDate('2026-11-26T20:00:00.000Z')).toBe('2026年11月27日');
  });

  it('returns null for a timestamp that is not a date', () => {
    expect(formatChineseDate('not a date')).toBeNull();
  });
});

describe('describeDataDate', () => {
  it('says the data has not been synced when there is no date', () => {
    expect(describeDataDate(null)).toBe('数据尚未同步');
  });

  it('names the day the data was updated', () => {
    expect(describeDataDate('2026-11-26T08:00:00+08:00')).toBe('数据更新于 2026年11月26日');
  });
});

describe('formatIsoDate', () => {
  it('formats a date for the screen', () => {
    expect(formatIsoDate('2026-03-05')).toBe('2026年3月5日');
  });
});
