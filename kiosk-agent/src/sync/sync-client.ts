import { createApiClient, SignedManifest, SYNC_PROTOCOL_VERSION, syncApi, SyncHeader, type AgentEnrolment, type SyncManifest } from '@sunshine/contracts';
import type { Logger } from '@sunshine/service-kit';
import type { ContentRow } from '../content/content-rows';
import type { ContentStore } from '../content/content.store';
import { decodeBody } from './ndjson';
import { applyInThreads } from './threads/apply-in-threads';
import { SyncRefused } from './sync-refused';
import { verifyBody, verifyManifest } from './verify';

/** Bodies with at least this many changes (a snapshot, a county-wide correction) load on worker threads. */
export const OFF_THREAD_FROM = 20_000;

export type PullResult = { kind: 'up_to_date'; version: number } | { kind: 'applied'; from: number; to: number; changes: number };

export interface SyncClientDeps {
  enrolment: AgentEnrolment;
  centralUrl: string;
  content: ContentStore;
  logger: Logger;
  fetch?: typeof fetch;
  /** Default OFF_THREAD_FROM. */
  offThreadFrom?: number;
}

/**
 * One pull: ask central for changes since the local version, verify the signed manifest
 * and the body's hash, and only then apply the whole body in one transaction.
 */
export async function pullOnce(deps: SyncClientDeps): Promise<PullResult> {
  const since = deps.content.dataVersion().version;
  const central = createApiClient({
    baseUrl: deps.centralUrl.replace(/\/+$/, ''),
    fetch: deps.fetch,
    headers: () => ({ authorization: `Bearer ${deps.enrolment.token}` }),
    timeoutMs: 10 * 60_000,
  });
  // A refusal (`sync_protocol_unsupported`, `kiosk_revoked`…) throws central's plain words,
  // which the heartbeat carries to the fleet screen as `lastSyncError`.
  const response = await central.call(syncApi.changes, { query: { since, protocol: SYNC_PROTOCOL_VERSION } });
  if (response.status === 204) return { kind: 'up_to_date', version: since };
  const signed = SignedManifest.parse({
    manifest: Buffer.from(response.headers.get(SyncHeader.manifest) ?? '', 'base64').toString('utf8'),
    signature: response.headers.get(SyncHeader.signature) ?? '',
  });
  const manifest = verifyManifest(signed, deps.enrolment.centralPublicKey);
  if (manifest.to <= since) throw new SyncRefused('replay', `refusing version ${manifest.to}: the kiosk already holds ${since}`);
  const body = Buffer.from(await response.arrayBuffer());
  verifyBody(manifest, body);
  const changes = await apply(deps, manifest, body);
  deps.logger.info({ from: manifest.from, to: manifest.to, changes }, 'content applied');
  return { kind: 'applied', from: manifest.from, to: manifest.to, changes };
}

async function apply(deps: SyncClientDeps, manifest: SyncManifest, body: Buffer): Promise<number> {
  if (manifest.counts.upserts + manifest.counts.deletes >= (deps.offThreadFrom ?? OFF_THREAD_FROM)) {
    return applyInThreads(deps.content.file, manifest, body);
  }
  const rows: ContentRow[] = [];
  for await (const batch of decodeBody(body)) rows.push(...batch);
  return deps.content.apply(manifest, rows);
}
