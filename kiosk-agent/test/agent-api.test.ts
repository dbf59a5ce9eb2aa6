import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { agentContentApi as content, agentVillagerApi as villager, ApiError, urlOf, type ApiClient, type CreateComplaint } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, enrolKiosk, postJson, refusal, startAgent, tempDir, waitFor, type RunningAgent } from './support';

const errorCode = async (res: Response) => ApiError.parse(await res.json()).error.code;

describe('the agent API against a real central', () => {
  let central: TestCentral;
  let agent: RunningAgent;
  let client: ApiClient;
  /** Bodies the typed client would not send (wrong types, broken JSON) go raw to the route's URL. */
  const postRawLookup = (body: unknown) => postJson(agent.url + urlOf(villager.lookupPayments), body);
  beforeAll(async () => {
    central = await startTestCentral();
    const dataDir = tempDir('agent');
    await enrolKiosk(central.url, central.enrolmentCode, dataDir);
    agent = await startAgent(dataDir, { CENTRAL_URL: central.url, HEARTBEAT_SECONDS: '0.2' });
    client = agentClient(agent.url);
  });
  afterAll(async () => {
    await agent?.close();
    await central?.close();
  });

  const state = () => ({ health: agent.agent.health(), payments: agent.agent.content.count('payments'), outbox: agent.agent.services.complaints.counts() });

  it('finds a sample person’s payments by ID number, newest first, with totals', async () => {
    const person = central.county.samplePeople[0];
    if (!person) throw new Error('county has no sample people');
    const found = await client.call(villager.lookupPayments, { body: { idNumber: person.idNumber.toLowerCase() } });
    expect(found.person?.name).toBe(person.name);
    expect(found.person?.maskedId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(found.payments.length).toBeGreaterThan(0);
    expect(found.totals.totalFen).toBe(found.payments.reduce((s, p) => s + p.amountFen, 0));
    // Each programme by its name from the cache, not its code.
    expect(found.totals.byProgram.every((t) => /\p{Script=Han}/u.test(t.programName))).toBe(true);
    const dates = found.payments.map((p) => p.paidDate);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('answers a valid ID with no payments with an empty list and a plain message', async () => {
    const found = await client.call(villager.lookupPayments, { body: { idNumber: '11010519491231002X' } });
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
      const res = await postRawLookup(body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(status);
      expect(await errorCode(res)).toBe(code);
    }
    const bad = await client.call(villager.lookupPayments, { body: { idNumber: '110105194912310021' } }).catch((error: unknown) => error);
    expect(bad).toMatchObject({ code: 'invalid_id_number', message: expect.stringMatching(/校验/) });
    expect(state()).toEqual(before);
  });

  it('serves notices, projects, villages and village finance from the local cache, paged', async () => {
    const notices = await client.call(content.listNotices, { query: { scope: 'all' } });
    expect(notices.pageSize).toBe(10);
    expect(notices.items.length).toBeLessThanOrEqual(10);
    const dates = notices.items.map((n) => n.publishDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    const projects = await client.call(content.listProjects, { query: { scope: 'all' } });
    const ranks = projects.items.map((p) => ['village', 'town', 'county', 'other'].indexOf(p.scopeLevel));
    expect([...ranks].sort()).toEqual(ranks);
    const villages = await client.call(content.listVillages);
    const own = villages.kioskVillageCode;
    expect(own).toBe(villages.items[0]?.code);
    if (!own) throw new Error('the kiosk has no village');
    const periods = await client.call(content.listFinancePeriods, { params: { villageCode: own } });
    const period = periods.items[0];
    if (!period) throw new Error('no finance periods for the kiosk village');
    const book = await client.call(content.getFinanceBook, { params: { villageCode: own, period: period.period }, query: {} });
    expect(book.totals.byCategory.reduce((s, t) => s + t.count, 0)).toBe(book.total);
    expect(book.changeFen).toBe(period.closingFen - period.openingFen);
    const local = await client.call(content.listNotices, { query: { category: 'village' } });
    expect(local.total).toBeGreaterThan(0);
    expect(local.total).toBeLessThanOrEqual(notices.total);
    const scopes = [own, own?.slice(0, 9), own?.slice(0, 6)];
    expect(local.items.every((n) => scopes.includes(n.scopeCode) && n.category === 'village')).toBe(true);
    expect(await refusal(client.call(content.getFinanceBook, { params: { villageCode: own, period: '2099-13' }, query: {} }))).toBe('400 bad_request');
    expect(await refusal(client.call(content.getFinanceBook, { params: { villageCode: '123', period: '2024-01' }, query: {} }))).toBe('400 bad_request');
    expect(await refusal(client.call(content.listNotices, { query: { page: 0 } }))).toBe('400 bad_request');
  });

  it('names why it has no books: unknown_village for a village it does not have, no_finance_period for a month without them', async () => {
    const own = (await client.call(content.listVillages)).kioskVillageCode ?? '';
    expect(await refusal(client.call(content.listFinancePeriods, { params: { villageCode: '999999999999' } }))).toBe('400 unknown_village');
    expect(await refusal(client.call(content.getFinanceBook, { params: { villageCode: own, period: '1999-01' }, query: {} }))).toBe('404 no_finance_period');
    expect(await refusal(client.call(content.getProject, { params: { id: 'no-such-project' } }))).toBe('404 unknown_project');
    expect(await refusal(client.call(content.getBlob, { params: { sha256: '0'.repeat(64) } }))).toBe('404 blob_not_downloaded');
  });

  it('numbers a complaint at once, delivers it to central, and follows it up with the PIN', async () => {
    const created = await client.call(villager.createComplaint, { body: { category: 'subsidy', text: '低保金没有按时发放' } });
    expect(created.ticketNumber.slice(0, 4)).toBe(agent.agent.health().kioskNumber);
    await agent.agent.forwardNow();
    expect(agent.agent.services.complaints.counts()).toMatchObject({ pending: 0, delivered: 1 });
    const ticket = await client.call(villager.getTicket, { params: { ticketNumber: created.ticketNumber }, query: { pin: created.pin } });
    expect(ticket).toMatchObject({ ticketNumber: created.ticketNumber, source: 'central', pendingDelivery: false, status: 'received' });
    const wrongPin = created.pin === '0000' ? '1111' : '0000';
    expect(await refusal(client.call(villager.getTicket, { params: { ticketNumber: created.ticketNumber }, query: { pin: wrongPin } }))).toBe('403 wrong_pin');
    const typo = created.ticketNumber.slice(0, 11) + String((Number(created.ticketNumber[11]) + 1) % 10);
    expect(await refusal(client.call(villager.getTicket, { params: { ticketNumber: typo }, query: {} }))).toBe('400 invalid_ticket_number');
  });

  it('takes a 4 MB recording with a complaint and refuses a bigger body with 413', async () => {
    const audio = (bytes: number) => ({ mime: 'audio/webm' as const, data: Buffer.alloc(bytes, 7).toString('base64') });
    const complain = (body: CreateComplaint) => refusal(client.call(villager.createComplaint, { body }));
    expect(await complain({ category: 'other', audio: audio(4 * 1024 * 1024 - 1) })).toBe('accepted'); // the contract counts base64 padding as data
    expect(await complain({ category: 'other', audio: audio(5 * 1024 * 1024) })).toBe('413 payload_too_large');
    expect(await complain({ category: 'other' })).toBe('400 bad_request');
    expect(await complain({ category: 'nope', text: 'x' })).toBe('400 unknown_category');
  });

  it('counts anonymous screen views and refuses anything that is not a screen id', async () => {
    expect(await refusal(client.call(villager.recordUsage, { body: { screen: 'payments' } }))).toBe('accepted');
    expect(await refusal(client.call(villager.recordUsage, { body: { screen: '<script>' } }))).toBe('400 bad_request');
  });

  it('sends heartbeats with its data version, outbox and the usage counters', async () => {
    await client.call(villager.recordUsage, { body: { screen: 'projects' } });
    const kioskNumber = agent.agent.health().kioskNumber ?? '';
    const beat = await waitFor('a heartbeat with usage', () =>
      central.db.selectFrom('heartbeats').selectAll().where('kiosk_number', '=', kioskNumber).where('usage', 'like', '%projects%').executeTakeFirst(),
    );
    expect(beat).toMatchObject({ data_version: agent.agent.health().dataVersion, printer_state: expect.any(String) });
    expect(beat.disk_free_bytes).toBeGreaterThan(0);
  });
});
