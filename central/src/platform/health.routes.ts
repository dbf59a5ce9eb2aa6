import { healthApi } from '@sunshine/contracts';
import { Router } from 'express';
import type { CentralMount } from '../route-mount';
import type { PublishedVersions } from '../sync/sync.ports';

/** `healthApi.health`: up, what is published, and how many kiosks hold a live socket. */
export function healthRoutes(mount: CentralMount, deps: { content: PublishedVersions; kiosksOnline: () => number }): Router {
  const router = Router();
  mount(router, healthApi.health, async () => {
    const latest = await deps.content.latestVersion();
    return { status: 'ok' as const, dataVersion: latest?.version ?? 0, dataUpdatedAt: latest?.publishedAt ?? null, kiosksOnline: deps.kiosksOnline() };
  });
  return router;
}
