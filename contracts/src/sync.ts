import { z } from 'zod';
import { IsoDateTime } from './common';
import { FinanceLine, FinancePeriod } from './finance';
import { Town, Village } from './geography';
import { Notice } from './notices';
import { Payment, Policy, Program } from './payments';
import { Project } from './projects';

/**
 * The sync protocol this code speaks (the body's lines, the manifest and its headers). Bumped
 * when the wire format changes: the kiosk sends it with every sync request and central
 * refuses a version it does not serve (400 `sync_protocol_unsupported`) rather than send a
 * body the kiosk would misread; the signed manifest carries it too.
 */
export const SYNC_PROTOCOL_VERSION = 1;

/** Every table that central publishes to kiosks, with the schema of its records. */
export const SyncTables = {
  towns: Town,
  villages: Village,
  programs: Program,
  policies: Policy,
  payments: Payment,
  projects: Project,
  financePeriods: FinancePeriod,
  financeLines: FinanceLine,
  notices: Notice,
} as const;
export type SyncTable = keyof typeof SyncTables;
export const SyncTable = z.enum(Object.keys(SyncTables) as [SyncTable, ...SyncTable[]]);

/** One line of a sync body (NDJSON, gzip): an upsert of a whole record, or a delete by id. */
export const SyncChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), table: SyncTable, record: z.record(z.string(), z.unknown()) }),
  z.object({ op: z.literal('delete'), table: SyncTable, id: z.string() }),
]);
export type SyncChange = z.infer<typeof SyncChange>;

/**
 * Describes one sync body. A snapshot (`wipeAll`) replaces everything; a delta holds the
 * latest state of each key changed in (from, to]. The agent checks the signature over
 * the manifest and the body's sha256 before it applies anything.
 */
export const SyncManifest = z.object({
  protocol: z.literal(SYNC_PROTOCOL_VERSION),
  from: z.number().int().nonnegative(),
  to: z.number().int().positive(),
  wipeAll: z.boolean(),
  /** sha256 (hex) of the gzip body exactly as sent. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  counts: z.object({ upserts: z.number().int().nonnegative(), deletes: z.number().int().nonnegative() }),
  /** When central published version `to`: the kiosk's "数据更新于". */
  publishedAt: IsoDateTime,
});
export type SyncManifest = z.infer<typeof SyncManifest>;

/** The manifest as sent: the JSON text that was signed, and its Ed25519 signature (base64). */
export const SignedManifest = z.object({
  manifest: z.string().min(2),
  signature: z.string().min(1),
});
export type SignedManifest = z.infer<typeof SignedManifest>;

/** Headers that carry the signed manifest beside a sync body. */
export const SyncHeader = {
  manifest: 'x-sync-manifest',
  signature: 'x-sync-signature',
} as const;

/**
 * `GET /api/sync/changes?since=M&protocol=N`: the version the kiosk holds and the protocol it
 * speaks. Kiosks from before the `protocol` parameter send none: they speak version 1.
 */
export const SyncChangesQuery = z.object({
  since: z.coerce.number().int().nonnegative(),
  protocol: z.coerce.number().int().positive().default(1),
});
export type SyncChangesQuery = z.input<typeof SyncChangesQuery>;
