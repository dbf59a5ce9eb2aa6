import { loginAs, startTestCentral, TEST_ADMIN_PASSWORD, type TestCentral } from '@sunshine/central/testing';
import { agentContentApi, createApiClient, fleetApi, PlaceChanged, urlOf, Village, type ApiClient } from '@sunshine/contracts';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, enrolKiosk, freePort, startAgent, tempDir, waitFor, type RunningAgent } from './support';

describe('a kiosk moved to another village at central', () => {
  let central: TestCentral;
  let agent: RunningAgent | undefined;
  let admin: ApiClient;
  let dataDir = '';
  // Neither is the first village by code, which a kiosk shows when it knows no village.
  let [a, b, c] = ['', '', ''];

  /** The kiosk's own village, as the finance screen reaches it. */
  const ownVillage = async (url: string) => {
    // Not followed: the redirect itself says which village the kiosk takes for its own.
    const res = await fetch(url + urlOf(agentContentApi.ownFinancePeriods), { redirect: 'manual' });
    expect(res.status).toBe(307);
    const listed = (await agentClient(url).call(agentContentApi.listVillages)).kioskVillageCode;
    expect(res.headers.get('location')).toBe(urlOf(agentContentApi.listFinancePeriods, { params: { villageCode: listed ?? 'none' } }));
    return listed;
  };
  const restart = async (env: Record<string, string>) => {
    await agent?.close();
    agent = await startAgent(dataDir, { HEARTBEAT_SECONDS: '3600', ...env });
    return agent;
  };

  beforeAll(async () => {
    central = await startTestCentral();
    const rows = await central.db.selectFrom('content_records').select('data').where('table_name', '=', 'villages').where('deleted', '=', 0).execute();
    [, a = '', b = '', c = ''] = rows.map((r) => Village.parse(JSON.parse(r.data)).code).sort();
    const cookie = await loginAs(central.url, 'admin', TEST_ADMIN_PASSWORD);
    admin = createApiClient({ baseUrl: central.url, headers: () => ({ cookie }) });
    const { code } = await admin.call(fleetApi.createEnrolmentCode, { body: { kioskName: '村委会', villageCode: a } });
    dataDir = tempDir('kiosk-move');
    const enrolment = await enrolKiosk(central.url, code, dataDir);
    expect(enrolment.villageCode).toBe(a);
  });
  afterAll(async () => {
    await agent?.close();
    await central?.close();
  });

  it('shows the new village after its next heartbeat, without re-enrolment, and tells the UI', async () => {
    const running = await restart({});
    const { kioskNumber } = running.agent.health();
    // Let the heartbeat sent at start be answered first: it names the old village.
    await waitFor('the first heartbeat', () => central.db.selectFrom('heartbeats').select('kiosk_number').where('kiosk_number', '=', kioskNumber ?? '').executeTakeFirst());
    await running.agent.heartbeatNow();
    expect(await ownVillage(running.url)).toBe(a);

    const socket = io(running.url, { transports: ['websocket'] });
    try {
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      const announced = new Promise<unknown>((resolve) => socket.once('place:changed', resolve));
      await admin.call(fleetApi.moveKiosk, { params: { kioskNumber: kioskNumber ?? '' }, body: { villageCode: b } });
      expect(await ownVillage(running.url)).toBe(a);
      await running.agent.heartbeatNow();
      expect(await ownVillage(running.url)).toBe(b);
      expect(PlaceChanged.parse(await announced)).toEqual({ villageCode: b });
    } finally {
      socket.close();
    }
  });

  it('stays on AGENT_VILLAGE_CODE whatever central answers', async () => {
    const running = await restart({ AGENT_VILLAGE_CODE: c });
    await running.agent.heartbeatNow();
    expect(await ownVillage(running.url)).toBe(c);
  });

  it('keeps the village central last named across a restart while central is unreachable', async () => {
    const running = await restart({ CENTRAL_URL: `http://127.0.0.1:${await freePort()}` });
    await running.agent.heartbeatNow();
    expect(running.agent.health().online).toBe(false);
    expect(await ownVillage(running.url)).toBe(b);
  });
});
