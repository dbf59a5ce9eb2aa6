import fs from 'node:fs';
import path from 'node:path';
import { fleetApi, kioskApi, statisticsApi, ticketsApi, urlOf, type ApiClient, type TicketAction } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, buildHeartbeat, buildIntake, refusal } from './factories';
import { adminApiClient, adminCookie, startTestCentral, type TestCentral } from './harness';

const DAY = 86_400_000;

describe('statistics and progress', () => {
  let central: TestCentral;
  let admin: ApiClient;
  // Central's clock: the deadline tickets below are answered on time, late, or not at all 40 days on.
  let clock = new Date('2026-11-26T09:00:00.000Z');
  const csvOf = async (url: string) => {
    const res = await fetch(central.url + url, { headers: { cookie: await adminCookie(central.url) } });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    return res.text();
  };

  beforeAll(async () => {
    central = await startTestCentral({ now: () => clock });
    admin = await adminApiClient(central.url);
    const { kioskNumber, token } = await central.enrol();
    const kiosk = apiClient(central.url, { token });
    const deliver = (sequence: number, category: string) => kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, sequence, { category }) });
    const [onTime, late, open, waiting] = [await deliver(1, 'subsidy'), await deliver(2, 'subsidy'), await deliver(3, 'finance'), await deliver(4, 'finance')];
    const act = (ticketNumber: string, body: TicketAction) => admin.call(ticketsApi.act, { params: { ticketNumber }, body });
    await act(onTime.ticketNumber, { action: 'status', status: 'accepted' });
    await act(onTime.ticketNumber, { action: 'reply', reply: '已核实，补贴已补发。' });
    await act(late.ticketNumber, { action: 'status', status: 'accepted' });
    await act(waiting.ticketNumber, { action: 'status', status: 'accepted' });
    await act(waiting.ticketNumber, { action: 'pause', publicNote: '请补充材料' });
    expect(open.ticketNumber).toBeTruthy();
    await kiosk.call(fleetApi.heartbeat, { body: buildHeartbeat({ usage: { home: 5, payments: 2 } }) });
    await kiosk.call(fleetApi.heartbeat, { body: buildHeartbeat({ usage: { home: 1 } }) });

    clock = new Date(clock.getTime() + 40 * DAY);
    admin = await adminApiClient(central.url);
    await act(late.ticketNumber, { action: 'reply', reply: '已核实。' });
    await deliver(5, 'finance');
  });
  afterAll(() => central.close());

  it('counts complaints by category, state and kiosk, and exports them as CSV', async () => {
    const body = await admin.call(statisticsApi.complaints, { query: {} });
    expect(body.total).toBe(5);
    expect(body.byCategory).toEqual([
      { key: 'finance', count: 3 },
      { key: 'subsidy', count: 2 },
    ]);
    expect(body.byStatus).toEqual([
      { key: 'received', count: 2 },
      { key: 'replied', count: 2 },
      { key: 'accepted', count: 1 },
    ]);
    expect(body.byKiosk).toEqual([{ key: '0001', count: 5 }]);
    expect(body.warnings).toEqual(expect.any(Array));
    const csv = await csvOf(urlOf(statisticsApi.complaints, { query: { format: 'csv' } }));
    expect(csv).toBe('dimension,key,count\r\nbyCategory,finance,3\r\nbyCategory,subsidy,2\r\nbyStatus,received,2\r\nbyStatus,replied,2\r\nbyStatus,accepted,1\r\n' + `byTown,${body.byTown[0]?.key},5\r\nbyKiosk,0001,5\r\n`);
  });

  it('reports reply-deadline compliance from each ticket’s log: on time, late, open and late, and paused or new as on time', async () => {
    const body = await admin.call(statisticsApi.deadlines, { query: {} });
    expect(body.overall).toEqual({ answered: 2, answeredOnTime: 1, answeredLate: 1, openOnTime: 2, openLate: 1, onTimeRate: 0.5 });
    expect(body.byCategory).toEqual([
      { category: 'finance', answered: 0, answeredOnTime: 0, answeredLate: 0, openOnTime: 2, openLate: 1, onTimeRate: null },
      { category: 'subsidy', answered: 2, answeredOnTime: 1, answeredLate: 1, openOnTime: 0, openLate: 0, onTimeRate: 0.5 },
    ]);
    const csv = await csvOf(urlOf(statisticsApi.deadlines, { query: { format: 'csv' } }));
    expect(csv).toBe('category,answered,answeredOnTime,answeredLate,openOnTime,openLate,onTimeRate\r\nfinance,0,0,0,2,1,\r\nsubsidy,2,1,1,0,0,0.5\r\n');
  });

  it('adds up kiosk usage per screen and per kiosk over the days asked for', async () => {
    const body = await admin.call(statisticsApi.usage, { query: { days: 60 } });
    expect(body.byScreen).toEqual([
      { key: 'home', count: 6 },
      { key: 'payments', count: 2 },
    ]);
    expect(body.byKiosk).toEqual([{ key: '0001', count: 8 }]);
    // The heartbeats arrived 40 days ago by central's clock.
    expect(await admin.call(statisticsApi.usage, { query: { days: 7 } })).toMatchObject({ days: 7, byScreen: [], byKiosk: [] });
  });

  it('shows which programmes have data for a period and which are missing', async () => {
    const firstPayment = fs.readFileSync(path.join(central.dir, 'county', 'payments.csv'), 'utf8').split('\n')[1]?.split(',') ?? [];
    const [program, period] = [firstPayment[1] ?? '', firstPayment[6] ?? ''];
    const body = await admin.call(statisticsApi.progress, { query: { period } });
    expect(body.programs.find((p) => p.programCode === program)).toMatchObject({ isMissing: false });
    const empty = await admin.call(statisticsApi.progress, { query: { period: '2001-01' } });
    expect(empty.missing).toBe(empty.programs.length);
    const csv = await csvOf(urlOf(statisticsApi.progress, { query: { period: '2001-01', format: 'csv' } }));
    expect(csv.split('\r\n')[0]).toBe('department,programCode,programName,payments,isMissing');
    expect(csv.split('\r\n')[1]).toMatch(/,0,true$/);
  });

  it('refuses bad input and anonymous callers', async () => {
    expect(await refusal(admin.call(statisticsApi.progress, { query: { period: '2026-13' } }))).toMatchObject({ status: 400, code: 'bad_request' });
    expect(await refusal(admin.call(statisticsApi.usage, { query: { days: 0 } }))).toMatchObject({ status: 400, code: 'bad_request' });
    expect(await refusal(apiClient(central.url).call(statisticsApi.complaints, { query: {} }))).toMatchObject({ status: 401, code: 'unauthorized' });
  });
});
