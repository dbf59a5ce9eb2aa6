import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { AgentTicket, ApiError, ComplaintCreated, FinanceBook, FinancePeriodList, NoticeList, PaymentsLookupResult, ProjectList, VillageList } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolKiosk, postJson, startAgent, tempDir, waitFor, type RunningAgent } from './support';

const errorCode = async (res: Response) => ApiError.parse(await res.json()).error.code;

describe('the agent API against a real central', () => {
  let central: TestCentral;
  let agent: RunningAgent;
  beforeAll(async () => {
    central = await startTestCentral();
    const dataDir = tempDir('agent');
    await enrolKiosk(central.url, central.enrolmentCode, dataDir);
    agent = await startAgent(dataDir, { CENTRAL_URL: central.url, HEARTBEAT_SECONDS: '0.2' });
  });
  afterAll(async () => {
    await agent?.close();
    await central?.close();
  });

  const state = () => ({ health: agent.agent.health(), payments: agent.agent.content.count('payments'), outbox: agent.agent.services.complaints.counts() });

  it('finds a sample person’s payments by ID number, newest first, with totals', async () => {
    const person = central.county.samplePeople[0];
    if (!person) throw new Error('county has no sample people');
    const res = await postJson(`${agent.url}/api/payments/lookup`, { idNumber: person.idNumber.toLowerCase() });
    expect(res.status).toBe(200);
    const found = PaymentsLookupResult.parse(await res.json());
    expect(found.person?.name).toBe(person.name);
    expect(found.person?.maskedId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(found.payments.length).toBeGreaterThan(0);
    expect(found.totals.totalFen).toBe(found.payments.reduce((s, p) => s + p.amountFen, 0));
    const dates = found.payments.map((p) => p.paidDate);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('answers a valid ID with no payments with an empty list and a plain message', async () => {
    const res = await postJson(`${agent.url}/api/payments/lookup`, { idNumber: '11010519491231002X' });
    expect(res.status).toBe(200);
    const found = PaymentsLookupResult.parse(await res.json());
    expect(found).toMatchObject({ person: null, payments: [] });
    expect(found.message).toMatch(/没有查到/);
  });

  it('refuses bad, empty, oversize and injection-shaped lookups with a clear 4xx and changes nothing', async () => {
    const before = state();
    const cases: [unknown, number, string][] = [
      [{ idNumber: '110105194912310021' }, 400, 'invalid_id_number'],
      [{ idNumber: '' }, 400, 'invalid_id_number'],
      [{ idNumber: '1'.repeat(33) }, 400, 'bad_request'],
      [{ idNumber: "' OR 1=1; DROP TABLE payments; --" }, 400, 'bad_request'],
      [{ idNumber: "1101051949' OR '1'='1" }, 400, 'invalid_id_number'],
      [{ idNumber: 110105194912310020 }, 400, 'bad_request'],
      [{}, 400, 'bad_request'],
      ['{"idNumber": ', 400, 'bad_request'],
      [{ idNumber: '1', pad: 'x'.repeat(70_000) }, 413, 'payload_too_large'],
    ];
    for (const [body, status, code] of cases) {
      const res = await postJson(`${agent.url}/api/payments/lookup`, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(status);
      expect(await errorCode(res)).toBe(code);
    }
    const bad = await postJson(`${agent.url}/api/payments/lookup`, { idNumber: '110105194912310021' });
    expect(ApiError.parse(await bad.json()).error.message).toMatch(/校验/);
    expect(state()).toEqual(before);
  });

  it('serves notices, projects, villages and village finance from the local cache, paged', async () => {
    const notices = NoticeList.parse(await (await fetch(`${agent.url}/api/notices?scope=all`)).json());
    expect(notices.pageSize).toBe(10);
    expect(notices.items.length).toBeLessThanOrEqual(10);
    const dates = notices.items.map((n) => n.publishDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    const projects = ProjectList.parse(await (await fetch(`${agent.url}/api/projects?scope=all`)).json());
    const ranks = projects.items.map((p) => ['village', 'town', 'county', 'other'].indexOf(p.scopeLevel));
    expect([...ranks].sort()).toEqual(ranks);
    const villages = VillageList.parse(await (await fetch(`${agent.url}/api/villages`)).json());
    const own = villages.kioskVillageCode;
    expect(own).toBe(villages.items[0]?.code);
    const periods = FinancePeriodList.parse(await (await fetch(`${agent.url}/api/finance/${own}/periods`)).json());
    const period = periods.items[0];
    if (!period) throw new Error('no finance periods for the kiosk village');
    const book = FinanceBook.parse(await (await fetch(`${agent.url}/api/finance/${own}/${period.period}`)).json());
    expect(book.totals.byCategory.reduce((s, t) => s + t.count, 0)).toBe(book.total);
    expect(book.changeFen).toBe(period.closingFen - period.openingFen);
    const local = NoticeList.parse(await (await fetch(`${agent.url}/api/notices?category=village`)).json());
    expect(local.total).toBeGreaterThan(0);
    expect(local.total).toBeLessThanOrEqual(notices.total);
    const scopes = [own, own?.slice(0, 9), own?.slice(0, 6)];
    expect(local.items.every((n) => scopes.includes(n.scopeCode) && n.category === 'village')).toBe(true);
    expect((await fetch(`${agent.url}/api/finance/${own}/2099-13`)).status).toBe(400);
    expect((await fetch(`${agent.url}/api/finance/123/2024-01`)).status).toBe(400);
    expect((await fetch(`${agent.url}/api/notices?page=0`)).status).toBe(400);
  });

  it('numbers a complaint at once, delivers it to central, and follows it up with the PIN', async () => {
    const res = await postJson(`${agent.url}/api/complaints`, { category: 'subsidy', text: '低保金没有按时发放' });
    expect(res.status).toBe(201);
    const created = ComplaintCreated.parse(await res.json());
    expect(created.ticketNumber.slice(0, 4)).toBe(agent.agent.health().kioskNumber);
    await agent.agent.forwardNow();
    expect(agent.agent.services.complaints.counts()).toMatchObject({ pending: 0, delivered: 1 });
    const ticket = AgentTicket.parse(await (await fetch(`${agent.url}/api/tickets/${created.ticketNumber}?pin=${created.pin}`)).json());
    expect(ticket).toMatchObject({ ticketNumber: created.ticketNumber, source: 'central', pendingDelivery: false, status: 'received' });
    const wrongPin = created.pin === '0000' ? '1111' : '0000';
    expect((await fetch(`${agent.url}/api/tickets/${created.ticketNumber}?pin=${wrongPin}`)).status).toBe(403);
    const typo = created.ticketNumber.slice(0, 11) + String((Number(created.ticketNumber[11]) + 1) % 10);
    const bad = await fetch(`${agent.url}/api/tickets/${typo}`);
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe('invalid_ticket_number');
  });

  it('takes a 4 MB recording with a complaint and refuses a bigger body with 413', async () => {
    const audio = (bytes: number) => ({ mime: 'audio/webm', data: Buffer.alloc(bytes, 7).toString('base64') });
    const ok = await postJson(`${agent.url}/api/complaints`, { category: 'other', audio: audio(4 * 1024 * 1024 - 1) }); // the contract counts base64 padding as data
    expect(ok.status).toBe(201);
    const tooBig = await postJson(`${agent.url}/api/complaints`, { category: 'other', audio: audio(5 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);
    const noText = await postJson(`${agent.url}/api/complaints`, { category: 'other' });
    expect(noText.status).toBe(400);
    const badCategory = await postJson(`${agent.url}/api/complaints`, { category: 'nope', text: 'x' });
    expect(badCategory.status).toBe(400);
  });

  it('counts anonymous screen views and refuses anything that is not a screen id', async () => {
    expect((await postJson(`${agent.url}/api/usage`, { screen: 'payments' })).status).toBe(204);
    expect((await postJson(`${agent.url}/api/usage`, { screen: '<script>' })).status).toBe(400);
  });

  it('sends heartbeats with its data version, outbox and the usage counters', async () => {
    await postJson(`${agent.url}/api/usage`, { screen: 'projects' });
    const kioskNumber = agent.agent.health().kioskNumber ?? '';
    const beat = await waitFor('a heartbeat with usage', () =>
      central.db.selectFrom('heartbeats').selectAll().where('kiosk_number', '=', kioskNumber).where('usage', 'like', '%projects%').executeTakeFirst(),
    );
    expect(beat).toMatchObject({ data_version: agent.agent.health().dataVersion, printer_state: expect.any(String) });
    expect(beat.disk_free_bytes).toBeGreaterThan(0);
  });
});
