import { urlOf, virtualPrinterApi, type VirtualPrinterStatePatch } from '@sunshine/contracts';
import type { PrinterServer } from './printer-server';

// The page a person opens beside the demo kiosk: the state, one button per fault, and each
// receipt as text and preview. It refreshes itself, so a receipt shows up as it prints.

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const button = (label: string, patch: VirtualPrinterStatePatch) => `<button onclick='setState(${JSON.stringify(patch)})'>${label}</button>`;

/** The page's HTML over `printer`'s receipts, newest first. */
export function renderPage(printer: PrinterServer): string {
  const state = printer.getState();
  const items = [...printer.receipts]
    .reverse()
    .map((r) => {
      const preview = escapeHtml(urlOf(virtualPrinterApi.receiptPreview, { params: { id: r.id } }));
      return `<article><h2>#${r.id} · ${escapeHtml(r.receivedAt)}${r.complete ? '' : ' · <b class="warn">未打完</b>'}</h2>
<div class="row"><pre>${escapeHtml(r.text)}</pre><a href="${preview}"><img src="${preview}" alt="receipt ${r.id}"></a></div></article>`;
    })
    .join('\n');
  const setState = virtualPrinterApi.setState;
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>虚拟打印机</title>
<style>body{font-family:sans-serif;margin:1rem}pre{background:#f6f6f6;padding:.5rem;font-family:"Noto Sans Mono CJK SC",monospace}
.row{display:flex;gap:1rem;align-items:flex-start}img{max-width:320px;border:1px solid #ccc}.warn{color:#c00}</style>
<h1>虚拟打印机</h1>
<p>状态：<code>${escapeHtml(JSON.stringify(state))}</code></p>
<p>${button('正常', { online: true, coverOpen: false, paper: 'ok', paperLeftBytes: null })}
${button('离线', { online: false })} ${button('开盖', { coverOpen: true })}
${button('纸将尽', { paper: 'near_end' })} ${button('缺纸', { paper: 'out' })}
${button('打印中缺纸（200字节后）', { paperLeftBytes: 200 })}</p>
<p>共 ${printer.receipts.length} 张</p>
${items}
<script>async function setState(p){await fetch(${JSON.stringify(urlOf(setState))},{method:${JSON.stringify(setState.method)},headers:{'content-type':'application/json'},body:JSON.stringify(p)});location.reload()}</script>
</html>`;
}
