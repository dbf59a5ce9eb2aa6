import { Router } from 'express';
import type { AgentHealth } from '@sunshine/contracts';

export function healthRoutes(getHealth: () => AgentHealth): Router {
  return Router().get('/api/health', (_req, res) => {
    res.json(getHealth());
  });
}
