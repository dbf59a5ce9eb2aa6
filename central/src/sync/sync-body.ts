import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { SYNC_PROTOCOL_VERSION, type SignedManifest, type SyncManifest } from '@sunshine/contracts';
import { renameDurably, writeFileDurably } from '@sunshine/service-kit';
import type { ChangeSource, ContentChange, PublishedVersion } from './sync.ports';

export interface SyncBody {
  file: string;
  signed: SignedManifest;
}

/**
 * Writes the gzip NDJSON body of changes (from, to] to `cacheDir` and signs its manifest.
 * `from` 0 gives a snapshot (`wipeAll`). Bodies are immutable once written: a version's
 * records never change after publishing, so (from, to) names one body forever.
 */
export async function buildSyncBody(
  source: ChangeSource,
  from: number,
  to: PublishedVersion,
  signingKey: KeyObject,
  cacheDir: string,
): Promise<SyncBody> {
  const file = path.join(cacheDir, `${from}-${to.version}.ndjson.gz`);
  const manifestFile = `${file}.manifest.json`;
  if (fs.existsSync(manifestFile)) {
    const signed: SignedManifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    return { file, signed };
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const counts = { upserts: 0, deletes: 0 };
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const tmp = `${file}.${process.pid}.tmp`;
  await pipeline(
    changeLines(source.streamChangesSince(from), counts),
    zlib.createGzip({ level: 6 }),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
    fs.createWriteStream(tmp),
  );
  const manifest: SyncManifest = {
    protocol: SYNC_PROTOCOL_VERSION,
    from,
    to: to.version,
    wipeAll: from === 0,
    sha256: hash.digest('hex'),
    bytes,
    counts,
    publishedAt: to.publishedAt,
  };
  const signed = signManifest(manifest, signingKey);
  // The manifest marks a finished body (it is what the next request finds): the body is on
  // disk under its name before the manifest is written, and the manifest is whole or absent.
  await renameDurably(tmp, file);
  await writeFileDurably(manifestFile, JSON.stringify(signed));
  return { file, signed };
}

/** Signs the exact JSON text of the manifest; the agent verifies that text, then parses it. */
export function signManifest(manifest: SyncManifest, signingKey: KeyObject): SignedManifest {
  const text = JSON.stringify(manifest);
  return { manifest: text, signature: crypto.sign(null, Buffer.from(text), signingKey).toString('base64') };
}

async function* changeLines(changes: AsyncIterable<ContentChange>, counts: SyncManifest['counts']) {
  let chunk: string[] = [];
  for await (const c of changes) {
    if (c.deleted) {
      counts.deletes++;
      chunk.push(`{"op":"delete","table":"${c.table}","id":${JSON.stringify(c.id)}}\n`);
    } else {
      counts.upserts++;
      // `data` is already the record's JSON text: splice it in rather than parse and re-stringify.
      chunk.push(`{"op":"upsert","table":"${c.table}","record":${c.data}}\n`);
    }
    if (chunk.length === 1000) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}
