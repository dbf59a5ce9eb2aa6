import { describe, expect, it } from 'vitest';
import { HolidayCalendar } from './calendar';

const valid = {
  year: 2026,
  notice: '国务院办公厅关于2026年部分节假日安排的通知',
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
  ],
  workdays: [
    { name: '元旦', date: '2026-01-04' },
    { name: '春节', date: '2026-02-14' },
  ],
};
const problems = (value: unknown) => {
  const parsed = HolidayCalendar.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('holiday calendar schema', () => {
  it('accepts a year of holidays and make-up weekend days, and a 元旦 that starts the December before', () => {
    expect(problems(valid)).toEqual([]);
    expect(problems({ ...valid, holidays: [{ name: '元旦', from: '2025-12-31', to: '2026-01-02' }], workdays: [] })).toEqual([]);
  });

  it('refuses a make-up working day that is not a weekend day, or that falls inside a holiday', () => {
    expect(problems({ ...valid, workdays: [{ name: '春节', date: '2026-02-13' }] })).toEqual(['调休上班日应是星期六或星期日']);
    expect(problems({ ...valid, workdays: [{ name: '春节', date: '2026-02-21' }] })).toEqual(['2026-02-21 在春节假期之内，不能又是上班日']);
  });

  it('refuses reversed, overlong, overlapping and out-of-year holidays', () => {
    expect(problems({ ...valid, holidays: [{ name: '春节', from: '2026-02-23', to: '2026-02-15' }] })).toEqual(['假期的结束日期早于开始日期']);
    expect(problems({ ...valid, holidays: [{ name: '春节', from: '2026-02-01', to: '2026-02-28' }], workdays: [] })).toEqual(['一段假期不会超过15天，请核对日期']);
    expect(problems({ ...valid, holidays: [...valid.holidays, { name: '除夕', from: '2026-02-16', to: '2026-02-16' }] })).toEqual(['春节和除夕的日期重叠']);
    expect(problems({ ...valid, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], workdays: [] })).toEqual(['2027-01-01 不在 2026 年的安排之内', '2027-01-01 不在 2026 年的安排之内']);
  });

  it('refuses a badly written date, a missing list and an unknown field', () => {
    expect(problems({ ...valid, workdays: [{ name: '春节', date: '2026/2/14' }] })).toEqual(['日期要写成 2026-02-15 这样的格式']);
    expect(problems({ ...valid, holidays: [] })).toEqual(['至少要有一段假期']);
    expect(problems({ ...valid, holiday: [] }).length).toBe(1);
  });
});
