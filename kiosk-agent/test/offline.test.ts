import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { AgentHealth, AgentTicket, ApiError, ComplaintCategory, ComplaintCreated, DEFAULT_COMPLAINT_CATEGORIES, NoticeList, OpenTicketSummary } from '@sunshine/contracts';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolKiosk, freePort, postJson, startAgent, tempDir, type RunningAgent } from './support';

describe('a kiosk with central unreachable', () => {
  let central: TestCentral;
  let agent: RunningAgent;
  beforeAll(async () => {
    central = await startTestCentral();
    const dataDir = tempDir('offline');
    await enrolKiosk(central.url, central.enrolmentCode, dataDir);
    agent = await startAgent(dataDir, { CENTRAL_URL: `http://127.0.0.1:${await freePort()}` });
  });
  afterAll(async () => {
    await agent?.close();
    await central?.close();
  });

  it('still serves content, the default categories, and its own open tickets about a subject', async () => {
    expect(NoticeList.parse(await (await fetch(`${agent.url}/api/notices`)).json()).total).toBeGreaterThanOrEqual(0);
    const categories = ComplaintCategory.array().parse(await (await fetch(`${agent.url}/api/complaint-categories`)).json());
    expect(categories).toEqual(DEFAULT_COMPLAINT_CATEGORIES);
    expect(await (await fetch(`${agent.url}/api/subjects/project/p1/open-tickets`)).json()).toEqual([]);
    const created = ComplaintCreated.parse(
      await (await postJson(`${agent.url}/api/complaints`, { category: 'project', text: '工程拖延', subject: { kind: 'project', id: 'p2', title: '道路硬化' } })).json(),
    );
    const open = OpenTicketSummary.array().parse(await (await fetch(`${agent.url}/api/subjects/project/p2/open-tickets`)).json());
    expect(open).toEqual([expect.objectContaining({ ticketNumber: created.ticketNumber, status: 'received' })]);
    expect((await fetch(`${agent.url}/api/subjects/bogus/p1/open-tickets`)).status).toBe(400);
  });

  it('numbers complaints and follows its own pending ticket from what it knows', async () => {
    const created = ComplaintCreated.parse(await (await postJson(`${agent.url}/api/complaints`, { category: 'finance', text: '账目不清' })).json());
    const second = ComplaintCreated.parse(await (await postJson(`${agent.url}/api/complaints`, { category: 'finance', text: '又一条' })).json());
    expect(Number(second.ticketNumber.slice(4, 11))).toBe(Number(created.ticketNumber.slice(4, 11)) + 1);
    expect(agent.agent.health().outboxPending).toBe(3);
    const ticket = AgentTicket.parse(await (await fetch(`${agent.url}/api/tickets/${created.ticketNumber}?pin=${created.pin}`)).json());
    expect(ticket).toMatchObject({ source: 'kiosk', pendingDelivery: true, status: 'received', category: 'finance', reply: null });
    const grouped = created.ticketNumber.replace(/^(\d{4})(\d{7})(\d)$/, '$1 $2 $3');
    expect((await fetch(`${agent.url}/api/tickets/${encodeURIComponent(grouped)}`)).status).toBe(200);
    const wrong = await fetch(`${agent.url}/api/tickets/${created.ticketNumber}?pin=${created.pin === '0000' ? '1111' : '0000'}`);
    expect(wrong.status).toBe(403);
    expect((await fetch(`${agent.url}/api/tickets/${created.ticketNumber}?pin=12a4`)).status).toBe(400);
  });

  it('tells the UI over socket.io when the outbox grows', async () => {
    const socket = io(agent.url, { transports: ['websocket'] });
    try {
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      const before = agent.agent.health().outboxPending;
      const status = new Promise<unknown>((resolve) => socket.once('status:changed', resolve));
      await postJson(`${agent.url}/api/complaints`, { category: 'other', text: '路灯坏了' });
      expect(AgentHealth.parse(await status)).toMatchObject({ outboxPending: before + 1, online: false });
    } finally {
      socket.close();
    }
  });

  it('says plainly that it cannot look up another kiosk’s ticket while offline', async () => {
    const res = await fetch(`${agent.url}/api/tickets/000900000019`);
    expect(res.status).toBe(503);
    const body = ApiError.parse(await res.json());
    expect(body.error).toMatchObject({ code: 'central_unreachable', message: expect.stringMatching(/联系不上/) });
  });
});
