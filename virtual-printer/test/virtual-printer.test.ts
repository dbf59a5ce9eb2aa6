import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { ApiCallError, createApiClient, urlOf, virtualPrinterApi as api, type VirtualPrinterStatePatch } from '@sunshine/contracts';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrinterHttpServer, createPrinterServer, parseEscPos, statusByte, type PrinterServer } from '../src';

// The virtual printer on loopback: what it decodes, how it answers status requests,
// and the HTTP switches the tests and the demo use.

const servers: { close(cb: () => void): unknown }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
});

async function listen(server: net.Server | ReturnType<typeof createPrinterHttpServer>): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** Sends bytes on one connection and collects what the printer answers before closing. */
async function send(port: number, bytes: Buffer, waitMs = 30): Promise<Buffer> {
  const socket = net.connect(port, '127.0.0.1');
  const replies: Buffer[] = [];
  socket.on('data', (c: Buffer) => replies.push(c));
  await new Promise((r) => socket.once('connect', r));
  socket.write(bytes);
  await new Promise((r) => setTimeout(r, waitMs));
  socket.end();
  await new Promise((r) => socket.once('close', r));
  return Buffer.concat(replies);
}

const gb = (s: string) => iconv.encode(s, 'gb18030');
const receiptBytes = Buffer.concat([
  Buffer.from([0x1b, 0x40, 0x1c, 0x26, 0x1b, 0x61, 0x01, 0x1d, 0x21, 0x11]),
  gb('回执'),
  Buffer.from([0x0a, 0x1d, 0x21, 0x00, 0x1b, 0x61, 0x00]),
  gb('金额 ￥1,234.50'),
  Buffer.from([0x0a, 0x1d, 0x28, 0x6b, 0x0f, 0x00, 0x31, 0x50, 0x30]),
  Buffer.from('004200001231'),
  Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30, 0x0a, 0x1d, 0x56, 0x00]),
]);

describe('ESC/POS decoding', () => {
  it('decodes GB18030 text, size, alignment, QR payloads and the cut', () => {
    const [doc] = parseEscPos(receiptBytes);
    expect(doc?.cut).toBe(true);
    expect(doc?.lines[0]).toEqual({ kind: 'text', align: 'center', runs: [{ text: '回执', bold: false, underline: false, width: 2, height: 2 }] });
    expect(doc?.lines[1]).toMatchObject({ kind: 'text', align: 'left', runs: [{ text: '金额 ￥1,234.50' }] });
    expect(doc?.lines[2]).toEqual({ kind: 'qr', align: 'left', data: '004200001231', moduleSize: 3 });
  });

  it('prints high bytes outside Chinese mode as garbage, as a real printer would', () => {
    const [doc] = parseEscPos(Buffer.concat([gb('村'), Buffer.from([0x0a])]));
    expect(doc?.lines[0]).toMatchObject({ runs: [{ text: '\uFFFD\uFFFD' }] });
  });
});

describe('the virtual printer', () => {
  let vp: PrinterServer;
  async function start() {
    vp = createPrinterServer();
    const port = await listen(vp.server);
    const httpPort = await listen(createPrinterHttpServer(vp));
    const http = `http://127.0.0.1:${httpPort}`;
    return { port, http, client: createApiClient({ baseUrl: http }) };
  }

  it('keeps each receipt as text and a PNG, and lists them on its page', async () => {
    const { port, http, client } = await start();
    await send(port, receiptBytes);
    const [receipt] = await vp.waitForReceipts(1);
    expect(receipt?.text).toBe('回执\n金额 ￥1,234.50\n[QR:004200001231]');
    expect(receipt?.complete).toBe(true);
    const png = Buffer.from(await (await client.call(api.receiptPreview, { params: { id: 1 } })).arrayBuffer());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(await (await client.call(api.receiptText, { params: { id: 1 } })).text()).toBe(`${receipt?.text}\n`);
    const pageHtml = await (await client.call(api.page)).text();
    expect(pageHtml).toContain('金额 ￥1,234.50');
    expect(pageHtml).toContain(`<img src="${urlOf(api.receiptPreview, { params: { id: 1 } })}"`);
    expect(await client.call(api.listReceipts)).toMatchObject([{ id: 1, qr: ['004200001231'], complete: true }]);
    expect(await client.call(api.clearReceipts)).toEqual({ ok: true });
    expect(await client.call(api.listReceipts)).toEqual([]);
    expect((await fetch(http + urlOf(api.receiptText, { params: { id: 1 } }))).status).toBe(404);
  });

  it('answers DLE EOT 1, 2 and 4 from its simulated state, switched over HTTP', async () => {
    const { port, client } = await start();
    const ask = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
    expect([...(await send(port, ask))]).toEqual([0x12, 0x12, 0x12]);
    const set = (body: VirtualPrinterStatePatch) => client.call(api.setState, { body });
    expect(await set({ coverOpen: true })).toMatchObject({ coverOpen: true, paper: 'ok' });
    expect([...(await send(port, ask))]).toEqual([0x1a, 0x16, 0x12]);
    await set({ coverOpen: false, paper: 'out' });
    expect([...(await send(port, ask))]).toEqual([0x1a, 0x32, 0x7e]);
    await set({ paper: 'near_end' });
    expect([...(await send(port, ask))]).toEqual([0x12, 0x12, 0x1e]);
    await set({ online: false });
    expect((await send(port, ask)).length).toBe(0);
    expect(await client.call(api.getState)).toEqual({ online: false, coverOpen: false, paper: 'near_end', paperLeftBytes: null });
    expect(statusByte(4, { online: true, coverOpen: false, paper: 'ok', paperLeftBytes: null })).toBe(0x12);
  });

  it('refuses a state change with a field of the wrong kind by code, and changes nothing', async () => {
    const { http, client } = await start();
    const before = await client.call(api.getState);
    const refused = await fetch(http + urlOf(api.setState), { method: api.setState.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ coverOpen: true, paper: 'maybe' }) });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect(await client.call(api.getState)).toEqual(before);
  });

  it('answers not_found for a receipt it does not keep', async () => {
    const { client } = await start();
    const error = await client.call(api.receiptPreview, { params: { id: 7 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('runs out of paper part-way through a receipt and keeps it as incomplete', async () => {
    const { port } = await start();
    vp.setState({ paperLeftBytes: 20 });
    await send(port, receiptBytes);
    const [receipt] = await vp.waitForReceipts(1);
    expect(receipt?.complete).toBe(false);
    expect(vp.getState().paper).toBe('out');
    await send(port, receiptBytes);
    expect(vp.receipts).toHaveLength(1);
  });

  it('answers a status query split across two writes', async () => {
    const { port } = await start();
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const reply = new Promise<Buffer>((r) => socket.once('data', r));
    socket.write(Buffer.from([0x10]));
    await new Promise((r) => setTimeout(r, 20));
    socket.write(Buffer.from([0x04, 0x01]));
    expect([...(await reply)]).toEqual([0x12]);
    socket.destroy();
  });
});
