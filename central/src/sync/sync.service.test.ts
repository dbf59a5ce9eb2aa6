import { AppError, SYNC_PROTOCOL_VERSION } from '@sunshine/contracts';
import { describe, expect, it } from 'vitest';
import type { PublishedVersion } from './sync.ports';
import { createSyncService } from './sync.service';

const V7: PublishedVersion = { version: 7, publishedAt: '2026-11-26T08:00:00.000Z' };
const signed = { manifest: '{}', signature: 'sig' };

function service(latest: PublishedVersion | null, served?: readonly number[]) {
  const built: [number, number][] = [];
  const sync = createSyncService({
    versions: { latestVersion: async () => latest },
    bodies: {
      get: async (from, to) => {
        built.push([from, to.version]);
        return { file: `${from}-${to.version}.ndjson.gz`, signed };
      },
    },
    served,
  });
  return { sync, built };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (err: unknown) => (err instanceof AppError ? [err.code, err.message] : err));

describe('sync service', () => {
  it('serves the protocol this code speaks: a delta, a snapshot, or up to date', async () => {
    const { sync, built } = service(V7);
    expect(await sync.changes(5, SYNC_PROTOCOL_VERSION)).toEqual({ kind: 'body', file: '5-7.ndjson.gz', signed });
    expect(await sync.changes(0, SYNC_PROTOCOL_VERSION)).toMatchObject({ kind: 'body', file: '0-7.ndjson.gz' });
    expect(await sync.changes(7, SYNC_PROTOCOL_VERSION)).toEqual({ kind: 'up_to_date', version: 7 });
    expect(built).toEqual([
      [5, 7],
      [0, 7],
    ]);
  });

  it('refuses a kiosk speaking a protocol central does not serve, saying which side to update, and builds nothing', async () => {
    const { sync, built } = service(V7, [2, 3]);
    expect(await refusal(sync.changes(5, 1))).toEqual(['sync_protocol_unsupported', expect.stringContaining('请升级这台一体机的软件')]);
    expect(await refusal(sync.changes(5, 4))).toEqual(['sync_protocol_unsupported', expect.stringContaining('请升级中心服务器')]);
    expect(built).toEqual([]);
  });

  it('answers nothing_published before the first publish', async () => {
    expect(await refusal(service(null).sync.changes(0, SYNC_PROTOCOL_VERSION))).toEqual(['nothing_published', expect.any(String)]);
  });
});
