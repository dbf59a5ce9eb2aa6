import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { agentContentApi, agentVillagerApi as villager, AgentHealth, DEFAULT_COMPLAINT_CATEGORIES, type ApiClient } from '@sunshine/contracts';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, enrolKiosk, freePort, refusal, startAgent, tempDir, type RunningAgent } from './support';

describe('a kiosk with central unreachable', () => {
  let central: TestCentral;
  let agent: RunningAgent;
  let client: ApiClient;
  const openTickets = (kind: string, id: string) => client.call(villager.listOpenTickets, { params: { kind, id } });
  const ticket = (ticketNumber: string, pin?: string) => client.call(villager.getTicket, { params: { ticketNumber }, query: pin === undefined ? {} : { pin } });
  beforeAll(async () => {
    central = await startTestCentral();
    const dataDir = tempDir('offline');
    await enrolKiosk(central.url, central.enrolmentCode, dataDir);
    agent = await startAgent(dataDir, { CENTRAL_URL: `http://127.0.0.1:${await freePort()}` });
    client = agentClient(agent.url);
  });
  afterAll(async () => {
    await agent?.close();
    await central?.close();
  });

  it('still serves content, the default categories, and its own open tickets about a subject', async () => {
    expect((await client.call(agentContentApi.listNotices, { query: {} })).total).toBeGreaterThanOrEqual(0);
    expect(await client.call(villager.listComplaintCategories)).toEqual(DEFAULT_COMPLAINT_CATEGORIES);
    expect(await openTickets('project', 'p1')).toEqual([]);
    const subject = { kind: 'project' as const, id: 'p2', title: '道路硬化' };
    const created = await client.call(villager.createComplaint, { body: { category: 'project', text: '工程拖延', subject } });
    expect(await openTickets('project', 'p2')).toEqual([expect.objectContaining({ ticketNumber: created.ticketNumber, status: 'received' })]);
    expect(await refusal(openTickets('bogus', 'p1'))).toBe('400 bad_request');
  });

  it('numbers complaints and follows its own pending ticket from what it knows', async () => {
    const created = await client.call(villager.createComplaint, { body: { category: 'finance', text: '账目不清' } });
    const second = await client.call(villager.createComplaint, { body: { category: 'finance', text: '又一条' } });
    expect(Number(second.ticketNumber.slice(4, 11))).toBe(Number(created.ticketNumber.slice(4, 11)) + 1);
    expect(agent.agent.health().outboxPending).toBe(3);
    expect(await ticket(created.ticketNumber, created.pin)).toMatchObject({ source: 'kiosk', pendingDelivery: true, status: 'received', category: 'finance', reply: null });
    const grouped = created.ticketNumber.replace(/^(\d{4})(\d{7})(\d)$/, '$1 $2 $3');
    expect((await ticket(grouped)).ticketNumber).toBe(created.ticketNumber);
    expect(await refusal(ticket(created.ticketNumber, created.pin === '0000' ? '1111' : '0000'))).toBe('403 wrong_pin');
    expect(await refusal(ticket(created.ticketNumber, '12a4'))).toBe('400 bad_request');
  });

  it('tells the UI over socket.io when the outbox grows', async () => {
    const socket = io(agent.url, { transports: ['websocket'] });
    try {
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      const before = agent.agent.health().outboxPending;
      const status = new Promise<unknown>((resolve) => socket.once('status:changed', resolve));
      await client.call(villager.createComplaint, { body: { category: 'other', text: '路灯坏了' } });
      expect(AgentHealth.parse(await status)).toMatchObject({ outboxPending: before + 1, online: false });
    } finally {
      socket.close();
    }
  });

  it('says plainly that it cannot look up another kiosk’s ticket while offline', async () => {
    const failure = await ticket('000900000019').catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 503, code: 'central_unreachable', message: expect.stringMatching(/联系不上/) });
  });
});
