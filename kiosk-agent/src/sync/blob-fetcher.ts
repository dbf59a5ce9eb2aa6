import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ApiCallError, createApiClient, syncApi } from '@sunshine/contracts';
import { renameDurably } from '@sunshine/service-kit';

export interface BlobFetchOptions {
  centralUrl: string;
  token: string;
  /** Where blobs live: `<dir>/<sha256>`; a download in progress is `<sha256>.part`. */
  dir: string;
  fetch?: typeof fetch;
}

const SHA256 = /^[0-9a-f]{64}$/;

export const blobPath = (dir: string, sha256: string) => path.join(dir, sha256);

async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Central's answer for a blob, from byte `from` on; null when the kiosk already has every byte (416). */
async function requestBlob(options: BlobFetchOptions, sha256: string, from: number): Promise<Response | null> {
  const central = createApiClient({
    baseUrl: options.centralUrl.replace(/\/+$/, ''),
    fetch: options.fetch,
    headers: () => ({ authorization: `Bearer ${options.token}`, ...(from > 0 ? { range: `bytes=${from}-` } : {}) }),
    timeoutMs: 10 * 60_000,
  });
  try {
    return await central.call(syncApi.blob, { params: { sha256 } });
  } catch (err) {
    if (err instanceof ApiCallError && err.status === 416) return null;
    throw err;
  }
}

/**
 * Fetches one content-addressed blob (photo, PDF, scan) from central's `syncApi.blob`. An
 * interrupted download resumes from the bytes it already has (`Range`); the blob is kept
 * only once its sha256 matches its name.
 */
export async function fetchBlob(options: BlobFetchOptions, sha256: string): Promise<string> {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  const final = blobPath(options.dir, sha256);
  if (fs.existsSync(final)) return final;
  fs.mkdirSync(options.dir, { recursive: true });
  const part = `${final}.part`;
  const have = fs.existsSync(part) ? fs.statSync(part).size : 0;
  const res = await requestBlob(options, sha256, have);
  if (res) {
    if (!res.body) throw new Error(`central sent no body for blob ${sha256}`);
    // 206 continues the part; a 200 is the whole blob from the start. Each chunk is written
    // as it arrives, so a cut connection leaves every byte received for the next attempt.
    const fd = fs.openSync(part, res.status === 206 ? 'a' : 'w');
    try {
      const reader = res.body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) fs.writeSync(fd, read.value);
    } finally {
      fs.closeSync(fd);
    }
  }
  const actual = await fileSha256(part);
  if (actual !== sha256) {
    fs.rmSync(part, { force: true });
    throw new Error(`blob ${sha256} arrived with sha256 ${actual}; dropped`);
  }
  // A blob's name says it is whole: its bytes are synced before they get it.
  await renameDurably(part, final);
  return final;
}

/** Fetches every blob in `wanted` not yet on disk, one at a time; failures wait for the next sync. */
export async function fetchMissingBlobs(options: BlobFetchOptions, wanted: string[], onError: (sha256: string, err: unknown) => void): Promise<number> {
  let fetched = 0;
  for (const sha256 of wanted) {
    if (fs.existsSync(blobPath(options.dir, sha256))) continue;
    try {
      await fetchBlob(options, sha256);
      fetched++;
    } catch (err) {
      onError(sha256, err);
    }
  }
  return fetched;
}
