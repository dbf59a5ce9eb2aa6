import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/**
 * Serves a built kiosk UI and a baseline page from loopback, like the agent does; anything
 * else (the agent's routes, socket.io) answers 404 at once, so what is timed is the UI
 * itself, not the agent's work.
 */
export function serveStatic(dir: string, extraPages: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    const page = extraPages[urlPath];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] ?? '' }).end(page);
      return;
    }
    const file = path.join(dir, urlPath === '/' ? 'index.html' : path.normalize(urlPath));
    if (!file.startsWith(dir) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
