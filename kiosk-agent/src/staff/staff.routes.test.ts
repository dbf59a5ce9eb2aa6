import { createServer } from 'node:http';
import { agentStaffApi, ApiCallError, createApiClient } from '@sunshine/contracts';
import { createLogger, errorHandler, listen } from '@sunshine/service-kit';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffRoutes } from './staff.routes';

describe('the staff panel PIN', () => {
  let clock = 0;
  let synced = 0;
  const server = createServer(
    express()
      .use(express.json())
      .use(staffRoutes({ staffPin: '4321', now: () => clock, syncNow: async () => void synced++ }))
      .use(errorHandler(createLogger('test', 'silent'))),
  );
  let client: ReturnType<typeof createApiClient>;
  const unlock = (pin: string) => client.call(agentStaffApi.unlock, { body: { pin } }).then(
    () => 'open',
    (error: unknown) => (error instanceof ApiCallError ? `${error.status} ${error.code} ${error.message}` : String(error)),
  );

  beforeAll(async () => {
    client = createApiClient({ baseUrl: `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}` });
  });
  afterAll(() => server.close());

  it('opens with the configured PIN and refuses others in plain words', async () => {
    expect(await unlock('4321')).toBe('open');
    expect(await unlock('2468')).toBe('403 wrong_pin 工作人员密码不对');
    expect(await unlock('12')).toMatch(/^400 bad_request/);
  });

  it('locks for five minutes after five wrong tries in a row, even for the right PIN, saying pin_locked', async () => {
    expect(await unlock('4321')).toBe('open'); // a success clears earlier wrong tries
    for (let i = 0; i < 5; i++) expect(await unlock('0000')).toMatch(/^403 wrong_pin/);
    expect(await unlock('4321')).toBe('429 pin_locked 密码错误次数太多，请5分钟后再试');
    clock += 5 * 60_000;
    expect(await unlock('4321')).toBe('open');
  });

  it('answers 立即同步 once the pull has finished', async () => {
    await client.call(agentStaffApi.syncNow);
    expect(synced).toBe(1);
  });
});
