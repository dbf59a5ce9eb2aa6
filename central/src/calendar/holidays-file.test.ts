import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCalendarFiles, SHIPPED_CALENDARS_DIR } from './holidays-file';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-calendars-'));
  dirs.push(dir);
  return dir;
};
const writeJson = (file: string, value: unknown) => fs.writeFileSync(file, JSON.stringify(value));
const localDay = (year: number) => ({ year, notice: '县人民政府关于放假的通知', holidays: [{ name: '县庆', from: `${year}-12-01`, to: `${year}-12-01` }], workdays: [] });

describe('holiday calendar files', () => {
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ships the State Council calendars of 2025 and 2026, and none for a year not yet published', () => {
    const shipped = loadCalendarFiles(undefined);
    expect(shipped.map((e) => [e.calendar.year, e.origin])).toEqual([[2025, 'shipped'], [2026, 'shipped']]);
    expect(shipped.map((e) => e.calendar.notice)).toEqual([expect.stringContaining('2025年部分节假日安排'), expect.stringContaining('2026年部分节假日安排')]);
  });

  it('lets each year of CENTRAL_HOLIDAYS_FILE replace the shipped one', () => {
    const file = path.join(tempDir(), 'local.json');
    writeJson(file, [localDay(2026), localDay(2030)]);
    const loaded = loadCalendarFiles(file);
    expect(loaded.map((e) => [e.calendar.year, e.origin])).toEqual([[2025, 'shipped'], [2026, 'file'], [2030, 'file']]);
    expect(loaded[1]?.calendar.holidays).toEqual([{ name: '县庆', from: '2026-12-01', to: '2026-12-01' }]);
  });

  it('stops central at start on a malformed file, naming the problem', () => {
    const file = path.join(tempDir(), 'local.json');
    writeJson(file, { ...localDay(2030), workdays: [{ name: '县庆', date: '2030-12-02' }] }); // a Monday
    expect(() => loadCalendarFiles(file)).toThrow(/workdays\.0\.date: 调休上班日应是星期六或星期日/);
    fs.writeFileSync(file, '{ not json');
    expect(() => loadCalendarFiles(file)).toThrow(/cannot read the holiday calendar/);
  });

  it('refuses a shipped file saved under another year', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(SHIPPED_CALENDARS_DIR, '2026.json'), path.join(dir, '2027.json'));
    expect(() => loadCalendarFiles(undefined, dir)).toThrow(/holds the year 2026/);
  });
});
