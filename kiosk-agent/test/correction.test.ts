import { adminApiClient, reviewerApiClient, startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { agentVillagerApi, createApiClient, importsApi } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolKiosk, startAgent, tempDir, type RunningAgent } from './support';

describe('a correction at central', () => {
  let central: TestCentral;
  let agent: RunningAgent;

  beforeAll(async () => {
    central = await startTestCentral();
    const dir = tempDir('correction');
    await enrolKiosk(central.url, central.enrolmentCode, dir);
    // Polling is slowed to an hour: only central's push can bring the correction in time.
    agent = await startAgent(dir, { SYNC_POLL_SECONDS: '3600' });
  });
  afterAll(async () => {
    await agent?.close();
    await central?.close();
  });

  it('reaches a running agent through the content:published push once a reviewer approves it', async () => {
    const person = central.county.samplePeople[0];
    if (!person) throw new Error('the tiny county has no sample people');
    const lookup = () => createApiClient({ baseUrl: agent.url }).call(agentVillagerApi.lookupPayments, { body: { idNumber: person.idNumber } });
    await expect.poll(() => agent.agent.health().online, { timeout: 10_000 }).toBe(true);
    const payment = (await lookup()).payments[0];
    if (!payment) throw new Error('the sample person has no payments');

    const admin = await adminApiClient(central.url);
    const correction = { changes: { amountFen: payment.amountFen + 100 }, reason: '金额录错，多发了一元' };
    const staged = await admin.call(importsApi.correctRecord, { params: { table: 'payments', id: payment.id }, body: correction });
    // Staged for review: a second person's approval publishes it.
    expect([staged.status, agent.agent.health().dataVersion]).toEqual(['staged', 1]);
    await (await reviewerApiClient(central.url)).call(importsApi.approve, { params: { id: staged.importId }, body: {} });

    await expect
      .poll(async () => (await lookup()).payments.find((p) => p.id === payment.id)?.amountFen, { timeout: 10_000 })
      .toBe(payment.amountFen + 100);
    expect(agent.agent.health().dataVersion).toBe(2);
  });
});
