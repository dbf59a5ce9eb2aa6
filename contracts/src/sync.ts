import { z } from 'zod';
import { IsoDateTime } from './common';
import { FinanceLine, FinancePeriod } from './finance';
import { Town, Village } from './geography';
import { Notice } from './notices';
import { Payment, Policy, Program } from './payments';
import { Project } from './projects';

/** Bumped when the sync wire format changes; agent and central refuse a mismatch. */
export const SYNC_PROTOCOL = 1;

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
  protocol: z.literal(SYNC_PROTOCOL),
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

/** Central's answer when the kiosk is already up to date: no body. */
export const SyncUpToDate = z.object({ upToDate: z.literal(true), version: z.number().int().nonnegative() });
