import { kioskApi, settingsApi, urlOf, type ApiClient } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, buildIntake, client, loginAs } from './factories';
import { adminApiClient, adminClient, createStaffAccount, startTestCentral, type TestCentral } from './harness';

describe('complaint category settings', () => {
  let central: TestCentral;
  let admin: ReturnType<typeof client>;
  let adminApi: ApiClient;
  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminClient(central.url);
    adminApi = await adminApiClient(central.url);
  });
  afterAll(() => central.close());

  it('lets an admin replace the categories, which kiosks then offer, and still accepts a retired one from an outbox', async () => {
    const next = [
      { code: 'subsidy', name: '补贴发放', acknowledgeDays: 2, replyDays: 10 },
      { code: 'land', name: '土地问题', acknowledgeDays: 3, replyDays: 20 },
    ];
    expect((await admin.put(urlOf(settingsApi.replaceCategories), next)).status).toBe(200);
    const { kioskNumber, token } = await central.enrol();
    const kiosk = apiClient(central.url, { token });
    expect(await kiosk.call(kioskApi.listComplaintCategories)).toEqual([
      { code: 'subsidy', name: '补贴发放' },
      { code: 'land', name: '土地问题' },
    ]);
    expect(await kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, 1, { category: 'land' }) })).toMatchObject({ duplicate: false });
    // A complaint queued before the change keeps its old category rather than being lost.
    expect(await kiosk.call(kioskApi.deliverComplaint, { body: buildIntake(kioskNumber, 2, { category: 'conduct' }) })).toMatchObject({ duplicate: false });
  });

  it('refuses seven categories, duplicate codes and a non-admin, changing nothing', async () => {
    const before = await adminApi.call(settingsApi.listCategories);
    const one = { code: 'a_a', name: '甲', acknowledgeDays: 1, replyDays: 5 };
    const seven = Array.from({ length: 7 }, (_, i) => ({ ...one, code: `c_${'abcdefg'[i]}` }));
    expect((await admin.put(urlOf(settingsApi.replaceCategories), seven)).status).toBe(400);
    expect((await admin.put(urlOf(settingsApi.replaceCategories), [one, one])).status).toBe(400);
    await createStaffAccount(central, { username: 'viewer', displayName: '查看员', role: 'viewer', password: 'viewer-password' });
    const viewer = client(central.url, { cookie: await loginAs(central.url, 'viewer', 'viewer-password') });
    expect((await viewer.put(urlOf(settingsApi.replaceCategories), [one])).status).toBe(403);
    expect(await adminApi.call(settingsApi.listCategories)).toEqual(before);
  });
});
