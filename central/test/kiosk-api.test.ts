import fs from 'node:fs';
import path from 'node:path';
import { ApiError, ComplaintIntakeAck, OpenTicketSummary, PublicTicket, makeTicketNumber } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHeartbeat, buildIntake, client } from './factories';
import { adminClient, startTestCentral, type TestCentral } from './harness';

const errorCode = async (res: Response) => ApiError.parse(await res.json()).error.code;

describe("central's kiosk API", () => {
  let central: TestCentral;
  let kiosk: ReturnType<typeof client>;
  let kioskNumber: string;
  const ticketCount = async () => (await central.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  beforeAll(async () => {
    central = await startTestCentral();
    const enrolled = await central.enrol('东关村');
    kioskNumber = enrolled.kioskNumber;
    kiosk = client(central.url, { token: enrolled.token });
  });
  afterAll(() => central.close());

  it('accepts a complaint once with 201 and answers a replay with 200 duplicate', async () => {
    const intake = buildIntake(kioskNumber, 1);
    const first = await kiosk.post('/api/kiosk-api/complaints', intake);
    expect(first.status).toBe(201);
    expect(ComplaintIntakeAck.parse(await first.json())).toEqual({ ticketNumber: intake.ticketNumber, duplicate: false });
    const replay = await kiosk.post('/api/kiosk-api/complaints', intake);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ ticketNumber: intake.ticketNumber, duplicate: true });
  });

  it('creates exactly one ticket when the same complaint arrives ten times at once', async () => {
    const intake = buildIntake(kioskNumber, 2);
    const before = await ticketCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => kiosk.post('/api/kiosk-api/complaints', intake)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await ticketCount()).toBe(before + 1);
    const events = await central.db.selectFrom('ticket_events').selectAll().where('ticket_number', '=', intake.ticketNumber).execute();
    expect(events).toHaveLength(1);
  });

  it('stores a voice recording and seals the contact so no plaintext name or phone is in the store', async () => {
    const audio = Buffer.from('RIFF fake wav bytes for the test');
    const intake = buildIntake(kioskNumber, 3, { text: undefined, audio: { mime: 'audio/wav', data: audio.toString('base64'), durationSeconds: 4 }, contact: { name: '张秀英', phone: '13912345678' } });
    expect((await kiosk.post('/api/kiosk-api/complaints', intake)).status).toBe(201);
    const row = await central.db.selectFrom('tickets').selectAll().where('ticket_number', '=', intake.ticketNumber).executeTakeFirstOrThrow();
    expect(row.contact_sealed).toMatch(/^v1\./);
    const store = path.join(central.dir, 'central', 'central.sqlite');
    const file = Buffer.concat([store, `${store}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    expect(file.includes(Buffer.from('13912345678'))).toBe(false);
    expect(file.includes(Buffer.from('张秀英'))).toBe(false);
    expect(row.audio_sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = fs.readFileSync(path.join(central.dir, 'central', 'audio', row.audio_sha256?.slice(0, 2) ?? '', row.audio_sha256 ?? ''));
    expect(stored.equals(audio)).toBe(true);
    const admin = await adminClient(central.url);
    const played = await admin.get(`/api/tickets/${intake.ticketNumber}/audio`);
    expect(played.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await played.arrayBuffer()).equals(audio)).toBe(true);
    expect((await admin.get(`/api/tickets/${buildIntake(kioskNumber, 1).ticketNumber}/audio`)).status).toBe(404);
  });

  it('accepts a voice recording over the 1 MB default body limit', async () => {
    const audio = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64');
    const res = await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 4, { audio: { mime: 'audio/webm', data: audio } }));
    expect(res.status).toBe(201);
  });

  it('refuses a body over 8 MB with 413 and stores nothing', async () => {
    const before = await ticketCount();
    const huge = 'A'.repeat(9 * 1024 * 1024);
    const res = await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 5, { audio: { mime: 'audio/webm', data: huge } }));
    expect(res.status).toBe(413);
    expect(await ticketCount()).toBe(before);
  });

  it('refuses wrong types, an unknown category and another kiosk\'s ticket number with 4xx and stores nothing', async () => {
    const before = await ticketCount();
    const wrongType = await kiosk.post('/api/kiosk-api/complaints', { ...buildIntake(kioskNumber, 6), text: 42 });
    expect([wrongType.status, await errorCode(wrongType)]).toEqual([400, 'bad_request']);
    const badCategory = await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 6, { category: 'Not A Code!' }));
    expect(badCategory.status).toBe(400);
    const otherKiosk = await kiosk.post('/api/kiosk-api/complaints', { ...buildIntake(kioskNumber, 6), ticketNumber: makeTicketNumber(77, 6) });
    expect([otherKiosk.status, await errorCode(otherKiosk)]).toEqual([403, 'forbidden']);
    const badCheckDigit = await kiosk.post('/api/kiosk-api/complaints', { ...buildIntake(kioskNumber, 6), ticketNumber: '000100000010' });
    expect(badCheckDigit.status).toBe(400);
    const notJson = await kiosk.post('/api/kiosk-api/complaints', '{"oops');
    expect(notJson.status).toBe(400);
    expect(await ticketCount()).toBe(before);
  });

  it('keeps a villager\'s <script> as plain text', async () => {
    const intake = buildIntake(kioskNumber, 7, { text: '<script>alert(1)</script>补贴' });
    expect((await kiosk.post('/api/kiosk-api/complaints', intake)).status).toBe(201);
    const row = await central.db.selectFrom('tickets').select('text').where('ticket_number', '=', intake.ticketNumber).executeTakeFirstOrThrow();
    expect(row.text).toBe('<script>alert(1)</script>补贴');
  });

  it('refuses requests without a known kiosk token', async () => {
    const anonymous = client(central.url, { token: 'not-a-token' });
    expect((await anonymous.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 8))).status).toBe(401);
    expect((await anonymous.get('/api/kiosk-api/complaint-categories')).status).toBe(401);
    expect((await client(central.url).post('/api/kiosk-api/heartbeat', buildHeartbeat())).status).toBe(401);
  });

  it('shows a ticket\'s status and timeline to anyone, and nothing of the reply without the PIN', async () => {
    const number = buildIntake(kioskNumber, 1).ticketNumber;
    const res = await kiosk.get(`/api/kiosk-api/tickets/${number}`);
    expect(res.status).toBe(200);
    const ticket = PublicTicket.parse(await res.json());
    expect(ticket).toMatchObject({ ticketNumber: number, status: 'received', category: 'subsidy', hasReply: false, reply: null, isLate: false });
    expect(ticket.timeline).toEqual([{ status: 'received', at: expect.any(String), note: null }]);
    expect(ticket.expectedReplyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const spaced = await kiosk.get(`/api/kiosk-api/tickets/${number.slice(0, 4)}%20${number.slice(4, 11)}%20${number.slice(11)}`);
    expect(spaced.status).toBe(200);
  });

  it('answers the ticket with the right PIN, 403 wrong_pin with a wrong one', async () => {
    const number = buildIntake(kioskNumber, 1).ticketNumber;
    expect((await kiosk.get(`/api/kiosk-api/tickets/${number}?pin=1234`)).status).toBe(200);
    const wrong = await kiosk.get(`/api/kiosk-api/tickets/${number}?pin=9999`);
    expect([wrong.status, await errorCode(wrong)]).toEqual([403, 'wrong_pin']);
    const malformed = await kiosk.get(`/api/kiosk-api/tickets/${number}?pin=12`);
    expect(malformed.status).toBe(400);
  });

  it('answers 400 invalid_ticket_number for a bad check digit and 404 for an unknown ticket', async () => {
    const bad = await kiosk.get('/api/kiosk-api/tickets/000100000010');
    expect([bad.status, await errorCode(bad)]).toEqual([400, 'invalid_ticket_number']);
    const unknown = await kiosk.get(`/api/kiosk-api/tickets/${makeTicketNumber(Number(kioskNumber), 999)}`);
    expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'not_found']);
  });

  it('lists the open tickets about a subject, newest first', async () => {
    const subject = { kind: 'payment' as const, id: 'pay-42', title: '2026年耕地地力保护补贴' };
    for (const seq of [10, 11]) expect((await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, seq, { subject }))).status).toBe(201);
    const res = await kiosk.get('/api/kiosk-api/subjects/payment/pay-42/open-tickets');
    const list = OpenTicketSummary.array().parse(await res.json());
    expect(list.map((t) => t.ticketNumber)).toEqual([makeTicketNumber(Number(kioskNumber), 11), makeTicketNumber(Number(kioskNumber), 10)]);
    expect(await (await kiosk.get('/api/kiosk-api/subjects/project/pay-42/open-tickets')).json()).toEqual([]);
    expect((await kiosk.get('/api/kiosk-api/subjects/person/pay-42/open-tickets')).status).toBe(400);
  });

  it('lists the complaint categories', async () => {
    const res = await kiosk.get('/api/kiosk-api/complaint-categories');
    expect(await res.json()).toContainEqual({ code: 'subsidy', name: '补贴发放' });
  });

  it('stores a heartbeat and marks the kiosk seen; refuses a malformed one', async () => {
    expect((await kiosk.post('/api/kiosk-api/heartbeat', buildHeartbeat({ outboxPending: 3 }))).status).toBe(200);
    const rows = await central.db.selectFrom('heartbeats').selectAll().where('kiosk_number', '=', kioskNumber).execute();
    expect(rows.at(-1)?.outbox_pending).toBe(3);
    const seen = await central.db.selectFrom('kiosks').select('last_seen_at').where('kiosk_number', '=', kioskNumber).executeTakeFirstOrThrow();
    expect(seen.last_seen_at).not.toBeNull();
    const bad = await kiosk.post('/api/kiosk-api/heartbeat', buildHeartbeat({ outboxPending: -1 }));
    expect(bad.status).toBe(400);
    expect(await central.db.selectFrom('heartbeats').selectAll().where('kiosk_number', '=', kioskNumber).execute()).toHaveLength(rows.length);
  });
});

describe('complaint intake rate limit', () => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startTestCentral({ env: { CENTRAL_COMPLAINTS_PER_MINUTE: '3' } });
  });
  afterAll(() => central.close());

  it('answers 429 with Retry-After past the per-kiosk limit, and other kiosks are not affected', async () => {
    const a = await central.enrol('a');
    const b = await central.enrol('b');
    const kioskA = client(central.url, { token: a.token });
    const statuses = [];
    for (let seq = 1; seq <= 4; seq++) statuses.push((await kioskA.post('/api/kiosk-api/complaints', buildIntake(a.kioskNumber, seq))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await kioskA.post('/api/kiosk-api/complaints', buildIntake(a.kioskNumber, 5));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await client(central.url, { token: b.token }).post('/api/kiosk-api/complaints', buildIntake(b.kioskNumber, 1))).status).toBe(201);
  });
});
