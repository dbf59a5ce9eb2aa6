import { createServer } from 'node:http';
import { createLogger, errorHandler, listen } from '@sunshine/service-kit';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffRoutes } from './staff.routes';

describe('POST /api/staff/unlock', () => {
  let url: string;
  let clock = 0;
  const server = createServer(
    express()
      .use(express.json())
      .use(staffRoutes('4321', () => clock))
      .use(errorHandler(createLogger('test', 'silent'))),
  );
  const unlock = (pin: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin }) });

  beforeAll(async () => {
    url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/api/staff/unlock`;
  });
  afterAll(() => server.close());

  it('opens with the configured PIN and refuses others in plain words', async () => {
    expect((await unlock('4321')).status).toBe(204);
    const wrong = await unlock('2468');
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: { code: 'wrong_pin', message: '工作人员密码不对' } });
    expect((await unlock('12')).status).toBe(400);
  });

  it('locks for five minutes after five wrong tries in a row, even for the right PIN', async () => {
    expect((await unlock('4321')).status).toBe(204); // a success clears earlier wrong tries
    for (let i = 0; i < 5; i++) expect((await unlock('0000')).status).toBe(403);
    expect((await unlock('4321')).status).toBe(429);
    clock += 5 * 60_000;
    expect((await unlock('4321')).status).toBe(204);
  });
});
