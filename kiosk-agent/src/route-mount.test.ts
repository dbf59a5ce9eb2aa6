import { agentApi, kioskApi } from '@sunshine/contracts';
import { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { mount } from './route-mount';

describe("the agent's route mount", () => {
  it('mounts loopback routes without a guard', () => {
    expect(() => mount(Router(), agentApi.health.health, () => undefined)).not.toThrow();
  });

  it('refuses at start a route meant for kiosks calling central', () => {
    expect(() => mount(Router(), kioskApi.listComplaintCategories, () => [])).toThrow(/loopback routes only, not kiosk/);
  });
});
