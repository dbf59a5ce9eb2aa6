import fs from 'node:fs';
import { AppError, SyncHeader } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import type { ContentRepository } from './content.repository';
import type { KioskRepository } from '../fleet/kiosks.repository';
import { planSync } from './sync-plan';
import type { SyncBodies } from './sync-bodies';
import { requireKiosk } from '../fleet/kiosk-auth';

const SyncQuery = z.object({ since: z.coerce.number().int().nonnegative() });

export interface SyncRoutesDeps {
  content: ContentRepository;
  kiosks: KioskRepository;
  bodies: SyncBodies;
}

/**
 * `GET /api/sync/changes?since=M`: 204 when the kiosk is up to date, else the gzip NDJSON
 * body with its signed manifest in headers, served from disk.
 */
export function syncRoutes(deps: SyncRoutesDeps): Router {
  return Router().get('/api/sync/changes', requireKiosk(deps.kiosks), async (req, res) => {
    const { since } = parseInput(SyncQuery, req.query);
    const latest = await deps.content.latestVersion();
    if (!latest) throw new AppError('not_found', 'Nothing has been published yet.');
    const plan = planSync(since, latest.version, 0);
    if (plan.kind === 'up_to_date') {
      res.status(204).end();
      return;
    }
    const { file, signed } = await deps.bodies.get(plan.from, latest);
    res.set({
      'content-type': 'application/gzip',
      'content-length': String(fs.statSync(file).size),
      [SyncHeader.manifest]: Buffer.from(signed.manifest).toString('base64'),
      [SyncHeader.signature]: signed.signature,
    });
    fs.createReadStream(file).pipe(res);
  });
}
