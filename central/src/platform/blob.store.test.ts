import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { durabilityProblems, recordDurability, type DurabilityLog } from '@sunshine/service-kit/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createBlobStore } from './blob.store';

describe('blob store', () => {
  let log: DurabilityLog | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-blobs-'));
  afterEach(() => log?.stop());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names a recording only once its bytes are on disk: synced, renamed into place, its folder synced', async () => {
    const store = createBlobStore(dir);
    log = recordDurability();
    const sha256 = await store.put(Buffer.from('一段录音'));
    const file = store.pathOf(sha256);
    expect(file).not.toBeNull();
    expect(durabilityProblems(log.events, file ?? '')).toEqual([]);
    expect(fs.readdirSync(path.dirname(file ?? ''))).toEqual([sha256]);
    await expect(store.get(sha256)).resolves.toEqual(Buffer.from('一段录音'));
  });
});
