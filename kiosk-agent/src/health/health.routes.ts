import { agentHealthApi, agentVillagerApi, type AgentHealth } from '@sunshine/contracts';
import { Router } from 'express';
import { mount } from '../route-mount';
import type { UsageCounters } from './usage';

/** The kiosk's health (`agentHealthApi.health`), and the anonymous screen views the next heartbeat carries to central. */
export function healthRoutes(deps: { health(): AgentHealth; usage: UsageCounters }): Router {
  const router = Router();
  mount(router, agentHealthApi.health, () => deps.health());
  mount(router, agentVillagerApi.recordUsage, ({ body }) => {
    deps.usage.count(body.screen);
    return undefined;
  });
  return router;
}
