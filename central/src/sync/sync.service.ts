import { AppError, SYNC_PROTOCOL_VERSION, type SignedManifest } from '@sunshine/contracts';
import { planSync } from './sync-plan';
import type { PublishedVersion, PublishedVersions } from './sync.ports';

/** The sync protocol versions central serves; a kiosk speaking another is refused before anything is built. */
const SERVED_SYNC_PROTOCOLS: readonly number[] = [SYNC_PROTOCOL_VERSION];

type SyncAnswer = { kind: 'up_to_date'; version: number } | { kind: 'body'; file: string; signed: SignedManifest };

interface SyncServiceDeps {
  versions: PublishedVersions;
  /** The signed body of changes (from, to], built once and kept on disk. */
  bodies: { get(from: number, to: PublishedVersion): Promise<{ file: string; signed: SignedManifest }> };
  served?: readonly number[];
}

/** In plain words for the fleet screen, where the kiosk's last sync error shows: which side to update. */
function unsupported(protocol: number, served: readonly number[]): AppError {
  const newest = Math.max(...served);
  const update = protocol < newest ? '请升级这台一体机的软件（update the kiosk）' : '请升级中心服务器（update central）';
  return new AppError(
    'sync_protocol_unsupported',
    `这台一体机用第 ${protocol} 版数据同步协议，中心服务器只支持第 ${served.join('、')} 版：${update}。kiosk speaks sync protocol ${protocol}, central serves ${served.join(', ')}.`,
  );
}

/** What a kiosk at version `since`, speaking sync protocol `protocol`, gets: nothing new, or a signed body. */
export function createSyncService(deps: SyncServiceDeps) {
  const served = deps.served ?? SERVED_SYNC_PROTOCOLS;
  return {
    async changes(since: number, protocol: number): Promise<SyncAnswer> {
      if (!served.includes(protocol)) throw unsupported(protocol, served);
      const latest = await deps.versions.latestVersion();
      if (!latest) throw new AppError('nothing_published', '中心还没有发布任何数据（nothing has been published yet）。');
      const plan = planSync(since, latest.version, 0);
      if (plan.kind === 'up_to_date') return plan;
      return { kind: 'body', ...(await deps.bodies.get(plan.from, latest)) };
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
