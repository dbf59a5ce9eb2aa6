import type { CentralHealth } from '@sunshine/contracts';
import { Router } from 'express';
import type { ContentRepository } from '../sync/content.repository';

export function healthRoutes(deps: { content: ContentRepository; kiosksOnline: () => number }): Router {
  return Router().get('/api/health', async (_req, res) => {
    const latest = await deps.content.latestVersion();
    const body: CentralHealth = {
      status: 'ok',
      dataVersion: latest?.version ?? 0,
      dataUpdatedAt: latest?.publishedAt ?? null,
      kiosksOnline: deps.kiosksOnline(),
    };
    res.json(body);
  });
}
