import { AppError, syncApi } from '@sunshine/contracts';
import { Router, type Response } from 'express';
import type { BlobStore } from '../platform/blob.store';
import type { CentralMount } from '../route-mount';

/** Sends a file; settles once it is sent, or once nothing more can be said (the kiosk hung up mid-file). */
function sendFile(res: Response, file: string, options: Parameters<Response['sendFile']>[1]): Promise<void> {
  return new Promise((resolve, reject) => {
    res.sendFile(file, options, (err: (Error & { status?: number }) | undefined) => {
      if (!err || res.headersSent) resolve();
      // A kiosk whose download stopped after the last byte asks for the bytes after the end.
      else if (err.status === 416) reject(new AppError('range_not_satisfiable', '这个文件已经全部下载了（the range starts past the end of the blob）。'));
      else reject(err);
    });
  });
}

/**
 * `syncApi.blob`: a media blob for kiosks. `sendFile` answers `Range` with 206, so a kiosk
 * resumes an interrupted download from the bytes it already has.
 */
export function blobRoutes(mount: CentralMount, deps: { media: BlobStore }): Router {
  const router = Router();
  mount(router, syncApi.blob, async ({ params }, _req, res) => {
    const file = deps.media.pathOf(params.sha256);
    if (!file) throw new AppError('unknown_blob', '中心没有这个文件（no such blob）。');
    await sendFile(res, file, { headers: { 'content-type': syncApi.blob.response.contentType }, maxAge: '365d', immutable: true });
    return undefined;
  });
  return router;
}
