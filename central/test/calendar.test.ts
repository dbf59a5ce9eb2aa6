import { ApiError, fleetApi, FleetList, type HolidayCalendar, settingsApi, statisticsApi, ticketsApi, urlOf } from '@sunshine/contracts';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettingsRepository } from '../src/settings/settings.repository';
import { createAudited } from '../src/platform/unit-of-work';
import { loadHolidayCalendars } from '../src/calendar/holiday-calendars';
import { loadCalendarFiles } from '../src/calendar/holidays-file';
import { client, loginAs } from './factories';
import { adminApiClient, adminClient, createStaffAccount, readAuditLog, startTestCentral, type TestCentral } from './harness';

const MISSING_2027 = '缺少 2027 年节假日安排，期限按普通周末计算，请管理员导入';

/** A county's own calendar for 2027, as an admin would load it (test data, not the State Council's). */
const county2027: HolidayCalendar = {
  year: 2027,
  notice: '县人民政府关于2027年放假安排的通知（测试）',
  holidays: [{ name: '县庆', from: '2027-02-08', to: '2027-02-10' }],
  workdays: [{ name: '县庆', date: '2027-02-13' }],
};

describe('working-day calendars', () => {
  let central: TestCentral;
  let clock = new Date('2026-12-01T02:00:00Z');
  const logLines: string[] = [];
  const admin = () => adminClient(central.url);
  /** Files a phone complaint at the current clock and answers its deadlines. */
  const ticketDeadlines = async () => {
    const staff = await adminApiClient(central.url);
    const { ticketNumber } = await staff.call(ticketsApi.create, { body: { channel: 'phone', category: 'subsidy', text: '补贴没有发' } });
    const detail = await staff.call(ticketsApi.get, { params: { ticketNumber } });
    return { acknowledgeBy: detail.acknowledgeBy, replyBy: detail.expectedReplyBy };
  };

  beforeAll(async () => {
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });
    central = await startTestCentral({ now: () => clock, logger });
  });
  afterAll(() => central.close());

  it("warns at start, on the fleet and in every statistic when next year's calendar is missing", async () => {
    expect(logLines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toContain(MISSING_2027);
    const staff = await admin();
    expect(FleetList.parse(await (await staff.get(urlOf(fleetApi.listKiosks, { query: {} }))).json()).warnings).toEqual([{ kind: 'holiday_calendar_missing', year: 2027, message: MISSING_2027 }]);
    const api = await adminApiClient(central.url);
    const statistics = [
      await api.call(statisticsApi.complaints, { query: {} }),
      await api.call(statisticsApi.deadlines, { query: {} }),
      await api.call(statisticsApi.usage, { query: {} }),
      await api.call(statisticsApi.progress, { query: { period: '2026-11' } }),
    ];
    for (const answer of statistics) expect(answer.warnings).toEqual([{ kind: 'holiday_calendar_missing', year: 2027, message: MISSING_2027 }]);
    clock = new Date('2026-09-15T02:00:00Z'); // both years shipped, and 2027 not yet due
    expect(FleetList.parse(await (await (await admin()).get(urlOf(fleetApi.listKiosks, { query: {} }))).json()).warnings).toEqual([]);
  });

  it('counts deadlines over the 2026 Spring Festival past its nine days off, counting both make-up Saturdays', async () => {
    clock = new Date('2026-02-13T02:00:00Z'); // Friday 10:00 in the county
    expect(await ticketDeadlines()).toEqual({ acknowledgeBy: '2026-02-25', replyBy: '2026-03-12' });
  });

  it('refuses a malformed calendar with 400 invalid_calendar in plain Chinese, changing nothing', async () => {
    const staff = await admin();
    const api = await adminApiClient(central.url);
    const before = await api.call(settingsApi.listHolidayCalendars);
    const weekdayWorked = await staff.put(urlOf(settingsApi.replaceHolidayCalendar, { params: { year: 2027 } }), { ...county2027, workdays: [{ name: '县庆', date: '2027-02-12' }] });
    const error = ApiError.parse(await weekdayWorked.json()).error;
    expect([weekdayWorked.status, error.code, error.message]).toEqual([400, 'invalid_calendar', '节假日安排有误：workdays.0.date：调休上班日应是星期六或星期日']);
    const otherYear = await staff.put(urlOf(settingsApi.replaceHolidayCalendar, { params: { year: 2028 } }), county2027);
    expect([otherYear.status, ApiError.parse(await otherYear.json()).error.message]).toEqual([400, '文件里是 2027 年的安排，不是要导入的 2028 年']);
    expect((await staff.put(urlOf(settingsApi.replaceHolidayCalendar, { params: { year: 2027 } }), { year: 2027 })).status).toBe(400);
    await createStaffAccount(central, { username: 'viewer', displayName: '查看员', role: 'viewer', password: 'viewer-password' });
    const viewer = client(central.url, { cookie: await loginAs(central.url, 'viewer', 'viewer-password') });
    expect((await viewer.put(urlOf(settingsApi.replaceHolidayCalendar, { params: { year: 2027 } }), county2027)).status).toBe(403);

    expect(await api.call(settingsApi.listHolidayCalendars)).toEqual(before);
    expect((await staff.get(urlOf(settingsApi.getHolidayCalendar, { params: { year: 2027 } }))).status).toBe(404);
    expect(await central.db.selectFrom('settings').select('key').where('key', 'like', 'holiday_calendar:%').execute()).toEqual([]);
    expect((await readAuditLog(central)).filter((e) => e.action === 'settings.holiday-calendar')).toEqual([]);
  });

  it('uses a year an admin loads for every deadline, keeps it for the next start and stops warning about it', async () => {
    clock = new Date('2027-02-05T02:00:00Z'); // Friday 10:00 in the county
    const plain = await ticketDeadlines();
    expect(plain).toEqual({ acknowledgeBy: '2027-02-10', replyBy: '2027-02-26' }); // weekdays only
    const staff = await admin();
    const api = await adminApiClient(central.url);
    expect((await api.call(settingsApi.listHolidayCalendars)).warnings.map((w) => w.year)).toEqual([2027]);

    const loaded = await staff.put(urlOf(settingsApi.replaceHolidayCalendar, { params: { year: 2027 } }), county2027);
    expect(loaded.status).toBe(200);
    // 8–10 February off, 13 February (a Saturday) worked: 11, 12, 13 February.
    expect(await ticketDeadlines()).toEqual({ acknowledgeBy: '2027-02-13', replyBy: '2027-03-02' });
    const list = await api.call(settingsApi.listHolidayCalendars);
    expect(list.warnings).toEqual([]);
    expect(list.years.map((y) => [y.year, y.origin])).toEqual([[2025, 'shipped'], [2026, 'shipped'], [2027, 'imported']]);
    expect(list.years.at(-1)).toMatchObject({ holidayDays: 3, workdays: 1, importedBy: 'admin', importedAt: clock.toISOString() });
    expect(await api.call(settingsApi.getHolidayCalendar, { params: { year: 2027 } })).toEqual(county2027);
    expect((await readAuditLog(central)).find((e) => e.action === 'settings.holiday-calendar')).toMatchObject({ actor: 'admin', target: '2027' });

    // What the next start reads: the shipped files, then the stored years in their place.
    const restarted = await loadHolidayCalendars({ settings: createSettingsRepository(central.db), audited: createAudited(central.db, () => clock), now: () => clock }, loadCalendarFiles(undefined));
    expect(restarted.get(2027)).toEqual(county2027);
    expect(restarted.calendar.isWorkingDay('2027-02-09')).toBe(false);
  });
});
