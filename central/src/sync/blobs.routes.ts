import { AppError } from '@sunshine/contracts';
import { Router } from 'express';
import type { BlobStore } from '../platform/blob.store';
import type { KioskRepository } from '../fleet/kiosks.repository';
import { requireKiosk } from '../fleet/kiosk-auth';

/**
 * `GET /api/kiosk-api/blobs/:sha256`: a media blob for kiosks. `sendFile` answers `Range`
 * with 206, so a kiosk resumes an interrupted download from the bytes it already has.
 */
export function blobRoutes(deps: { kiosks: KioskRepository; media: BlobStore }): Router {
  return Router().get('/api/kiosk-api/blobs/:sha256', requireKiosk(deps.kiosks), (req, res, next) => {
    const file = deps.media.pathOf(String(req.params.sha256));
    if (!file) throw new AppError('not_found', 'No such blob.');
    res.sendFile(file, { headers: { 'content-type': 'application/octet-stream' }, maxAge: '365d', immutable: true }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  });
}
