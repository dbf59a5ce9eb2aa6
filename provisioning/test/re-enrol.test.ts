import fs from 'node:fs';
import path from 'node:path';
import { agentApi, AgentHealth, ComplaintCreated, createApiClient, fleetApi, ticketsApi, urlOf, VillageList } from '@sunshine/contracts';
import { readEnrolment } from '@sunshine/kiosk-agent';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/run-checks';
import { enrol } from '../src/enrol';
import { reEnrol } from '../src/re-enrol';
import { revokeKiosk } from '../src/revoke';
import { adminCookie, ADMIN_PASSWORD, createCode, freePort, runCli, startAgent, startCentral, tempDir, until, type RunningCentral } from './helpers';

const json = async (url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> => {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json().catch(() => null) };
};

describe('revoke and re-enrol round trip', () => {
  const dir = tempDir('reenrol');
  const dataDir = path.join(dir, 'kiosk');
  let central: RunningCentral | undefined;
  let reEnrolmentCode = '';

  afterAll(async () => {
    await central?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the kiosk number, village, cache and outbox: a complaint queued before re-enrolment reaches central after it', async () => {
    central = await startCentral(dir, { code: 'FIRSTCODE2345678' });
    const centralUrl = central.url;
    // Not the first village: the agent must take it from the enrolment, not fall back.
    const villageCode = '452123101201';
    const first = await enrol({ centralUrl, code: await createCode(centralUrl, { villageCode }), name: '旧机', dataDir, agentPort: await freePort(), printer: 'tcp://127.0.0.1:9' });
    const kioskNumber = first.enrolment.kioskNumber;
    expect(readEnrolment(dataDir)?.villageCode).toBe(villageCode);
    const cacheBefore = fs.statSync(path.join(dataDir, 'kiosk.sqlite'));

    // The county revokes the kiosk while a villager's complaint waits in its outbox (central answers 403).
    await revokeKiosk({ centralUrl, kioskNumber, username: 'admin', password: ADMIN_PASSWORD });
    let agent = await startAgent(dataDir);
    let ticketNumber: string;
    try {
      expect(VillageList.parse((await json(agent.url + urlOf(agentApi.content.listVillages))).body).kioskVillageCode).toBe(villageCode);
      const created = await json(agent.url + urlOf(agentApi.villager.createComplaint), { method: agentApi.villager.createComplaint.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: 'subsidy', text: '补贴没有发到' }) });
      expect(created.status).toBe(201);
      ticketNumber = ComplaintCreated.parse(created.body).ticketNumber;
      await until(async () => AgentHealth.parse((await json(agent.url + urlOf(agentApi.health.health))).body).outboxPending === 1, 10_000);
    } finally {
      await agent.stop();
    }
    const revoked = await runChecks({ dataDir });
    expect(revoked.find((r) => r.id === 'credential')).toMatchObject({ status: 'fail', detail: expect.stringContaining('revoked') });

    reEnrolmentCode = await createCode(centralUrl, { kioskNumber });
    const cli = await runCli(['re-enrol', '--code', reEnrolmentCode.toLowerCase(), '--data-dir', dataDir]);
    expect(cli).toMatchObject({ code: 0, stdout: expect.stringContaining(`kiosk ${kioskNumber} keeps its number (旧机, village ${villageCode})`) });
    expect(readEnrolment(dataDir)).toMatchObject({ kioskNumber, name: '旧机', villageCode });
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('before-re-enrol'))).toEqual([]);
    expect(fs.statSync(path.join(dataDir, 'kiosk.sqlite')).ino).toBe(cacheBefore.ino);
    expect(fs.statSync(path.join(dataDir, 'enrolment.json')).mode & 0o777).toBe(0o600);

    agent = await startAgent(dataDir);
    try {
      const cookie = await adminCookie(centralUrl);
      const staff = createApiClient({ baseUrl: centralUrl, headers: () => ({ cookie }) });
      await until(() => staff.call(ticketsApi.get, { params: { ticketNumber } }).then(() => true, () => false), 30_000);
      await until(async () => AgentHealth.parse((await json(agent.url + urlOf(agentApi.health.health))).body).outboxPending === 0, 10_000);
      const health = AgentHealth.parse((await json(agent.url + urlOf(agentApi.health.health))).body);
      expect(health).toMatchObject({ kioskNumber, dataVersion: first.dataVersion });
      const tickets = await staff.call(ticketsApi.list, { query: { limit: 100 } });
      expect(tickets.items.filter((t) => t.ticketNumber.startsWith(kioskNumber))).toEqual([expect.objectContaining({ ticketNumber, text: '补贴没有发到' })]);
      expect((await runChecks({ dataDir })).find((r) => r.id === 'credential')?.status).toBe('pass');
    } finally {
      await agent.stop();
    }
  });

  it('refuses to re-enrol a data dir that was never enrolled', async () => {
    await expect(reEnrol({ dataDir: path.join(dir, 'empty'), code: 'SECONDCODE234567' })).rejects.toThrow(/use "kiosk-provision enrol" instead/);
  });

  it('refuses a used code and leaves the current credential in place', async () => {
    const before = fs.readFileSync(path.join(dataDir, 'enrolment.json'), 'utf8');
    await expect(reEnrol({ dataDir, code: reEnrolmentCode })).rejects.toThrow(/already been used/);
    expect(fs.readFileSync(path.join(dataDir, 'enrolment.json'), 'utf8')).toBe(before);
  });

  it("refuses a code for another kiosk, or for a new kiosk without --fresh-data, and changes nothing", async () => {
    const centralUrl = central?.url ?? '';
    const before = fs.readFileSync(path.join(dataDir, 'enrolment.json'), 'utf8');
    const other = await createApiClient({ baseUrl: centralUrl }).call(fleetApi.enrol, { body: { code: await createCode(centralUrl) } });
    await expect(reEnrol({ dataDir, code: await createCode(centralUrl, { kioskNumber: other.kioskNumber }) })).rejects.toThrow(new RegExp(`开通码与本机不符.*re-enrols kiosk ${other.kioskNumber}`));
    await expect(reEnrol({ dataDir, code: await createCode(centralUrl) })).rejects.toThrow(/开通码与本机不符.*new kiosk.*--fresh-data/);
    expect(fs.readFileSync(path.join(dataDir, 'enrolment.json'), 'utf8')).toBe(before);
    expect((await runChecks({ dataDir })).find((r) => r.id === 'credential')?.status).toBe('pass');
  });

  it('starts over as a new kiosk at a central with other keys, with --fresh-data, keeping the old cache aside', async () => {
    const otherDir = tempDir('other-central');
    const other = await startCentral(otherDir, { code: 'OTHERCODE2345678' });
    try {
      const before = fs.readFileSync(path.join(dataDir, 'enrolment.json'), 'utf8');
      const previousNumber = readEnrolment(dataDir)?.kioskNumber ?? '';
      await expect(reEnrol({ dataDir, code: 'OTHERCODE2345678', centralUrl: other.url })).rejects.toThrow(/--fresh-data/);
      // The other central has a kiosk with this number too: its code fits, but this cache cannot carry on under other keys.
      const namesake = await createApiClient({ baseUrl: other.url }).call(fleetApi.enrol, { body: { code: await createCode(other.url) } });
      expect(namesake.kioskNumber).toBe(previousNumber);
      await expect(reEnrol({ dataDir, code: await createCode(other.url, { kioskNumber: previousNumber }), centralUrl: other.url })).rejects.toThrow(/密钥变了.*--fresh-data/);
      expect(fs.readFileSync(path.join(dataDir, 'enrolment.json'), 'utf8')).toBe(before);

      const result = await reEnrol({ dataDir, code: 'OTHERCODE2345678', centralUrl: other.url, freshData: true });
      expect(result.enrolment.centralPublicKey).not.toBe(result.previous.centralPublicKey);
      expect(result.enrolment.kioskNumber).not.toBe(previousNumber);
      expect(result.enrolment.villageCode).toBeNull();
      expect(result.previousCacheKeptAt).toMatch(/kiosk\.sqlite\.before-re-enrol-/);
      expect(fs.existsSync(result.previousCacheKeptAt ?? '')).toBe(true);
      expect(result.dataVersion).toBeGreaterThan(0);
      expect(result.pullError).toBeNull();
      const results = await runChecks({ dataDir });
      expect(results.find((r) => r.id === 'config')?.detail).toContain(other.url);
      expect(results.find((r) => r.id === 'credential')?.status).toBe('pass');
    } finally {
      await other.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('says which kiosk central does not know, and that a kiosk revoked before is revoked already', async () => {
    const centralUrl = central?.url ?? '';
    const options = { centralUrl, username: 'admin', password: ADMIN_PASSWORD };
    await expect(revokeKiosk({ ...options, kioskNumber: '0999' })).rejects.toThrow(/找不到 0999 号机/);
    const { kioskNumber } = await createApiClient({ baseUrl: centralUrl }).call(fleetApi.enrol, { body: { code: await createCode(centralUrl) } });
    await revokeKiosk({ ...options, kioskNumber });
    await expect(revokeKiosk({ ...options, kioskNumber })).rejects.toThrow(new RegExp(`${kioskNumber} 号机已经注销了`));
  });
});
