import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Serves the built kiosk UI at `/`; any non-API path falls back to its index.html. */
export function uiRoutes(uiDir: string): Router {
  const index = path.join(uiDir, 'index.html');
  const router = Router();
  router.use(express.static(uiDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForIndex }));
  router.get(/^(?!\/api\/|\/socket\.io\/).*/, (_req, res) => {
    if (fs.existsSync(index)) res.set('cache-control', 'no-cache').sendFile(index);
    else res.status(503).type('text/plain; charset=utf-8').send('界面尚未构建 (kiosk UI not built: run npm run build:ui)');
  });
  return router;
}

function noCacheForIndex(res: express.Response, file: string): void {
  if (file.endsWith('index.html')) res.set('cache-control', 'no-cache');
}
