import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { durabilityProblems, recordDurability, type DurabilityLog } from '@sunshine/service-kit/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildSyncBody } from './sync-body';
import type { ChangeSource, ContentChange } from './sync.ports';

const changes: ContentChange[] = [
  { table: 'towns', id: '450000001000', deleted: false, data: '{"code":"450000001000","name":"城关镇"}' },
  { table: 'villages', id: '450000001001', deleted: true, data: '' },
];
const source: ChangeSource = {
  async *streamChangesSince() {
    yield* changes;
  },
};

describe('sync body', () => {
  let log: DurabilityLog | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-sync-body-'));
  afterEach(() => log?.stop());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('puts a body on disk before its manifest, and each whole and synced: the manifest says the body is done', async () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    log = recordDurability();
    const body = await buildSyncBody(source, 0, { version: 3, publishedAt: '2026-11-30T08:00:00.000Z' }, privateKey, dir);
    const manifestFile = `${body.file}.manifest.json`;
    expect(durabilityProblems(log.events, body.file)).toEqual([]);
    expect(durabilityProblems(log.events, manifestFile)).toEqual([]);
    const renamedTo = log.events.flatMap((e) => (e.kind === 'rename' ? [path.basename(e.to)] : []));
    expect(renamedTo).toEqual(['0-3.ndjson.gz', '0-3.ndjson.gz.manifest.json']);
    expect(JSON.parse(fs.readFileSync(manifestFile, 'utf8'))).toEqual(body.signed);
    expect(fs.readdirSync(dir).sort()).toEqual(['0-3.ndjson.gz', '0-3.ndjson.gz.manifest.json']);
  });
});
