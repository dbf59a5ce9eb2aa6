import fs from 'node:fs';
import path from 'node:path';
import { fleetApi, kioskApi, makeTicketNumber, ticketsApi, urlOf, type ApiClient } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, buildHeartbeat, buildIntake, refusal } from './factories';
import { adminApiClient, startTestCentral, type TestCentral } from './harness';

const deliver = kioskApi.deliverComplaint;

describe("central's kiosk API", () => {
  let central: TestCentral;
  let kiosk: ApiClient;
  let kioskNumber: string;
  let token: string;
  const ticketCount = async () => (await central.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  /** A body sent as it is, past the client's types: what a faulty or hostile kiosk could send. */
  const rawIntake = (text: string) => kiosk.call(deliver, { body: buildIntake(kioskNumber, 6) }, { rawBody: { data: text, contentType: 'application/json' } });

  beforeAll(async () => {
    central = await startTestCentral();
    const enrolled = await central.enrol('东关村');
    ({ kioskNumber, token } = enrolled);
    kiosk = apiClient(central.url, { token });
  });
  afterAll(() => central.close());

  it('accepts a complaint once with 201 and answers a replay with 200 duplicate', async () => {
    const intake = buildIntake(kioskNumber, 1);
    // The status itself, which the typed client reads past: 201 made, 200 already there.
    const post = () => fetch(central.url + urlOf(deliver, { body: intake }), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(intake) });
    const first = await post();
    expect([first.status, await first.json()]).toEqual([201, { ticketNumber: intake.ticketNumber, duplicate: false }]);
    const replay = await post();
    expect([replay.status, await replay.json()]).toEqual([200, { ticketNumber: intake.ticketNumber, duplicate: true }]);
    expect(await kiosk.call(deliver, { body: intake })).toEqual({ ticketNumber: intake.ticketNumber, duplicate: true });
  });

  it('creates exactly one ticket when the same complaint arrives ten times at once', async () => {
    const intake = buildIntake(kioskNumber, 2);
    const before = await ticketCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => kiosk.call(deliver, { body: intake })));
    expect(answers.map((a) => a.duplicate).sort()).toEqual([false, true, true, true, true, true, true, true, true, true]);
    expect(await ticketCount()).toBe(before + 1);
    const events = await central.db.selectFrom('ticket_events').selectAll().where('ticket_number', '=', intake.ticketNumber).execute();
    expect(events).toHaveLength(1);
  });

  it('stores a voice recording and seals the contact so no plaintext name or phone is in the store', async () => {
    const audio = Buffer.from('RIFF fake wav bytes for the test');
    const intake = buildIntake(kioskNumber, 3, { text: undefined, audio: { mime: 'audio/wav', data: audio.toString('base64'), durationSeconds: 4 }, contact: { name: '张秀英', phone: '13912345678' } });
    await kiosk.call(deliver, { body: intake });
    const row = await central.db.selectFrom('tickets').selectAll().where('ticket_number', '=', intake.ticketNumber).executeTakeFirstOrThrow();
    expect(row.contact_sealed).toMatch(/^v1\./);
    const store = path.join(central.dir, 'central', 'central.sqlite');
    const file = Buffer.concat([store, `${store}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    expect(file.includes(Buffer.from('13912345678'))).toBe(false);
    expect(file.includes(Buffer.from('张秀英'))).toBe(false);
    expect(row.audio_sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = fs.readFileSync(path.join(central.dir, 'central', 'audio', row.audio_sha256?.slice(0, 2) ?? '', row.audio_sha256 ?? ''));
    expect(stored.equals(audio)).toBe(true);
    const admin = await adminApiClient(central.url);
    const played = await admin.call(ticketsApi.getRecording, { params: { ticketNumber: intake.ticketNumber } });
    expect(played.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await played.arrayBuffer()).equals(audio)).toBe(true);
    const silent = await refusal(admin.call(ticketsApi.getRecording, { params: { ticketNumber: buildIntake(kioskNumber, 1).ticketNumber } }));
    expect([silent.status, silent.code]).toEqual([404, 'no_recording']);
  });

  it('accepts a voice recording over the 1 MB default body limit', async () => {
    const audio = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64');
    expect(await kiosk.call(deliver, { body: buildIntake(kioskNumber, 4, { audio: { mime: 'audio/webm', data: audio } }) })).toMatchObject({ duplicate: false });
  });

  it('refuses a body over 8 MB with 413 and stores nothing', async () => {
    const before = await ticketCount();
    const huge = 'A'.repeat(9 * 1024 * 1024);
    const refused = await refusal(kiosk.call(deliver, { body: buildIntake(kioskNumber, 5, { audio: { mime: 'audio/webm', data: huge } }) }));
    expect([refused.status, refused.code]).toEqual([413, 'payload_too_large']);
    expect(await ticketCount()).toBe(before);
  });

  it("refuses wrong types, an unknown category and another kiosk's ticket number with 4xx and stores nothing", async () => {
    const before = await ticketCount();
    const wrongType = await refusal(rawIntake(JSON.stringify({ ...buildIntake(kioskNumber, 6), text: 42 })));
    expect([wrongType.status, wrongType.code]).toEqual([400, 'bad_request']);
    const badCategory = await refusal(kiosk.call(deliver, { body: buildIntake(kioskNumber, 6, { category: 'Not A Code!' }) }));
    expect([badCategory.status, badCategory.code]).toEqual([400, 'invalid_category']);
    const otherKiosk = await refusal(kiosk.call(deliver, { body: { ...buildIntake(kioskNumber, 6), ticketNumber: makeTicketNumber(77, 6) } }));
    expect([otherKiosk.status, otherKiosk.code]).toEqual([403, 'foreign_ticket_number']);
    const badCheckDigit = await refusal(kiosk.call(deliver, { body: { ...buildIntake(kioskNumber, 6), ticketNumber: '000100000010' } }));
    expect(badCheckDigit.status).toBe(400);
    expect((await refusal(rawIntake('{"oops'))).status).toBe(400);
    expect(await ticketCount()).toBe(before);
  });

  it("keeps a villager's <script> as plain text", async () => {
    const intake = buildIntake(kioskNumber, 7, { text: '<script>alert(1)</script>补贴' });
    await kiosk.call(deliver, { body: intake });
    const row = await central.db.selectFrom('tickets').select('text').where('ticket_number', '=', intake.ticketNumber).executeTakeFirstOrThrow();
    expect(row.text).toBe('<script>alert(1)</script>补贴');
  });

  it('refuses requests without a known kiosk token', async () => {
    const anonymous = apiClient(central.url, { token: 'not-a-token' });
    expect((await refusal(anonymous.call(deliver, { body: buildIntake(kioskNumber, 8) }))).status).toBe(401);
    expect((await refusal(anonymous.call(kioskApi.listComplaintCategories))).status).toBe(401);
    expect((await refusal(anonymous.call(fleetApi.heartbeat, { body: buildHeartbeat() }))).status).toBe(401);
  });

  it("shows a ticket's status and timeline to anyone, and nothing of the reply without the PIN", async () => {
    const number = buildIntake(kioskNumber, 1).ticketNumber;
    const ticket = await kiosk.call(kioskApi.getTicket, { params: { ticketNumber: number }, query: {} });
    expect(ticket).toMatchObject({ ticketNumber: number, status: 'received', category: 'subsidy', hasReply: false, reply: null, isLate: false });
    expect(ticket.timeline).toEqual([{ status: 'received', at: expect.any(String), note: null }]);
    expect(ticket.expectedReplyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const spaced = await kiosk.call(kioskApi.getTicket, { params: { ticketNumber: `${number.slice(0, 4)} ${number.slice(4, 11)} ${number.slice(11)}` }, query: {} });
    expect(spaced.ticketNumber).toBe(number);
  });

  it('answers the ticket with the right PIN, 403 wrong_pin with a wrong one', async () => {
    const ticketNumber = buildIntake(kioskNumber, 1).ticketNumber;
    expect(await kiosk.call(kioskApi.getTicket, { params: { ticketNumber }, query: { pin: '1234' } })).toMatchObject({ ticketNumber });
    const wrong = await refusal(kiosk.call(kioskApi.getTicket, { params: { ticketNumber }, query: { pin: '9999' } }));
    expect([wrong.status, wrong.code]).toEqual([403, 'wrong_pin']);
    const malformed = await refusal(kiosk.call(kioskApi.getTicket, { params: { ticketNumber }, query: { pin: '12' } }));
    expect([malformed.status, malformed.code]).toEqual([400, 'bad_request']);
  });

  it('refuses even the right PIN with 429 pin_locked and Retry-After once ten wrong PINs were tried for the ticket', async () => {
    const intake = buildIntake(kioskNumber, 30);
    await kiosk.call(deliver, { body: intake });
    const lookup = (pin: string) => kiosk.call(kioskApi.getTicket, { params: { ticketNumber: intake.ticketNumber }, query: { pin } });
    const guesses = [];
    for (let i = 0; i < 10; i++) guesses.push((await refusal(lookup(String(5000 + i)))).code);
    expect(guesses).toEqual(Array(10).fill('wrong_pin'));
    const locked = await refusal(lookup(intake.pin));
    expect([locked.status, locked.code]).toEqual([429, 'pin_locked']);
    expect(locked.retryAfterMs).toBeGreaterThan(3_500_000);
    // Without a PIN the public part still shows: the lock guards the reply, not the status.
    expect(await kiosk.call(kioskApi.getTicket, { params: { ticketNumber: intake.ticketNumber }, query: {} })).toMatchObject({ status: 'received' });
  });

  it('answers 400 invalid_ticket_number for a bad check digit and 404 unknown_ticket for an unknown ticket', async () => {
    const bad = await refusal(kiosk.call(kioskApi.getTicket, { params: { ticketNumber: '000100000010' }, query: {} }));
    expect([bad.status, bad.code]).toEqual([400, 'invalid_ticket_number']);
    const unknown = await refusal(kiosk.call(kioskApi.getTicket, { params: { ticketNumber: makeTicketNumber(Number(kioskNumber), 999) }, query: {} }));
    expect([unknown.status, unknown.code]).toEqual([404, 'unknown_ticket']);
  });

  it('lists the open tickets about a subject, newest first', async () => {
    const subject = { kind: 'payment' as const, id: 'pay-42', title: '2026年耕地地力保护补贴' };
    for (const seq of [10, 11]) await kiosk.call(deliver, { body: buildIntake(kioskNumber, seq, { subject }) });
    const list = await kiosk.call(kioskApi.listOpenTickets, { params: { kind: 'payment', id: 'pay-42' } });
    expect(list.map((t) => t.ticketNumber)).toEqual([makeTicketNumber(Number(kioskNumber), 11), makeTicketNumber(Number(kioskNumber), 10)]);
    expect(await kiosk.call(kioskApi.listOpenTickets, { params: { kind: 'project', id: 'pay-42' } })).toEqual([]);
    expect((await refusal(kiosk.call(kioskApi.listOpenTickets, { params: { kind: 'person', id: 'pay-42' } }))).status).toBe(400);
  });

  it('lists the complaint categories', async () => {
    expect(await kiosk.call(kioskApi.listComplaintCategories)).toContainEqual({ code: 'subsidy', name: '补贴发放' });
  });

  it('stores a heartbeat and marks the kiosk seen; refuses a malformed one', async () => {
    const beats = apiClient(central.url, { token });
    await beats.call(fleetApi.heartbeat, { body: buildHeartbeat({ outboxPending: 3 }) });
    const rows = await central.db.selectFrom('heartbeats').selectAll().where('kiosk_number', '=', kioskNumber).execute();
    expect(rows.at(-1)?.outbox_pending).toBe(3);
    const seen = await central.db.selectFrom('kiosks').select('last_seen_at').where('kiosk_number', '=', kioskNumber).executeTakeFirstOrThrow();
    expect(seen.last_seen_at).not.toBeNull();
    const bad = await refusal(beats.call(fleetApi.heartbeat, { body: buildHeartbeat({ outboxPending: -1 }) }));
    expect([bad.status, bad.code]).toEqual([400, 'bad_request']);
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
    const kioskA = apiClient(central.url, { token: a.token });
    const answers = [];
    for (let seq = 1; seq <= 4; seq++) answers.push(await kioskA.call(deliver, { body: buildIntake(a.kioskNumber, seq) }).then(() => 'accepted', (err: unknown) => err));
    expect(answers.slice(0, 3)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(answers[3]).toMatchObject({ status: 429, code: 'rate_limited' });
    const limited = await refusal(kioskA.call(deliver, { body: buildIntake(a.kioskNumber, 5) }));
    expect(limited.retryAfterMs).toBeGreaterThan(0);
    expect(limited.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(await apiClient(central.url, { token: b.token }).call(deliver, { body: buildIntake(b.kioskNumber, 1) })).toMatchObject({ duplicate: false });
  });
});
