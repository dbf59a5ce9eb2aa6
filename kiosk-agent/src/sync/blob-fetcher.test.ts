import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { listen } from '@sunshine/service-kit';
import { durabilityProblems, recordDurability } from '@sunshine/service-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchBlob } from './blob-fetcher';

const blob = crypto.randomBytes(300_000);
const sha = crypto.createHash('sha256').update(blob).digest('hex');

/** A small real server standing in for central's `syncApi.blob`, with Range; it can cut a download short or spoil it. */
async function blobServer(mode: { cutAfter?: number; corrupt?: boolean }) {
  const ranges: string[] = [];
  const server = http.createServer((req, res) => {
    const range = req.headers.range ?? '';
    ranges.push(range);
    const start = Number(/^bytes=(\d+)-$/.exec(range)?.[1] ?? 0);
    const body = Buffer.from(blob.subarray(start));
    if (mode.corrupt) body[0] = (body[0] ?? 0) ^ 0xff;
    res.writeHead(start ? 206 : 200, { 'content-length': String(body.length) });
    if (mode.cutAfter !== undefined && ranges.length === 1) {
      res.write(body.subarray(0, mode.cutAfter), () => res.destroy());
      return;
    }
    res.end(body);
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, ranges, close: () => new Promise((r) => server.close(r)) };
}

describe('blob fetcher', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-blobs-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('resumes an interrupted download from the bytes it has and keeps the verified blob', async () => {
    const server = await blobServer({ cutAfter: 100_000 });
    cleanups.push(server.close);
    const dir = tempDir();
    const options = { centralUrl: server.url, token: 't', dir };
    await expect(fetchBlob(options, sha)).rejects.toThrow();
    const partial = fs.statSync(path.join(dir, `${sha}.part`)).size;
    expect(partial).toBeGreaterThan(0);
    const file = await fetchBlob(options, sha);
    expect(server.ranges[1]).toBe(`bytes=${partial}-`);
    expect(fs.readFileSync(file).equals(blob)).toBe(true);
  });

  it('names a blob only once its bytes are on disk: the part file is synced, renamed, its folder synced', async () => {
    const server = await blobServer({});
    cleanups.push(server.close);
    const dir = tempDir();
    const log = recordDurability();
    cleanups.push(() => log.stop());
    const file = await fetchBlob({ centralUrl: server.url, token: 't', dir }, sha);
    expect(durabilityProblems(log.events, file)).toEqual([]);
    expect(fs.readFileSync(file).equals(blob)).toBe(true);
  });

  it('drops a blob whose sha256 does not match its name', async () => {
    const server = await blobServer({ corrupt: true });
    cleanups.push(server.close);
    const dir = tempDir();
    await expect(fetchBlob({ centralUrl: server.url, token: 't', dir }, sha)).rejects.toThrow(/dropped/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
