import type { AgentHealth } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import { checkData } from './agent.check';

const health = (dataVersion: number): AgentHealth => ({
  kioskNumber: '0042',
  kioskName: '测试村',
  village: null,
  dataVersion,
  dataUpdatedAt: dataVersion ? '2026-11-26T08:00:00.000Z' : null,
  online: true,
  printer: { state: 'ready' },
  outboxPending: 0,
});

describe('data check', () => {
  it('fails a kiosk without data', () => {
    expect(checkData(health(0), 3).status).toBe('fail');
  });
  it('passes a kiosk at central’s version, and warns one behind', () => {
    expect(checkData(health(3), 3).status).toBe('pass');
    expect(checkData(health(2), 3)).toMatchObject({ status: 'warn', detail: expect.stringContaining('central has 3') });
  });
  it('fails a kiosk ahead of central, which only happens after central was restored', () => {
    expect(checkData(health(5), 3)).toMatchObject({ status: 'fail', hint: expect.stringContaining('--fresh-data') });
  });
  it('is skipped when the agent does not answer', () => {
    expect(checkData(null, 3).status).toBe('skip');
  });
});
