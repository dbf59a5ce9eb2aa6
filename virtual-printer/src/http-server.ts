import http from 'node:http';
import type { PaperState, PrinterServer, Receipt, SimulatedState } from './printer-server';

// A small page listing printed receipts (text and PNG preview), and the switches the
// tests and the demo use to make the printer fail:
//   GET  /                       the page
//   GET  /api/receipts           receipts as JSON (id, receivedAt, text, qr, complete)
//   GET  /receipts/:id.png|.txt  one receipt's preview or text
//   DELETE /api/receipts         forget every receipt
//   GET  /api/state              the simulated state
//   POST /api/state              change it: { online?, coverOpen?, paper?, paperLeftBytes? }

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const summary = (r: Receipt) => ({ id: r.id, receivedAt: r.receivedAt, text: r.text, qr: r.qr, complete: r.complete });

function parseStatePatch(body: unknown): Partial<SimulatedState> | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const patch: Partial<SimulatedState> = {};
  if ('online' in b) {
    if (typeof b.online !== 'boolean') return null;
    patch.online = b.online;
  }
  if ('coverOpen' in b) {
    if (typeof b.coverOpen !== 'boolean') return null;
    patch.coverOpen = b.coverOpen;
  }
  if ('paper' in b) {
    if (b.paper !== 'ok' && b.paper !== 'near_end' && b.paper !== 'out') return null;
    patch.paper = b.paper satisfies PaperState;
  }
  if ('paperLeftBytes' in b) {
    const n = b.paperLeftBytes;
    if (n !== null && !(typeof n === 'number' && Number.isInteger(n) && n >= 0)) return null;
    patch.paperLeftBytes = n;
  }
  return patch;
}

function page(printer: PrinterServer): string {
  const s = printer.getState();
  const items = [...printer.receipts]
    .reverse()
    .map(
      (r) => `<article><h2>#${r.id} · ${escapeHtml(r.receivedAt)}${r.complete ? '' : ' · <b class="warn">未打完</b>'}</h2>
<div class="row"><pre>${escapeHtml(r.text)}</pre><a href="/receipts/${r.id}.png"><img src="/receipts/${r.id}.png" alt="receipt ${r.id}"></a></div></article>`,
    )
    .join('\n');
  const button = (label: string, patch: Partial<SimulatedState>) =>
    `<button onclick='setState(${JSON.stringify(patch)})'>${label}</button>`;
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>虚拟打印机</title>
<style>body{font-family:sans-serif;margin:1rem}pre{background:#f6f6f6;padding:.5rem;font-family:"Noto Sans Mono CJK SC",monospace}
.row{display:flex;gap:1rem;align-items:flex-start}img{max-width:320px;border:1px solid #ccc}.warn{color:#c00}</style>
<h1>虚拟打印机</h1>
<p>状态：<code>${escapeHtml(JSON.stringify(s))}</code></p>
<p>${button('正常', { online: true, coverOpen: false, paper: 'ok', paperLeftBytes: null })}
${button('离线', { online: false })} ${button('开盖', { coverOpen: true })}
${button('纸将尽', { paper: 'near_end' })} ${button('缺纸', { paper: 'out' })}
${button('打印中缺纸（200字节后）', { paperLeftBytes: 200 })}</p>
<p>共 ${printer.receipts.length} 张</p>
${items}
<script>async function setState(p){await fetch('/api/state',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(p)});location.reload()}</script>
</html>`;
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
      if (body.length > 4096) req.destroy();
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(body));
      } catch {
        resolve(null);
      }
    });
  });
}

/** The virtual printer's web page and control API, over `printer`. */
export function createPrinterHttpServer(printer: PrinterServer): http.Server {
  return http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const json = (status: number, value: unknown) => send(status, 'application/json; charset=utf-8', JSON.stringify(value));
    const match = /^\/receipts\/(\d+)\.(png|txt)$/.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/') return send(200, 'text/html; charset=utf-8', page(printer));
    if (req.method === 'GET' && url.pathname === '/api/receipts') return json(200, printer.receipts.map(summary));
    if (req.method === 'DELETE' && url.pathname === '/api/receipts') {
      printer.clear();
      return json(200, { ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/api/state') return json(200, printer.getState());
    if (req.method === 'POST' && url.pathname === '/api/state') {
      const patch = parseStatePatch(await readJson(req));
      if (!patch) return json(400, { error: { code: 'bad_request', message: 'expected { online?, coverOpen?, paper?, paperLeftBytes? }' } });
      return json(200, printer.setState(patch));
    }
    if (req.method === 'GET' && match) {
      const receipt = printer.receipts.find((r) => r.id === Number(match[1]));
      if (!receipt) return json(404, { error: { code: 'not_found', message: 'no such receipt' } });
      return match[2] === 'png'
        ? send(200, 'image/png', printer.preview(receipt))
        : send(200, 'text/plain; charset=utf-8', receipt.text + '\n');
    }
    json(404, { error: { code: 'not_found', message: 'no such page' } });
  });
}
