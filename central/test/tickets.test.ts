import { auditApi, kioskApi, ticketsApi, urlOf, type ApiClient, type TicketAction } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, buildIntake, loginAs, refusal } from './factories';
import { adminApiClient, adminClient, createStaffAccount, readAuditLog, startTestCentral, type TestCentral } from './harness';

describe('staff ticket handling', () => {
  let central: TestCentral;
  let admin: ApiClient;
  let kiosk: ApiClient;
  let kioskNumber: string;
  const number = (seq: number) => buildIntake(kioskNumber, seq).ticketNumber;
  const act = (seq: number, action: TicketAction, as = admin) => as.call(ticketsApi.act, { params: { ticketNumber: number(seq) }, body: action });
  const detail = (seq: number, as = admin) => as.call(ticketsApi.get, { params: { ticketNumber: number(seq) } });

  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminApiClient(central.url);
    const enrolled = await central.enrol();
    kioskNumber = enrolled.kioskNumber;
    kiosk = apiClient(central.url, { token: enrolled.token });
    for (const seq of [1, 2, 3]) {
      const contact = seq === 1 ? { name: '王建国', phone: '13800001111' } : undefined;
      expect(await kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, seq, { text: `反映${seq}`, contact }) })).toMatchObject({ duplicate: false });
    }
    await createStaffAccount(central, { username: 'viewer', displayName: '查看员', role: 'viewer', password: 'viewer-password' });
  });
  afterAll(() => central.close());

  it('lists tickets for staff as { items, total } with number, status and text', async () => {
    const page = await admin.call(ticketsApi.list, { query: { limit: 2, offset: 0 } });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ status: 'received', kioskNumber });
    const all = await admin.call(ticketsApi.list, { query: { limit: 50 } });
    expect(all.items.map((t) => t.text).sort()).toEqual(['反映1', '反映2', '反映3']);
    expect(all.items.every((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.expectedReplyBy ?? ''))).toBe(true);
    const csv = await (await (await adminClient(central.url)).get(urlOf(ticketsApi.list, { query: { format: 'csv' } }))).text();
    expect(csv.split('\r\n')[0]).toBe('ticketNumber,status,category,kioskNumber,submittedAt,expectedReplyBy,hasAudio,text');
    expect(csv).toContain('反映2');
    expect((await refusal(admin.call(ticketsApi.list, { query: { limit: 0 } }))).status).toBe(400);
    expect((await refusal(admin.call(ticketsApi.list, { query: { status: 'lost' as 'closed' } }))).status).toBe(400);
  });

  it('opens the contact for the admin and hides it from a viewer', async () => {
    expect((await detail(1)).contact).toEqual({ name: '王建国', phone: '13800001111' });
    const viewer = apiClient(central.url, { cookie: await loginAs(central.url, 'viewer', 'viewer-password') });
    expect(await detail(1, viewer)).toMatchObject({ contact: null, isContactHidden: true, text: '反映1' });
    expect((await refusal(act(1, { action: 'status', status: 'accepted' }, viewer))).status).toBe(403);
  });

  it('walks a ticket from received to replied and the kiosk sees the timeline, and the reply with the PIN', async () => {
    const steps: TicketAction[] = [
      { action: 'status', status: 'accepted' },
      { action: 'assign', handlingUnit: '县民政局' },
      { action: 'note', internalNote: '已电话联系村委' },
      { action: 'status', status: 'in_progress', publicNote: '已转县民政局核查' },
      { action: 'reply', reply: '经核查，补贴已于12月补发。' },
    ];
    for (const step of steps) await act(1, step);
    const handled = await detail(1);
    expect(handled).toMatchObject({ status: 'replied', handlingUnit: '县民政局', reply: '经核查，补贴已于12月补发。', expectedReplyBy: null });
    expect(handled.allowedStatuses).toEqual(['closed', 'in_progress']);

    const publicView = await kiosk.call(kioskApi.getTicket, { params: { ticketNumber: number(1) }, query: {} });
    expect(publicView.timeline.map((e) => e.status)).toEqual(['received', 'accepted', 'in_progress', 'replied']);
    expect(publicView.timeline[2]?.note).toBe('已转县民政局核查');
    expect(publicView).toMatchObject({ hasReply: true, reply: null, expectedReplyBy: null });
    expect(JSON.stringify(publicView)).not.toContain('已电话联系村委');
    expect(JSON.stringify(publicView)).not.toContain('县民政局核查补贴');
    const withPin = await kiosk.call(kioskApi.getTicket, { params: { ticketNumber: number(1) }, query: { pin: '1234' } });
    expect(withPin.reply).toBe('经核查，补贴已于12月补发。');
  });

  it('refuses an invalid transition with 409 ticket_transition_refused and changes nothing', async () => {
    const before = await central.db.selectFrom('ticket_events').selectAll().where('ticket_number', '=', number(2)).execute();
    const auditBefore = await central.db.selectFrom('audit_log').select('id').execute();
    const closed = await refusal(act(2, { action: 'status', status: 'closed' }));
    expect([closed.status, closed.code]).toEqual([409, 'ticket_transition_refused']);
    const replyFirst = await refusal(act(2, { action: 'reply', reply: '太早了' }));
    expect([replyFirst.status, replyFirst.code]).toEqual([409, 'ticket_transition_refused']);
    const fly = await refusal(admin.call(ticketsApi.act, { params: { ticketNumber: number(2) }, body: { action: 'fly' } as unknown as TicketAction }));
    expect([fly.status, fly.code]).toEqual([400, 'bad_request']);
    const after = await central.db.selectFrom('ticket_events').selectAll().where('ticket_number', '=', number(2)).execute();
    expect(after).toEqual(before);
    expect(await central.db.selectFrom('audit_log').select('id').execute()).toEqual(auditBefore);
  });

  it('closes a ticket as a duplicate with a public note, which ends it', async () => {
    await act(3, { action: 'status', status: 'duplicate', publicNote: `与 ${number(1)} 合并办理` });
    expect((await refusal(act(3, { action: 'status', status: 'accepted' }))).code).toBe('ticket_transition_refused');
  });

  it('pauses the deadline while waiting for the complainant and resumes it', async () => {
    await act(2, { action: 'status', status: 'accepted' });
    const unanswered = await refusal(act(2, { action: 'status', status: 'replied' }));
    expect([unanswered.status, unanswered.code]).toEqual([409, 'reply_required']);
    const paused = await act(2, { action: 'pause', publicNote: '请补充村名' });
    expect(paused).toMatchObject({ isPaused: true, expectedReplyBy: null });
    const again = await refusal(act(2, { action: 'pause' }));
    expect([again.status, again.code]).toEqual([409, 'ticket_already_paused']);
    const resumed = await act(2, { action: 'resume' });
    expect(resumed.isPaused).toBe(false);
    expect(resumed.expectedReplyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await refusal(act(2, { action: 'resume' }))).code).toBe('ticket_not_paused');
  });

  it('creates phone tickets with kiosk number 0000 and consecutive sequences', async () => {
    const first = await admin.call(ticketsApi.create, { body: { channel: 'phone', category: 'conduct', text: '村干部优亲厚友' } });
    const second = await admin.call(ticketsApi.create, { body: { channel: 'walk_in', category: 'other', text: '路灯坏了' } });
    expect(first.ticketNumber.slice(0, 11)).toBe('00000000001');
    expect(second.ticketNumber.slice(0, 11)).toBe('00000000002');
    const seen = await kiosk.call(kioskApi.getTicket, { params: { ticketNumber: first.ticketNumber }, query: { pin: first.pin } });
    expect(seen.status).toBe('received');
    const fax = await refusal(admin.call(ticketsApi.create, { body: { channel: 'fax' as 'phone', category: 'other', text: 'x' } }));
    expect([fax.status, fax.code]).toEqual([400, 'bad_request']);
    const unknown = await refusal(admin.call(ticketsApi.create, { body: { channel: 'phone', category: 'weather', text: '下雨' } }));
    expect([unknown.status, unknown.code]).toEqual([400, 'unknown_category']);
  });

  it('handles staff steps and kiosk intake at the same time without losing either', async () => {
    const notes = Array.from({ length: 5 }, (_, i) => act(2, { action: 'note', internalNote: `并发备注${i}` }));
    const intakes = Array.from({ length: 5 }, (_, i) => kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, 50 + i) }));
    const [noted, delivered] = await Promise.all([Promise.all(notes), Promise.all(intakes)]);
    expect(noted).toHaveLength(5);
    expect(delivered.map((a) => a.duplicate)).toEqual([false, false, false, false, false]);
    expect((await detail(2)).events.filter((e) => e.internalNote?.startsWith('并发备注'))).toHaveLength(5);
  });

  it('answers 400 invalid_ticket_number for a bad check digit and 404 unknown_ticket for an unknown ticket', async () => {
    expect((await refusal(admin.call(ticketsApi.get, { params: { ticketNumber: '000100000010' } }))).code).toBe('invalid_ticket_number');
    const unknown = await refusal(detail(99));
    expect([unknown.status, unknown.code]).toEqual([404, 'unknown_ticket']);
  });

  it('records each handling step in the audit log, still intact', async () => {
    const actions = (await readAuditLog(central, 200)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['ticket.status', 'ticket.assign', 'ticket.reply', 'ticket.create', 'ticket.view-contact']));
    expect(await admin.call(auditApi.verify)).toMatchObject({ ok: true });
  });

  it('lists breached and due-soon tickets', async () => {
    expect(Array.isArray(await admin.call(ticketsApi.listDeadlines, { query: { kind: 'breached' } }))).toBe(true);
    expect((await refusal(admin.call(ticketsApi.listDeadlines, { query: { kind: 'someday' as 'breached' } }))).status).toBe(400);
  });
});

describe('ticket lists by deadline', () => {
  let central: TestCentral;
  // Central's clock moves; the tickets were received on a Monday at 10:00 in the county.
  let now = new Date('2026-11-23T02:00:00Z');

  beforeAll(async () => {
    central = await startTestCentral({ now: () => now });
  });
  afterAll(() => central.close());

  it('names a ticket past a deadline as breached, and one whose reply is due within two working days as due soon', async () => {
    let admin = await adminApiClient(central.url);
    // Sessions last 8 hours of central's clock: log in again each time it moves.
    const at = async (iso: string) => {
      now = new Date(iso);
      admin = await adminApiClient(central.url);
    };
    const create = async () => (await admin.call(ticketsApi.create, { body: { channel: 'phone', category: 'subsidy', text: '补贴没有发' } })).ticketNumber;
    const [onTime, forgotten] = [await create(), await create()];
    const deadlines = async (kind: 'due_soon' | 'breached') => (await admin.call(ticketsApi.listDeadlines, { query: { kind } })).map((t) => t.ticketNumber);
    expect([await deadlines('breached'), await deadlines('due_soon')]).toEqual([[], []]);
    // Acknowledge by Thursday 26 November (3 working days): one is accepted on Wednesday, the other never.
    await at('2026-11-25T02:00:00Z');
    await admin.call(ticketsApi.act, { params: { ticketNumber: onTime }, body: { action: 'status', status: 'accepted' } });
    await at('2026-11-27T02:00:00Z');
    const breached = await admin.call(ticketsApi.listDeadlines, { query: { kind: 'breached' } });
    expect(breached).toEqual([expect.objectContaining({ ticketNumber: forgotten, acknowledgeBy: '2026-11-26', isAcknowledgeLate: true, isReplyLate: false })]);
    // Reply by Monday 14 December (15 working days): from Thursday 10 December it is due soon.
    await at('2026-12-09T02:00:00Z');
    expect(await deadlines('due_soon')).toEqual([]);
    await at('2026-12-10T02:00:00Z');
    expect([await deadlines('due_soon'), await deadlines('breached')]).toEqual([[onTime], [forgotten]]);
  });
});
