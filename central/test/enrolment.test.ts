import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, fleetApi, syncApi } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/platform/database';
import { createKioskRepository } from '../src/fleet/kiosks.repository';
import { createAudited } from '../src/platform/unit-of-work';
import { createEnrolmentCode, enrolKiosk } from '../src/fleet/enrolment.service';
import { apiClient, refusal } from './factories';
import { startTestCentral, type TestCentral } from './harness';

describe('kiosk enrolment over HTTP', () => {
  let central: TestCentral;
  const enrol = (body: { code: string; name?: string }) => apiClient(central.url).call(fleetApi.enrol, { body });
  beforeAll(async () => {
    central = await startTestCentral();
  });
  afterAll(() => central.close());

  it('refuses an unknown code with a plain message and changes nothing', async () => {
    const unknown = await refusal(enrol({ code: 'AAAABBBBCCCCDDDD' }));
    expect([unknown.status, unknown.code]).toEqual([400, 'unknown_enrolment_code']);
    expect(unknown.message).toMatch(/没有这个开通码/);
    expect(await central.db.selectFrom('kiosks').select('kiosk_number').execute()).toEqual([]);
  });

  it('refuses a malformed body with 400 bad_request', async () => {
    // Sent past the typed client, whose types would not let a number through.
    const res = await fetch(`${central.url}${fleetApi.enrol.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 42 }) });
    expect(res.status).toBe(400);
    expect(ApiError.parse(await res.json()).error.code).toBe('bad_request');
  });

  it('exchanges a good code once for a kiosk number, token and keys', async () => {
    const enrolment = await enrol({ code: central.enrolmentCode.toLowerCase(), name: '东关村村委会' });
    expect(enrolment).toMatchObject({ kioskNumber: '0001', name: '东关村村委会', villageCode: null });

    const again = await refusal(enrol({ code: central.enrolmentCode }));
    expect([again.status, again.code]).toEqual([400, 'enrolment_code_used']);
  });

  it('answers 401 to a sync request without a known token', async () => {
    const refused = await refusal(apiClient(central.url, { token: 'nope' }).call(syncApi.changes, { query: { since: 0 } }));
    expect([refused.status, refused.code]).toEqual([401, 'unauthorized']);
  });
});

describe('enrolment codes', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-enrol-'));
    db = await openDatabase(dir);
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a code after it expires', async () => {
    const kiosks = createKioskRepository(db);
    const issued = new Date('2026-11-26T08:00:00Z');
    await createEnrolmentCode({ kiosks, now: () => issued }, 'EXPIRESINONEHOUR', { ttlHours: 1 });
    const deps = { kiosks, audited: createAudited(db, () => new Date()), disconnectKiosk: () => {}, centralPublicKey: '', lookupKey: '' };
    const later = new Date(issued.getTime() + 3_600_001);
    await expect(enrolKiosk({ ...deps, now: () => later }, { code: 'EXPIRESINONEHOUR' })).rejects.toMatchObject({ code: 'enrolment_code_expired' });
    const inTime = new Date(issued.getTime() + 60_000);
    await expect(enrolKiosk({ ...deps, now: () => inTime }, { code: 'EXPIRESINONEHOUR' })).resolves.toMatchObject({ kioskNumber: '0001' });
  });

  it('gives each enrolled kiosk the next kiosk number', async () => {
    const kiosks = createKioskRepository(db);
    const now = () => new Date();
    for (const code of ['SECONDKIOSKCODE2', 'THIRDKIOSKCODE33']) await createEnrolmentCode({ kiosks, now }, code, { ttlHours: 1 });
    const deps = { kiosks, audited: createAudited(db, now), disconnectKiosk: () => {}, centralPublicKey: '', lookupKey: '', now };
    const numbers = [(await enrolKiosk(deps, { code: 'SECONDKIOSKCODE2' })).kioskNumber, (await enrolKiosk(deps, { code: 'THIRDKIOSKCODE33' })).kioskNumber];
    expect(numbers).toEqual(['0002', '0003']);
  });
});
