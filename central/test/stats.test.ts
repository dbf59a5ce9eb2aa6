import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildHeartbeat, buildIntake, client } from './factories';
import { adminClient, startTestCentral, type TestCentral } from './harness';

const Counts = z.array(z.object({ key: z.string(), count: z.number() }));

describe('statistics and progress', () => {
  let central: TestCentral;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    central = await startTestCentral();
    admin = await adminClient(central.url);
    const { kioskNumber, token } = await central.enrol();
    const kiosk = client(central.url, { token });
    await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 1, { category: 'subsidy' }));
    await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 2, { category: 'subsidy' }));
    await kiosk.post('/api/kiosk-api/complaints', buildIntake(kioskNumber, 3, { category: 'finance' }));
    await kiosk.post('/api/kiosk-api/heartbeat', buildHeartbeat({ usage: { home: 5, payments: 2 } }));
    await kiosk.post('/api/kiosk-api/heartbeat', buildHeartbeat({ usage: { home: 1 } }));
  });
  afterAll(() => central.close());

  it('counts complaints by category, state and kiosk, and exports them as CSV', async () => {
    const body = z.object({ total: z.number(), byCategory: Counts, byStatus: Counts, byKiosk: Counts }).parse(await (await admin.get('/api/stats/complaints')).json());
    expect(body.total).toBe(3);
    expect(body.byCategory).toEqual([
      { key: 'subsidy', count: 2 },
      { key: 'finance', count: 1 },
    ]);
    expect(body.byStatus).toEqual([{ key: 'received', count: 3 }]);
    const csv = await admin.get('/api/stats/complaints?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('byCategory,subsidy,2');
  });

  it('adds up kiosk usage per screen and per kiosk', async () => {
    const body = z.object({ byScreen: Counts, byKiosk: Counts }).parse(await (await admin.get('/api/stats/usage?days=7')).json());
    expect(body.byScreen).toEqual([
      { key: 'home', count: 6 },
      { key: 'payments', count: 2 },
    ]);
    expect(body.byKiosk[0]?.count).toBe(8);
  });

  it('shows which programmes have data for a period and which are missing', async () => {
    const firstPayment = fs.readFileSync(path.join(central.dir, 'county', 'payments.csv'), 'utf8').split('\n')[1]?.split(',') ?? [];
    const [program, period] = [firstPayment[1] ?? '', firstPayment[6] ?? ''];
    const body = z.object({ programs: z.array(z.object({ programCode: z.string(), isMissing: z.boolean(), payments: z.number() })), missing: z.number() }).parse(await (await admin.get(`/api/stats/progress?period=${period}`)).json());
    expect(body.programs.find((p) => p.programCode === program)).toMatchObject({ isMissing: false });
    const empty = z.object({ missing: z.number(), programs: z.array(z.unknown()) }).parse(await (await admin.get('/api/stats/progress?period=2001-01')).json());
    expect(empty.missing).toBe(empty.programs.length);
  });

  it('reports deadline compliance', async () => {
    const body = await (await admin.get('/api/stats/deadlines')).json();
    expect(body).toMatchObject({ overall: { answered: 0, openOnTime: expect.any(Number) } });
  });

  it('refuses bad input and anonymous callers', async () => {
    expect((await admin.get('/api/stats/progress?period=2026-13')).status).toBe(400);
    expect((await admin.get('/api/stats/usage?days=0')).status).toBe(400);
    expect((await client(central.url).get('/api/stats/complaints')).status).toBe(401);
  });
});
