import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { syncApi } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentEnvPath, parseEnvFile } from '../src/agent-config';
import { enrol, EnrolIncomplete } from '../src/enrol';
import { EnrolFailed } from '../src/errors';
import { freePort, runCli, startCentral, tempDir, type RunningCentral } from './helpers';

const CODE = 'GOODCODE2345ABCD';

describe('kiosk-provision enrol against a real central', () => {
  const dir = tempDir('enrol');
  const clock = { now: new Date() };
  let central: RunningCentral;

  beforeAll(async () => {
    central = await startCentral(dir, { code: CODE, clock });
  });
  afterAll(async () => {
    await central.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const siblings = (dataDir: string) => fs.readdirSync(path.dirname(dataDir)).filter((n) => n.startsWith(path.basename(dataDir)));

  it('writes the settings and secrets (mode 0600) and pulls the first snapshot', async () => {
    const dataDir = path.join(dir, 'kiosk-good');
    // An agent that ran before enrolment left its (empty) cache: it is set aside, not mixed in.
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'kiosk.sqlite'), 'left by an unenrolled agent');
    fs.writeFileSync(path.join(dataDir, 'kiosk.sqlite-wal'), 'stale');
    const result = await enrol({ centralUrl: central.url, code: 'good-code-2345-abcd', name: '测试村村委会', dataDir, printer: 'tcp://127.0.0.1:9999', paper: 58, agentPort: 18600 });

    expect(result.enrolment.kioskNumber).toBe('0001');
    expect(result.enrolment.name).toBe('测试村村委会');
    expect(result.dataVersion).toBeGreaterThan(0);
    for (const file of ['enrolment.json', 'agent.env']) expect(fs.statSync(path.join(dataDir, file)).mode & 0o777).toBe(0o600);
    expect(parseEnvFile(fs.readFileSync(agentEnvPath(dataDir), 'utf8'))).toEqual({
      AGENT_DATA_DIR: dataDir,
      AGENT_PORT: '18600',
      CENTRAL_URL: central.url,
      PRINTER_INTERFACE: 'tcp://127.0.0.1:9999',
      PRINTER_PAPER_MM: '58',
    });
    expect(fs.readFileSync(path.join(dataDir, 'kiosk.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(fs.readdirSync(dataDir).filter((n) => n.includes('.before-enrol-'))).toHaveLength(2);
    expect(siblings(dataDir)).toEqual(['kiosk-good']);
  });

  it('refuses a code that was already used, in plain words, and writes nothing', async () => {
    const dataDir = path.join(dir, 'kiosk-reused');
    const failure = enrol({ centralUrl: central.url, code: CODE, dataDir });
    await expect(failure).rejects.toBeInstanceOf(EnrolFailed);
    await expect(failure).rejects.toThrow(/开通码无效.*already been used/);
    expect(siblings(dataDir)).toEqual([]);
  });

  it('refuses an unknown code', async () => {
    const dataDir = path.join(dir, 'kiosk-unknown');
    await expect(enrol({ centralUrl: central.url, code: 'NOSUCHCODE234567', dataDir })).rejects.toThrow(/unknown/);
    expect(siblings(dataDir)).toEqual([]);
  });

  it('refuses a code of the wrong shape before it calls central', async () => {
    await expect(enrol({ centralUrl: central.url, code: 'abc', dataDir: path.join(dir, 'kiosk-short') })).rejects.toThrow(/16 letters or digits/);
  });

  it('refuses to enrol over a data dir that already holds a kiosk', async () => {
    await expect(enrol({ centralUrl: central.url, code: 'ANOTHERCODE23456', dataDir: path.join(dir, 'kiosk-good') })).rejects.toThrow(/already holds an enrolled kiosk.*re-enrol/);
  });

  it('says plainly when nothing listens at the central URL', async () => {
    const port = await freePort();
    const dataDir = path.join(dir, 'kiosk-refused');
    await expect(enrol({ centralUrl: `http://127.0.0.1:${port}`, code: 'ANOTHERCODE23456', dataDir })).rejects.toThrow(/nothing is listening/);
    expect(siblings(dataDir)).toEqual([]);
  });

  it('says plainly when the URL answers but is not a central', async () => {
    const server = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(enrol({ centralUrl: `http://127.0.0.1:${port}`, code: 'ANOTHERCODE23456', dataDir: path.join(dir, 'kiosk-wrong') })).rejects.toThrow(/does not look like a Sunshine central/);
    } finally {
      server.close();
    }
  });

  it('refuses a URL that is not a URL', async () => {
    await expect(enrol({ centralUrl: 'central.example', code: 'ANOTHERCODE23456', dataDir: path.join(dir, 'kiosk-nourl') })).rejects.toThrow(/is not a URL/);
  });

  it('prints the refusal and exits non-zero from the command line', async () => {
    const result = await runCli(['enrol', '--central', central.url, '--code', CODE, '--data-dir', path.join(dir, 'kiosk-cli')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/✘ 开通码无效 .*already been used/);
    expect(result.stdout).toBe('');
  });
});

describe('a first download that fails after central accepted the code', () => {
  it('keeps the valid credential, says so plainly, and leaves a complete kiosk that syncs later', async () => {
    const dir = tempDir('incomplete');
    const central = await startCentral(dir, { code: 'HALFCODE23456789' });
    // In front of the real central: enrolment passes through, sync fails like a dropped link.
    const proxy = http.createServer((req, res) => {
      if (req.url?.startsWith(syncApi.changes.path)) return void res.writeHead(502).end();
      const upstream = http.request(new URL(req.url ?? '/', central.url), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    const proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const dataDir = path.join(dir, 'kiosk');
      const failure = enrol({ centralUrl: proxyUrl, code: 'HALFCODE23456789', dataDir });
      await expect(failure).rejects.toBeInstanceOf(EnrolIncomplete);
      await expect(failure).rejects.toThrow(/kiosk 0001 is enrolled, but the first data download failed/);
      expect(fs.readdirSync(dataDir).sort()).toEqual(['agent.env', 'enrolment.json', 'kiosk.sqlite']);
      expect(fs.readdirSync(dir).filter((n) => n.includes('.enrolling-'))).toEqual([]);
    } finally {
      proxy.close();
      await central.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an expired enrolment code', () => {
  it('is refused with a plain message once central’s clock has passed its expiry', async () => {
    const dir = tempDir('expired');
    const clock = { now: new Date() };
    const central = await startCentral(dir, { code: 'EXPIREDCODE23456', clock });
    try {
      clock.now = new Date(clock.now.getTime() + 2 * 3_600_000);
      const dataDir = path.join(dir, 'kiosk');
      await expect(enrol({ centralUrl: central.url, code: 'EXPIREDCODE23456', dataDir })).rejects.toThrow(/开通码无效.*expired/);
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      await central.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
