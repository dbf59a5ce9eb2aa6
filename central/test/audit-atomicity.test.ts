import path from 'node:path';
import { ApiCallError, type ApiClient, fleetApi, importsApi, kioskApi, makeIdNumber, settingsApi, staffApi, ticketsApi } from '@sunshine/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository } from '../src/audit/audit.repository';
import type { Db } from '../src/platform/database';
import { createKioskRepository } from '../src/fleet/kiosks.repository';
import { verifyAuditChain, type ChainedAuditEntry } from '../src/audit/audit-chain';
import { createEnrolmentCode, newEnrolmentCode } from '../src/fleet/enrolment.service';
import { apiClient, buildIntake, countyRows, loginAs, refusal } from './factories';
import { adminApiClient, createStaffAccount, staffClient, startTestCentral, type TestCentral } from './harness';
import { approveImport, importReport, uploadFile } from './import-support';
import { storeSnapshot } from './store-snapshot';

/** Makes the store refuse audit entries of these actions (a test-only trigger) until the answer is called. */
async function refuseAuditOf(db: Db, ...actions: string[]): Promise<() => Promise<void>> {
  const list = sql.join(actions.map((a) => sql.lit(a)));
  await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action IN (${list}) BEGIN SELECT RAISE(ABORT, 'audit entry refused'); END`.execute(db);
  return async () => void (await sql`DROP TRIGGER refuse_audit`.execute(db));
}

async function auditChain(db: Db): Promise<ChainedAuditEntry[]> {
  const entries: ChainedAuditEntry[] = [];
  for await (const e of createAuditRepository(db).streamAll()) entries.push(e);
  return entries;
}

describe('a staff action and its audit entry commit together', () => {
  let central: TestCentral;
  let adminApi: ApiClient;
  let publisher: ApiClient;
  let reviewer: ApiClient;
  let village: string;

  /** Runs `act` while the audit log refuses `action`: it must fail and leave the store exactly as it was. */
  const expectUndoneWithoutAudit = async (action: string, act: () => Promise<unknown>) => {
    const before = await storeSnapshot(central.db);
    const restore = await refuseAuditOf(central.db, action);
    try {
      // A plain fetch answers a Response; the typed client throws its refusal.
      const outcome = await act().catch((err: unknown) => err);
      expect(outcome instanceof Response || outcome instanceof ApiCallError ? outcome.status : outcome).toBe(500);
    } finally {
      await restore();
    }
    expect(await storeSnapshot(central.db)).toEqual(before);
  };

  /** The newest audit entry, after checking the whole chain still verifies. */
  const lastEntry = async () => {
    const chain = await auditChain(central.db);
    expect(await verifyAuditChain(chain)).toEqual({ ok: true, entries: chain.length });
    return { ...chain.at(-1), details: JSON.parse(chain.at(-1)?.details ?? 'null') };
  };

  beforeAll(async () => {
    central = await startTestCentral();
    village = countyRows(path.join(central.dir, 'county'), 'villages')[0]?.code ?? '';
    adminApi = await adminApiClient(central.url);
    await createStaffAccount(central, { username: 'minzheng', displayName: '民政发布员', role: 'publisher', department: '县民政局', password: 'publisher-password' });
    await createStaffAccount(central, { username: 'shenhe', displayName: '审核员', role: 'reviewer', password: 'reviewer-password' });
    publisher = apiClient(central.url, { cookie: await loginAs(central.url, 'minzheng', 'publisher-password') });
    reviewer = apiClient(central.url, { cookie: await loginAs(central.url, 'shenhe', 'reviewer-password') });
  });
  afterAll(() => central.close());

  it('approves an import only with its audit entry: publish, claim and entry in one transaction', async () => {
    const idNumber = makeIdNumber('452123', '1961-04-02', 3);
    const csv = `id,programCode,recipientName,idNumber,villageCode,amountFen,period,paidDate,department\natomic-1,dibao,张三,${idNumber},${village},60000,2026-10,2026-10-09,县民政局`;
    const { importId } = await uploadFile(publisher, { type: 'payments' }, csv);

    await expectUndoneWithoutAudit('import.approve', () => approveImport(reviewer, importId));
    expect(await importReport(reviewer, importId)).toMatchObject({ status: 'staged', version: null });

    const result = await approveImport(reviewer, importId);
    expect(await lastEntry()).toMatchObject({ actor: 'shenhe', action: 'import.approve', target: String(importId), details: result });
    expect(await importReport(reviewer, importId)).toMatchObject({ status: 'approved', version: result.version });
    expect(await central.db.selectFrom('import_rows').select('row_number').where('import_id', '=', importId).execute()).toEqual([]);
  });

  it('stages an upload only with its audit entry', async () => {
    const csv = 'id,title,body,category,scopeCode,publishDate,expiryDate\natomic-n1,公示,正文,village,' + village + ',2026-10-01,';
    const upload = () => uploadFile(publisher, { type: 'notices' }, csv);
    await expectUndoneWithoutAudit('import.upload', upload);
    const { importId } = await upload();
    expect(await lastEntry()).toMatchObject({ actor: 'minzheng', action: 'import.upload', target: String(importId), details: { contentType: 'notices', department: '县民政局' } });
  });

  it('stages a correction only with its audit entry, which names the import a reviewer approves', async () => {
    const change = { changes: { amountFen: 65000 }, reason: '金额录错' };
    const correct = () => publisher.call(importsApi.correctRecord, { params: { table: 'payments', id: 'atomic-1' }, body: change });
    await expectUndoneWithoutAudit('record.correct', correct);
    const staged = await correct();
    expect(await lastEntry()).toMatchObject({ actor: 'minzheng', action: 'record.correct', target: 'payments/atomic-1', details: { ...change, importId: staged.importId } });

    const result = await approveImport(reviewer, staged.importId);
    expect(await lastEntry()).toMatchObject({ actor: 'shenhe', action: 'import.approve', target: String(staged.importId), details: result });
    const record = await central.db.selectFrom('content_records').select(['data', 'version']).where('table_name', '=', 'payments').where('id', '=', 'atomic-1').executeTakeFirstOrThrow();
    expect([JSON.parse(record.data).amountFen, record.version]).toEqual([65000, result.version]);
  });

  it("approves an admin's own import alone only with its audit entry, which keeps the reason", async () => {
    const csv = `id,title,body,category,scopeCode,publishDate,expiryDate\natomic-n3,公示,正文,village,${village},2026-10-01,`;
    const { importId } = await uploadFile(adminApi, { type: 'notices', department: '县民政局' }, csv);
    const alone = { reason: '审核员病假，停水通知须今天发布' };
    await expectUndoneWithoutAudit('import.approve-alone', () => approveImport(adminApi, importId, alone.reason));
    const result = await approveImport(adminApi, importId, alone.reason);
    expect(await lastEntry()).toMatchObject({ actor: 'admin', action: 'import.approve-alone', target: String(importId), details: { ...result, ...alone } });
  });

  it('creates, disables and resets a staff account only with its audit entry; the account keeps working meanwhile', async () => {
    const account = { username: 'banli', displayName: '办理员', role: 'handler', password: 'handler-password' } as const;
    const disable = () => adminApi.call(staffApi.updateAccount, { params: { username: 'banli' }, body: { disabled: true, password: 'another-password' } });
    await expectUndoneWithoutAudit('staff.create', () => adminApi.call(staffApi.createAccount, { body: account }));
    await adminApi.call(staffApi.createAccount, { body: account });
    const handler = apiClient(central.url, { cookie: await loginAs(central.url, 'banli', 'handler-password') });

    await expectUndoneWithoutAudit('staff.update', disable);
    expect(await handler.call(ticketsApi.list, { query: {} })).toMatchObject({ items: expect.any(Array) });

    await disable();
    expect(await lastEntry()).toMatchObject({ actor: 'admin', action: 'staff.update', target: 'banli', details: { passwordReset: true, disabled: true } });
    expect((await refusal(handler.call(ticketsApi.list, { query: {} }))).status).toBe(401);
  });

  it('replies to a ticket only with its audit entry', async () => {
    const kiosk = await central.enrol();
    const intake = buildIntake(kiosk.kioskNumber, 1);
    expect(await apiClient(central.url, { token: kiosk.token }).call(kioskApi.deliverComplaint, { body: intake })).toMatchObject({ duplicate: false });
    const params = { ticketNumber: intake.ticketNumber };
    await adminApi.call(ticketsApi.act, { params, body: { action: 'status', status: 'accepted' } });

    const reply = { action: 'reply', reply: '已核实，补贴下月补发。' } as const;
    await expectUndoneWithoutAudit('ticket.reply', () => adminApi.call(ticketsApi.act, { params, body: reply }));
    const detail = await adminApi.call(ticketsApi.act, { params, body: reply });
    expect(detail).toMatchObject({ status: 'replied', reply: reply.reply });
    expect(await lastEntry()).toMatchObject({ actor: 'admin', action: 'ticket.reply', target: intake.ticketNumber, details: reply });
  });

  it('enrols a kiosk only with its audit entry, and a code refused that way is still unused', async () => {
    const code = newEnrolmentCode();
    await createEnrolmentCode({ kiosks: createKioskRepository(central.db), now: () => new Date() }, code, { ttlHours: 1 });
    const enrol = () => apiClient(central.url).call(fleetApi.enrol, { body: { code, name: '村委会' } });
    await expectUndoneWithoutAudit('kiosk.enrol', enrol);
    expect((await enrol()).name).toBe('村委会');
    expect(await lastEntry()).toMatchObject({ action: 'kiosk.enrol', details: { name: '村委会' } });
  });

  it('leaves every other staff action undone, and shows no contact, when its audit entry fails', async () => {
    const kiosk = await central.enrol();
    const intake = buildIntake(kiosk.kioskNumber, 1, { contact: { name: '王建国', phone: '13800001111' } });
    const kioskApiClient = apiClient(central.url, { token: kiosk.token });
    expect(await kioskApiClient.call(kioskApi.deliverComplaint, { body: intake })).toMatchObject({ duplicate: false });
    const notice = `id,title,body,category,scopeCode,publishDate,expiryDate\natomic-n2,公示,正文,village,${village},2026-10-01,`;
    const { importId } = await uploadFile(publisher, { type: 'notices' }, notice);
    const session = await staffClient(central, 'shenhe', 'reviewer-password');
    const categories = await adminApi.call(settingsApi.listCategories);
    const otherVillage = countyRows(path.join(central.dir, 'county'), 'villages')[1]?.code;

    const actions: [string, () => Promise<unknown>][] = [
      ['import.reject', () => reviewer.call(importsApi.reject, { params: { id: importId }, body: { reason: '正文不全' } })],
      ['record.withdraw', () => publisher.call(importsApi.withdrawRecord, { params: { table: 'payments', id: 'atomic-1' }, body: { reason: '重复发放' } })],
      ['kiosk.move', () => adminApi.call(fleetApi.moveKiosk, { params: { kioskNumber: kiosk.kioskNumber }, body: { villageCode: otherVillage ?? '' } })],
      ['kiosk.revoke', () => adminApi.call(fleetApi.revokeKiosk, { params: { kioskNumber: kiosk.kioskNumber } })],
      ['kiosk.enrolment-code', () => adminApi.call(fleetApi.createEnrolmentCode, { body: { kioskName: '村委会', ttlHours: 1 } })],
      ['kiosk.re-enrolment-code', () => adminApi.call(fleetApi.createReEnrolmentCode, { params: { kioskNumber: kiosk.kioskNumber }, body: { ttlHours: 1 } })],
      ['ticket.create', () => adminApi.call(ticketsApi.create, { body: { channel: 'phone', category: 'other', text: '路灯坏了' } })],
      ['ticket.view-contact', () => adminApi.call(ticketsApi.get, { params: { ticketNumber: intake.ticketNumber } })],
      ['auth.login', () => apiClient(central.url).call(staffApi.login, { body: { username: 'shenhe', password: 'reviewer-password' } })],
      ['auth.logout', () => session.call(staffApi.logout)],
      ['settings.complaint-categories', () => adminApi.call(settingsApi.replaceCategories, { body: [{ code: 'land', name: '土地问题', acknowledgeDays: 3, replyDays: 20 }] })],
    ];
    for (const [action, act] of actions) await expectUndoneWithoutAudit(action, act);
    expect(await adminApi.call(settingsApi.listCategories)).toEqual(categories);
    expect(await session.call(staffApi.me)).toMatchObject({ username: 'shenhe' });
    expect(await kioskApiClient.call(kioskApi.getTicket, { params: { ticketNumber: intake.ticketNumber }, query: {} })).toMatchObject({ status: 'received' });
  });

  it('refuses to append an audit entry outside a transaction', async () => {
    const entry = { at: new Date().toISOString(), actor: 'admin', action: 'test.loose', target: null };
    await expect(createAuditRepository(central.db).append(entry)).rejects.toThrow(/transaction of its action/);
  });
});
