import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { durabilityProblems, recordDurability } from '@sunshine/service-kit/testing';
import { describe, expect, it } from 'vitest';
import { AgentSettings, agentEnvPath, parseEnvFile, readAgentSettings, renderAgentEnv, writeAgentSettings } from './agent-config';

const settings: AgentSettings = {
  AGENT_DATA_DIR: '/var/lib/sunshine-kiosk',
  AGENT_PORT: 8600,
  CENTRAL_URL: 'https://central.example.gov.cn/',
  PRINTER_INTERFACE: '/dev/usb/lp0',
  PRINTER_PAPER_MM: 80,
};

describe('agent.env', () => {
  it('round-trips through the systemd EnvironmentFile syntax', () => {
    const text = renderAgentEnv(settings, new Date('2026-11-26T00:00:00Z'));
    expect(text).toContain('PRINTER_INTERFACE=/dev/usb/lp0\n');
    expect(AgentSettings.parse(parseEnvFile(text))).toEqual(settings);
  });

  it('quotes a value with spaces and reads it back', () => {
    const text = renderAgentEnv({ ...settings, AGENT_DATA_DIR: '/srv/my kiosk' }, new Date());
    expect(text).toContain('AGENT_DATA_DIR="/srv/my kiosk"');
    expect(parseEnvFile(text).AGENT_DATA_DIR).toBe('/srv/my kiosk');
  });

  it('refuses a printer that is neither tcp://host:port nor a device path', () => {
    expect(AgentSettings.safeParse({ ...settings, PRINTER_INTERFACE: 'printer.local' }).success).toBe(false);
    expect(AgentSettings.safeParse({ ...settings, PRINTER_INTERFACE: 'tcp://192.168.1.50:9100' }).success).toBe(true);
  });

  it('refuses a paper width other than 58 or 80', () => {
    expect(AgentSettings.safeParse({ ...settings, PRINTER_PAPER_MM: '76' }).success).toBe(false);
  });

  it('is whole and on disk once written, mode 0600: synced, renamed into place, its folder synced', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-prov-env-'));
    const log = recordDurability();
    try {
      writeAgentSettings(dir, settings);
      expect(durabilityProblems(log.events, agentEnvPath(dir))).toEqual([]);
      expect(fs.statSync(agentEnvPath(dir)).mode & 0o777).toBe(0o600);
      expect(readAgentSettings(dir)).toEqual({ ok: true, settings });
    } finally {
      log.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not valid with a line the agent would refuse to start on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-prov-env-'));
    try {
      writeAgentSettings(dir, settings);
      fs.appendFileSync(agentEnvPath(dir), 'PRINTER_INTERFACE /dev/usb/lp1\n');
      expect(readAgentSettings(dir)).toEqual({ ok: false, problem: `${agentEnvPath(dir)} is not valid: line 8 is not KEY=value (PRINTER_INTERFACE /dev/usb/lp1)` });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
