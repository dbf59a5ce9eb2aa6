import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkClock, checkDisk } from './host.check';

describe('clock check', () => {
  const central = new Date('2026-11-26T10:00:00Z');
  it('passes within 30 s of central', () => {
    expect(checkClock(central, new Date(central.getTime() + 20_000)).status).toBe('pass');
  });
  it('warns past 30 s and fails past 5 minutes, saying which way', () => {
    expect(checkClock(central, new Date(central.getTime() + 60_000))).toMatchObject({ status: 'warn', detail: '60 s ahead of central' });
    expect(checkClock(central, new Date(central.getTime() - 3_600_000))).toMatchObject({ status: 'fail', detail: '3600 s behind central' });
  });
  it('fails an impossible clock even without central', () => {
    expect(checkClock(null, new Date('2000-01-01T00:00:00Z')).status).toBe('fail');
    expect(checkClock(null, new Date('2026-11-26T00:00:00Z')).status).toBe('warn');
  });
});

describe('disk check', () => {
  it('reads the free space of an existing directory', () => {
    expect(checkDisk(os.tmpdir()).detail).toMatch(/MiB free/);
  });
  it('fails for a directory that is not there', () => {
    expect(checkDisk(path.join(os.tmpdir(), 'no-such-kiosk-dir-xyz')).status).toBe('fail');
  });
});
