import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { parseEnvFile } from './enrolment-file';

// agent.env as kiosk-provision writes it at enrolment (see provisioning's agent-config.ts).
const enrolled = (dataDir: string) => `# Sunshine kiosk agent settings, written by kiosk-provision on 2026-11-26T08:00:00.000Z.
# Read by systemd (EnvironmentFile=) and by \`kiosk-provision check\`. Secrets live in enrolment.json.
AGENT_DATA_DIR=${dataDir}
AGENT_PORT=8611
CENTRAL_URL=http://127.0.0.1:8711
PRINTER_INTERFACE=tcp://127.0.0.1:9111
PRINTER_PAPER_MM=58
`;

describe('the agent’s settings', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const dataDirWith = (agentEnv?: (dir: string) => string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-agent-config-'));
    dirs.push(dir);
    if (agentEnv) fs.writeFileSync(path.join(dir, 'agent.env'), agentEnv(dir), { mode: 0o600 });
    return dir;
  };

  it('come from the agent.env enrolment wrote when only AGENT_DATA_DIR is set', () => {
    const dir = dataDirWith(enrolled);
    expect(loadConfig({ AGENT_DATA_DIR: dir })).toMatchObject({
      dataDir: dir,
      port: 8611,
      centralUrl: 'http://127.0.0.1:8711',
      printerInterface: 'tcp://127.0.0.1:9111',
      paperMm: 58,
    });
  });

  it('let an environment variable win over agent.env', () => {
    const dir = dataDirWith(enrolled);
    expect(loadConfig({ AGENT_DATA_DIR: dir, AGENT_PORT: '8622', PRINTER_INTERFACE: '/dev/usb/lp1' })).toMatchObject({
      port: 8622,
      printerInterface: '/dev/usb/lp1',
      paperMm: 58,
    });
  });

  it('are the defaults for a data dir without agent.env', () => {
    const dir = dataDirWith();
    expect(loadConfig({ AGENT_DATA_DIR: dir })).toMatchObject({ port: 8600, printerInterface: 'tcp://127.0.0.1:9100', paperMm: 80, centralUrl: undefined });
  });

  it('stay in the data dir agent.env was found in, whatever AGENT_DATA_DIR the file names', () => {
    const dir = dataDirWith(() => enrolled('/var/lib/sunshine-kiosk'));
    expect(loadConfig({ AGENT_DATA_DIR: dir }).dataDir).toBe(dir);
  });

  it('refuse to start on an agent.env line that is not KEY=value, naming the file and the line', () => {
    const dir = dataDirWith((d) => `${enrolled(d)}PRINTER_INTERFACE /dev/usb/lp0\n`);
    expect(() => loadConfig({ AGENT_DATA_DIR: dir })).toThrow(`${path.join(dir, 'agent.env')} has lines that are not KEY=value`);
    expect(() => loadConfig({ AGENT_DATA_DIR: dir })).toThrow('line 8: PRINTER_INTERFACE /dev/usb/lp0');
  });

  it('refuse a bad value or a misspelt setting in agent.env, saying it came from there', () => {
    const dir = dataDirWith((d) => enrolled(d).replace('AGENT_PORT=8611', 'AGENT_PORT=eighty').replace('PRINTER_PAPER_MM', 'PRINTER_PAPER'));
    const file = path.join(dir, 'agent.env');
    expect(() => loadConfig({ AGENT_DATA_DIR: dir })).toThrow(new RegExp(`AGENT_PORT: .*\\(in ${file}\\)`));
    expect(() => loadConfig({ AGENT_DATA_DIR: dir })).toThrow(`PRINTER_PAPER: not a setting of the agent (in ${file})`);
  });
});

describe('an agent.env file', () => {
  it('is read as systemd reads it: comments, spaces around =, double and single quotes', () => {
    const text = ['# a comment', '; another', '', 'A=plain', 'B = spaced ', 'C="/srv/my \\"kiosk\\""', "D='it''s'", "E='/srv/a b'", 'A=later'].join('\n');
    expect(parseEnvFile(text)).toEqual({
      values: { A: 'later', B: 'spaced', C: '/srv/my "kiosk"', E: '/srv/a b' },
      badLines: [{ line: 7, text: "D='it''s'" }],
    });
  });

  it('names each line that is not KEY=value', () => {
    expect(parseEnvFile('A=1\nexport B=2\n"C"=3\nD="open\n').badLines.map((b) => b.line)).toEqual([2, 3, 4]);
  });
});
