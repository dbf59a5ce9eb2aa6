import { ApiError, AuditLogEntry, ComplaintCreated, PublicTicket, StaffTicketDetail, StaffTicketItem, Page } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIntake, client, loginAs } from './factories';
import { adminClient, startTestCentral, type TestCentral } from './harness';

const errorCode = async (res: Response) => ApiError.parse(await res.json()).error.code;

describe('staff ticket handling', () => {
  let central: TestCentral;
  let admin: ReturnType<typeof client>;
  let kiosk: ReturnType<typeof client>;
  let kioskNumber: string;
  const number = (seq: number) => buildIntake(kioskNumber, seq).ticketNumber;

  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminClient(central.url);
    const enrolled = await central.enrol();
    kioskNumber = enrolled.kioskNumber;
    kiosk = client(central.url, { token: enrolled.token });
    for (const seq of [1, 2, 3]) {
      const contact = seq === 1 ? { name: '王建国', phone: '13800001111' } : undefined;
      expect((await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, seq, { text: `反映${seq}`, contact }))).status).toBe(201);
    }
    await admin.post('/api/staff', { username: 'viewer', displayName: '查看员', role: 'viewer', password: 'viewer-password' });
  });
  afterAll(() => central.close());

  it('lists tickets for staff as { items, total } with number, status and text', async () => {
    const res = await admin.get('/api/tickets?limit=2&offset=0');
    const page = Page(StaffTicketItem).parse(await res.json());
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ status: 'received', kioskNumber });
    const all = Page(StaffTicketItem).parse(await (await admin.get('/api/tickets?limit=50')).json());
    expect(all.items.map((t) => t.text).sort()).toEqual(['反映1', '反映2', '反映3']);
    const csv = await (await admin.get('/api/tickets?format=csv')).text();
    expect(csv.split('\r\n')[0]).toBe('ticketNumber,status,category,kioskNumber,submittedAt,expectedReplyBy,hasAudio,text');
    expect(csv).toContain('反映2');
    expect((await admin.get('/api/tickets?limit=0')).status).toBe(400);
    expect((await admin.get('/api/tickets?status=lost')).status).toBe(400);
  });

  it('opens the contact for the admin and hides it from a viewer', async () => {
    const detail = StaffTicketDetail.parse(await (await admin.get(`/api/tickets/${number(1)}`)).json());
    expect(detail.contact).toEqual({ name: '王建国', phone: '13800001111' });
    const viewer = client(central.url, { cookie: await loginAs(central.url, 'viewer', 'viewer-password') });
    const hidden = StaffTicketDetail.parse(await (await viewer.get(`/api/tickets/${number(1)}`)).json());
    expect(hidden).toMatchObject({ contact: null, isContactHidden: true, text: '反映1' });
    const tryHandle = await viewer.post(`/api/tickets/${number(1)}/actions`, { action: 'status', status: 'accepted' });
    expect(tryHandle.status).toBe(403);
  });

  it('walks a ticket from received to replied and the kiosk sees the timeline, and the reply with the PIN', async () => {
    const steps = [
      { action: 'status', status: 'accepted' },
      { action: 'assign', handlingUnit: '县民政局' },
      { action: 'note', internalNote: '已电话联系村委' },
      { action: 'status', status: 'in_progress', publicNote: '已转县民政局核查' },
      { action: 'reply', reply: '经核查，补贴已于12月补发。' },
    ];
    for (const step of steps) expect((await admin.post(`/api/tickets/${number(1)}/actions`, step)).status).toBe(200);
    const detail = StaffTicketDetail.parse(await (await admin.get(`/api/tickets/${number(1)}`)).json());
    expect(detail).toMatchObject({ status: 'replied', handlingUnit: '县民政局', reply: '经核查，补贴已于12月补发。', expectedReplyBy: null });
    expect(detail.allowedStatuses).toEqual(['closed', 'in_progress']);

    const publicView = PublicTicket.parse(await (await kiosk.get(`/api/kiosk-api/tickets/${number(1)}`)).json());
    expect(publicView.timeline.map((e) => e.status)).toEqual(['received', 'accepted', 'in_progress', 'replied']);
    expect(publicView.timeline[2]?.note).toBe('已转县民政局核查');
    expect(publicView).toMatchObject({ hasReply: true, reply: null, expectedReplyBy: null });
    expect(JSON.stringify(publicView)).not.toContain('已电话联系村委');
    expect(JSON.stringify(publicView)).not.toContain('县民政局核查补贴');
    const withPin = PublicTicket.parse(await (await kiosk.get(`/api/kiosk-api/tickets/${number(1)}?pin=1234`)).json());
    expect(withPin.reply).toBe('经核查，补贴已于12月补发。');
  });

  it('refuses an invalid transition with 409 and changes nothing', async () => {
    const before = await central.db.selectFrom('ticket_events').selectAll().where('ticket_number', '=', number(2)).execute();
    const auditBefore = await central.db.selectFrom('audit_log').select('id').execute();
    const res = await admin.post(`/api/tickets/${number(2)}/actions`, { action: 'status', status: 'closed' });
    expect([res.status, await errorCode(res)]).toEqual([409, 'conflict']);
    const replyFirst = await admin.post(`/api/tickets/${number(2)}/actions`, { action: 'reply', reply: '太早了' });
    expect(replyFirst.status).toBe(409);
    expect((await admin.post(`/api/tickets/${number(2)}/actions`, { action: 'fly' })).status).toBe(400);
    const after = await central.db.selectFrom('ticket_events').selectAll().where('ticket_number', '=', number(2)).execute();
    expect(after).toEqual(before);
    expect(await central.db.selectFrom('audit_log').select('id').execute()).toEqual(auditBefore);
  });

  it('closes a ticket as a duplicate with a public note, which ends it', async () => {
    expect((await admin.post(`/api/tickets/${number(3)}/actions`, { action: 'status', status: 'duplicate', publicNote: `与 ${number(1)} 合并办理` })).status).toBe(200);
    const again = await admin.post(`/api/tickets/${number(3)}/actions`, { action: 'status', status: 'accepted' });
    expect(again.status).toBe(409);
  });

  it('pauses the deadline while waiting for the complainant and resumes it', async () => {
    expect((await admin.post(`/api/tickets/${number(2)}/actions`, { action: 'status', status: 'accepted' })).status).toBe(200);
    const paused = await admin.post(`/api/tickets/${number(2)}/actions`, { action: 'pause', publicNote: '请补充村名' });
    expect(StaffTicketDetail.parse(await paused.json())).toMatchObject({ isPaused: true, expectedReplyBy: null });
    expect((await admin.post(`/api/tickets/${number(2)}/actions`, { action: 'pause' })).status).toBe(409);
    const resumed = StaffTicketDetail.parse(await (await admin.post(`/api/tickets/${number(2)}/actions`, { action: 'resume' })).json());
    expect(resumed.isPaused).toBe(false);
    expect(resumed.expectedReplyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('creates phone tickets with kiosk number 0000 and consecutive sequences', async () => {
    const first = ComplaintCreated.parse(await (await admin.post('/api/tickets', { channel: 'phone', category: 'conduct', text: '村干部优亲厚友' })).json());
    const second = ComplaintCreated.parse(await (await admin.post('/api/tickets', { channel: 'walk_in', category: 'other', text: '路灯坏了' })).json());
    expect(first.ticketNumber.slice(0, 11)).toBe('00000000001');
    expect(second.ticketNumber.slice(0, 11)).toBe('00000000002');
    const seen = PublicTicket.parse(await (await kiosk.get(`/api/kiosk-api/tickets/${first.ticketNumber}?pin=${first.pin}`)).json());
    expect(seen.status).toBe('received');
    expect((await admin.post('/api/tickets', { channel: 'fax', category: 'other', text: 'x' })).status).toBe(400);
  });

  it('handles staff steps and kiosk intake at the same time without losing either', async () => {
    const notes = Array.from({ length: 5 }, (_, i) => admin.post(`/api/tickets/${number(2)}/actions`, { action: 'note', internalNote: `并发备注${i}` }));
    const intakes = Array.from({ length: 5 }, (_, i) => kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 50 + i)));
    const answers = await Promise.all([...notes, ...intakes]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 201, 201, 201, 201, 201]);
    const detail = StaffTicketDetail.parse(await (await admin.get(`/api/tickets/${number(2)}`)).json());
    expect(detail.events.filter((e) => e.internalNote?.startsWith('并发备注'))).toHaveLength(5);
  });

  it('answers 400 for a bad check digit and 404 for an unknown ticket', async () => {
    expect(await errorCode(await admin.get('/api/tickets/000100000010'))).toBe('invalid_ticket_number');
    expect((await admin.get(`/api/tickets/${number(99)}`)).status).toBe(404);
  });

  it('records each handling step in the audit log, still intact', async () => {
    const log = Page(AuditLogEntry).parse(await (await admin.get('/api/audit?limit=200')).json());
    const actions = log.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['ticket.status', 'ticket.assign', 'ticket.reply', 'ticket.create', 'ticket.view-contact']));
    expect(await (await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('lists breached and due-soon tickets', async () => {
    const breached = await admin.get('/api/tickets/deadlines?kind=breached');
    expect(breached.status).toBe(200);
    expect(Array.isArray(await breached.json())).toBe(true);
    expect((await admin.get('/api/tickets/deadlines?kind=someday')).status).toBe(400);
  });
});
