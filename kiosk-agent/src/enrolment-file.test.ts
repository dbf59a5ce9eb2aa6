import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AgentEnrolment } from '@sunshine/contracts';
import { durabilityProblems, recordDurability, type DurabilityLog } from '@sunshine/service-kit/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { enrolmentPath, readEnrolment, writeEnrolment } from './enrolment-file';

const enrolment: AgentEnrolment = {
  kioskNumber: '0042',
  name: '演示村村委会',
  token: crypto.randomBytes(32).toString('hex'),
  centralPublicKey: crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  lookupKey: crypto.randomBytes(32).toString('hex'),
  villageCode: null,
  centralUrl: 'http://127.0.0.1:8700/',
  enrolledAt: '2026-11-30T08:00:00.000Z',
};

describe('enrolment.json', () => {
  let log: DurabilityLog | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-enrolment-'));
  afterEach(() => log?.stop());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is whole and on disk when enrolment returns (the code is spent): synced, renamed, its folder synced, mode 0600', () => {
    log = recordDurability();
    writeEnrolment(dir, enrolment);
    expect(durabilityProblems(log.events, enrolmentPath(dir))).toEqual([]);
    expect(fs.statSync(enrolmentPath(dir)).mode & 0o777).toBe(0o600);
    expect(readEnrolment(dir)).toEqual(enrolment);
    expect(fs.readdirSync(dir)).toEqual(['enrolment.json']);
  });
});
