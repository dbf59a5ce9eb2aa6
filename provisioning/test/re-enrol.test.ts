import fs from 'node:fs';
import path from 'node:path';
import { AgentHealth } from '@sunshine/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/run-checks';
import { enrol } from '../src/enrol';
import { reEnrol } from '../src/re-enrol';
import { revokeKiosk } from '../src/revoke';
import { ADMIN_PASSWORD, freePort, startAgent, startCentral, tempDir, type RunningCentral } from './helpers';

describe('revoke and re-enrol round trip', () => {
  const dir = tempDir('reenrol');
  const dataDir = path.join(dir, 'kiosk');
  let central: RunningCentral | undefined;

  afterAll(async () => {
    await central?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the credential with a new code and keeps the cache', async () => {
    central = await startCentral(dir, { code: 'FIRSTCODE2345678' });
    const first = await enrol({ centralUrl: central.url, code: 'FIRSTCODE2345678', name: '旧机', dataDir, agentPort: await freePort(), printer: 'tcp://127.0.0.1:9' });
    const cacheBefore = fs.statSync(path.join(dataDir, 'kiosk.sqlite'));

    // The county admin revokes the old kiosk and makes a new code.
    // Same address as before: agent.env keeps pointing at it.
    const port = Number(new URL(central.url).port);
    await central.close();
    central = await startCentral(dir, { code: 'SECONDCODE234567', port });
    await revokeKiosk({ centralUrl: central.url, kioskNumber: first.enrolment.kioskNumber, username: 'admin', password: ADMIN_PASSWORD });
    const revoked = await runChecks({ dataDir });
    expect(revoked.find((r) => r.id === 'credential')).toMatchObject({ status: 'fail', detail: expect.stringContaining('revoked') });
    await expect(
      revokeKiosk({ centralUrl: central.url, kioskNumber: '0999', username: 'admin', password: ADMIN_PASSWORD }),
    ).rejects.toThrow(/0999/);

    const result = await reEnrol({ dataDir, code: 'second-code-2345-67' });
    expect(result.previous.kioskNumber).toBe(first.enrolment.kioskNumber);
    expect(result.enrolment.kioskNumber).not.toBe(first.enrolment.kioskNumber);
    expect(result.enrolment.name).toBe('旧机');
    expect(result.previousCacheKeptAt).toBeNull();
    expect(result.dataVersion).toBe(first.dataVersion);
    expect(fs.statSync(path.join(dataDir, 'kiosk.sqlite')).ino).toBe(cacheBefore.ino);
    expect(fs.statSync(path.join(dataDir, 'enrolment.json')).mode & 0o777).toBe(0o600);

    const agent = await startAgent(dataDir);
    try {
      const health = AgentHealth.parse(await (await fetch(`${agent.url}/api/health`)).json());
      expect(health).toMatchObject({ kioskNumber: result.enrolment.kioskNumber, dataVersion: first.dataVersion });
      const results = await runChecks({ dataDir });
      expect(results.find((r) => r.id === 'credential')?.status).toBe('pass');
    } finally {
      await agent.stop();
    }
  });

  it('refuses to re-enrol a data dir that was never enrolled', async () => {
    await expect(reEnrol({ dataDir: path.join(dir, 'empty'), code: 'SECONDCODE234567' })).rejects.toThrow(/use "kiosk-provision enrol" instead/);
  });

  it('refuses a used code and leaves the current credential in place', async () => {
    const before = fs.readFileSync(path.join(dataDir, 'enrolment.json'), 'utf8');
    await expect(reEnrol({ dataDir, code: 'SECONDCODE234567' })).rejects.toThrow(/already been used/);
    expect(fs.readFileSync(path.join(dataDir, 'enrolment.json'), 'utf8')).toBe(before);
  });

  it('sets the old cache aside and downloads afresh when the new central has other keys', async () => {
    const otherDir = tempDir('other-central');
    const other = await startCentral(otherDir, { code: 'OTHERCODE2345678' });
    try {
      const result = await reEnrol({ dataDir, code: 'OTHERCODE2345678', centralUrl: other.url });
      expect(result.enrolment.centralPublicKey).not.toBe(result.previous.centralPublicKey);
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
});
