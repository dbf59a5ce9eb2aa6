import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { SyncHeader, syncApi } from '@sunshine/contracts';
import { Router } from 'express';
import type { CentralMount } from '../route-mount';
import type { SyncService } from './sync.service';

/**
 * `syncApi.changes`: 204 when the kiosk is up to date, else the gzip NDJSON body with its
 * signed manifest in headers, streamed from disk.
 */
export function syncRoutes(mount: CentralMount, deps: { sync: SyncService }): Router {
  const router = Router();
  mount(router, syncApi.changes, async ({ query }, _req, res) => {
    const answer = await deps.sync.changes(query.since, query.protocol);
    if (answer.kind === 'up_to_date') {
      res.status(204).end();
      return undefined;
    }
    res.set({
      'content-type': syncApi.changes.response.contentType,
      'content-length': String(fs.statSync(answer.file).size),
      [SyncHeader.manifest]: Buffer.from(answer.signed.manifest).toString('base64'),
      [SyncHeader.signature]: answer.signed.signature,
    });
    // Awaited so the answer is complete before the mount would send one of its own; a kiosk
    // that hangs up mid-body leaves nothing to answer (pipeline has closed the file).
    await pipeline(fs.createReadStream(answer.file), res).catch((err: unknown) => {
      if (!res.headersSent) throw err;
    });
    return undefined;
  });
  return router;
}
