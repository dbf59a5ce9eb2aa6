import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { ChangeSource, PublishedVersion, PublishedVersions } from './sync.ports';
import { buildSyncBody, type SyncBody } from './sync-body';

/**
 * The sync bodies central serves. Concurrent kiosks asking for the same (from, to) share
 * one build. `warmSnapshot` runs at start, so the first kiosk to enrol after the county is
 * loaded does not wait; after a publish, enrolled kiosks need only the small delta, so a
 * county-sized snapshot is rebuilt only when a new kiosk asks for it.
 */
export function createSyncBodies(deps: { content: PublishedVersions & ChangeSource; signingKey: KeyObject; dataDir: string }) {
  const building = new Map<string, Promise<SyncBody>>();
  const cacheDir = path.join(deps.dataDir, 'sync-cache');

  function get(from: number, to: PublishedVersion): Promise<SyncBody> {
    const key = `${from}-${to.version}`;
    let body = building.get(key);
    if (!body) {
      body = buildSyncBody(deps.content, from, to, deps.signingKey, cacheDir);
      building.set(key, body);
      body.finally(() => building.delete(key)).catch(() => undefined);
    }
    return body;
  }

  return {
    get,
    async warmSnapshot(): Promise<void> {
      const latest = await deps.content.latestVersion();
      if (latest) await get(0, latest);
    },
  };
}
export type SyncBodies = ReturnType<typeof createSyncBodies>;
