import { defineRoute } from '../route';
import { SyncChangesQuery } from '../sync';

/** The published content on its way down to kiosks: signed sync bodies and the media blobs records attach. */
export const syncApi = {
  changes: defineRoute({
    method: 'GET',
    path: '/api/sync/changes',
    summary:
      'The changes after version `since`, in the sync `protocol` the kiosk speaks (`SYNC_PROTOCOL_VERSION`; none sent means 1): 204 when `since` is the latest version; else gzip NDJSON of `SyncChange` with headers `x-sync-manifest` (base64 of the manifest JSON text) and `x-sync-signature` (Ed25519, base64). A delta (since, latest], or a snapshot from 0 when `since` is 0 or unknown here. 400 `sync_protocol_unsupported` for a protocol central does not serve (nothing sent: update the kiosk); 404 `nothing_published` before the first publish',
    access: { kind: 'kiosk' },
    query: SyncChangesQuery,
    response: { kind: 'file', contentType: 'application/gzip' },
  }),
  blob: defineRoute({
    method: 'GET',
    path: '/api/kiosk-api/blobs/:sha256',
    summary:
      "A media blob's bytes (a photo, PDF or scan a record attaches), cached for a year; `Range: bytes=N-` → 206 with the rest, so an interrupted download resumes. 404 `unknown_blob`",
    access: { kind: 'kiosk' },
    response: { kind: 'file', contentType: 'application/octet-stream' },
  }),
} as const;
