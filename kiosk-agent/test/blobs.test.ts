import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestCentral, type TestCentral } from '@sunshine/central/testing';
import { ApiError, syncApi, urlOf } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath, fetchBlob } from '../src/sync/blob-fetcher';

describe('media blobs from central', () => {
  let central: TestCentral;
  let token: string;
  let dir: string;
  const bytes = crypto.randomBytes(300_000);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');

  beforeAll(async () => {
    central = await startTestCentral();
    token = (await central.enrol('blob kiosk')).token;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-blobs-'));
    // What the import pipeline stores: a content-addressed file under CENTRAL_DATA_DIR/media.
    const file = path.join(central.dir, 'central', 'media', sha256.slice(0, 2), sha256);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  });
  afterAll(async () => {
    await central.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const blobUrl = (name: string) => `${central.url}${urlOf(syncApi.blob, { params: { sha256: name } })}`;

  it('answers a Range request with 206 and the rest of the blob', async () => {
    const res = await fetch(blobUrl(sha256), { headers: { authorization: `Bearer ${token}`, range: 'bytes=100000-' } });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(100_000))).toBe(true);
  });

  it('resumes a cut download from its .part file and keeps the blob once its hash matches', async () => {
    fs.writeFileSync(`${blobPath(dir, sha256)}.part`, bytes.subarray(0, 123_456));
    const file = await fetchBlob({ centralUrl: central.url, token, dir }, sha256);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
  });

  it('keeps a blob whose download stopped after its last byte: central answers 416 and the part is checked', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-blobs-'));
    try {
      fs.writeFileSync(`${blobPath(other, sha256)}.part`, bytes);
      const past = await fetch(blobUrl(sha256), { headers: { authorization: `Bearer ${token}`, range: `bytes=${bytes.length}-` } });
      expect([past.status, ApiError.parse(await past.json()).error.code]).toEqual([416, 'range_not_satisfiable']);
      const file = await fetchBlob({ centralUrl: central.url, token, dir: other }, sha256);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses kiosks without a token and answers unknown_blob for a blob it does not hold', async () => {
    expect((await fetch(blobUrl(sha256))).status).toBe(401);
    const missing = 'f'.repeat(64);
    const res = await fetch(blobUrl(missing), { headers: { authorization: `Bearer ${token}` } });
    expect([res.status, ApiError.parse(await res.json()).error.code]).toEqual([404, 'unknown_blob']);
    await expect(fetchBlob({ centralUrl: central.url, token, dir }, missing)).rejects.toMatchObject({ status: 404, code: 'unknown_blob' });
  });
});
